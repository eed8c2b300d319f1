using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Statistics;

/// <summary>The group limit (10,000 by default; the demo data cannot reach it, so the tests lower it).</summary>
public sealed class StatisticsGroupLimitTests : IAsyncLifetime
{
    private readonly WorkforceApiFactory _factory = new();

    public async Task InitializeAsync()
    {
        _factory.Settings["Limits:MaxStatisticsGroups"] = "4";
        await RandomWorkforce.CreateAsync(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task More_groups_than_the_limit_are_refused_and_as_many_as_the_limit_are_answered()
    {
        var client = _factory.GraphQL();
        var gender = await client.PostAsync("{ workforceStatistics(groupBy: [GENDER]) { count } }");
        Assert.Equal(2, gender.EnsureSuccess().Data!["workforceStatistics"]!.AsArray().Count);

        var genderAndStatus = await client.PostAsync("{ workforceStatistics(groupBy: [GENDER, STATUS]) { count } }");
        var groups = genderAndStatus.Errors is null ? genderAndStatus.Data!["workforceStatistics"]!.AsArray().Count : -1;
        var wide = await client.PostAsync("{ workforceStatistics(groupBy: [GENDER, STATUS, EDUCATION]) { count } }");

        Assert.Equal("LIMIT_EXCEEDED", wide.FirstErrorCode);
        Assert.Equal(4, wide.Errors![0]!["extensions"]!["maxAllowedItems"]!.GetValue<int>());
        Assert.Null(wide.Data);
        Assert.True(groups is -1 or <= 4, $"{groups} groups answered over a limit of 4");
    }
}

using Snapshooter.Xunit;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Regions;

public sealed class RegionQueryTests : IAsyncLifetime
{
    private readonly WorkforceApiFactory _factory = new();

    public async Task InitializeAsync() => await SmallWorkforce.CreateAsync(_factory);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Region_by_code_resolves_parent_children_and_communities()
    {
        var response = await _factory.GraphQL().PostAsync("""
            { region(code: "320102000000") {
                code name level
                parent { code name level }
                children { code name level }
                communities(first: 5) { totalCount nodes { code name urbanRuralClass region { code } } }
            } }
            """);

        response.EnsureSuccess();
        Snapshot.Match(response.ToSnapshot());
    }

    [Fact]
    public async Task Unknown_region_code_is_null()
    {
        var response = await _factory.GraphQL().PostAsync("""{ region(code: "110000000000") { name } }""");

        response.EnsureSuccess();
        Assert.Null(response.Data!["region"]);
    }

    [Theory]
    [InlineData("3201")]
    [InlineData("320102001001")]
    [InlineData("99000000000A")]
    public async Task Malformed_or_village_region_code_is_INVALID_DIVISION_CODE(string code)
    {
        var response = await _factory.GraphQL().PostAsync("query($c: String!) { region(code: $c) { name } }", new { c = code });

        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        Assert.Equal("INVALID_DIVISION_CODE", response.FirstErrorCode);
        Assert.Null(response.Data!["region"]);
    }

    [Fact]
    public async Task Community_by_code_lists_its_current_workers_and_all_posts()
    {
        var response = await _factory.GraphQL().PostAsync("""
            { community(code: "320102001001") {
                name residentPopulation households gridCount
                region { name level }
                workers(first: 10) { totalCount nodes { name status } }
                posts { role category grade startDate endDate worker { name } }
            } }
            """);

        response.EnsureSuccess();
        Snapshot.Match(response.ToSnapshot());
    }

    [Fact]
    public async Task Community_code_of_a_township_is_INVALID_DIVISION_CODE()
    {
        var response = await _factory.GraphQL().PostAsync("""{ community(code: "320102001000") { name } }""");

        Assert.Equal("INVALID_DIVISION_CODE", response.FirstErrorCode);
    }
}

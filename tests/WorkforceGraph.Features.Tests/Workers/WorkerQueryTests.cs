using Snapshooter.Xunit;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Workers;

public sealed class WorkerQueryTests : IAsyncLifetime
{
    private readonly WorkforceApiFactory _factory = new();
    private SmallWorkforce _data = null!;

    public async Task InitializeAsync() => _data = await SmallWorkforce.CreateAsync(_factory);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Workers_resolve_stored_fields_and_relations()
    {
        var response = await _factory.GraphQL().PostAsync("""
            { workers(first: 10) { totalCount nodes {
                name gender birthDate idNumber phone ethnicity politicalStatus education socialWorkQualification
                employmentType status communityWorkStartDate hiredOn isReserveTalent
                community { code name }
                posts { role category grade startDate endDate community { code } }
                trainingRecords { completedOn hours passed training { code title level kind mode hours organizer { name } } }
                assessments { year result politicalScore performanceScore residentSatisfaction assessedOn unit { code } }
            } } }
            """);

        response.EnsureSuccess();
        Snapshot.Match(response.ToSnapshot());
    }

    [Fact]
    public async Task Id_numbers_and_phones_are_masked_without_pii_scope()
    {
        var response = await _factory.GraphQL().PostAsync("{ workers(first: 10) { nodes { idNumber phone } } }");

        response.EnsureSuccess();
        var raw = _data.Secretary.IdNumber.Unmasked;
        Assert.DoesNotContain(raw, response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("13900001111", response.Text, StringComparison.Ordinal);
        var first = response.Data!["workers"]!["nodes"]!.AsArray()[0]!;
        Assert.Equal(raw[..4] + "**********" + raw[^4..], first["idNumber"]!.GetValue<string>());
        Assert.Equal("138****5678", first["phone"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_worker_who_left_keeps_a_community_of_record_but_is_not_listed_there()
    {
        var response = await _factory.GraphQL().PostAsync("""
            { workers(first: 10) { nodes { name status community { code workers(first: 10) { nodes { name } } } } } }
            """);

        response.EnsureSuccess();
        var left = response.Data!["workers"]!["nodes"]!.AsArray().Single(n => n!["name"]!.GetValue<string>() == "刘洋")!;
        Assert.Equal("LEFT", left["status"]!.GetValue<string>());
        Assert.Equal("320102001001", left["community"]!["code"]!.GetValue<string>());
        var listed = left["community"]!["workers"]!["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain("刘洋", listed);
        Assert.Contains("王秀英", listed);
    }

    [Fact]
    public async Task Relations_are_loaded_in_batches_not_per_parent()
    {
        // Every worker's community and posts: with batching the answer arrives; the shape is the same for all.
        var response = await _factory.GraphQL().PostAsync("{ posts(first: 50) { nodes { worker { name community { name } } community { code } } } }");

        response.EnsureSuccess();
        var nodes = response.Data!["posts"]!["nodes"]!.AsArray();
        Assert.Equal(7, nodes.Count);
        Assert.All(nodes, n => Assert.NotNull(n!["worker"]!["name"]));
        Assert.Equal(
            ["320102001001", "320102001001", "320102001001", "320102001002", "320102001001", "320102001001", "320102001002"],
            nodes.Select(n => n!["community"]!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Grade_schemes_list_their_category_ranges()
    {
        await _factory.WithDbAsync(db =>
        {
            var province = db.Regions.First(r => r.Code == "320000000000");
            new WorkforceBuilder(db).GradeScheme(
                province,
                "JS-3x18",
                "江苏省三岗十八级",
                (Data.Posts.PostCategory.Principal, 7, 18),
                (Data.Posts.PostCategory.Deputy, 4, 15),
                (Data.Posts.PostCategory.Staff, 1, 12));
            return Task.CompletedTask;
        });

        var response = await _factory.GraphQL().PostAsync(
            "{ gradeSchemes { code name effectiveFrom yearsPerStep excellentQuotaPercent region { code } categories { category minGrade maxGrade } } }");

        response.EnsureSuccess();
        Snapshot.Match(response.ToSnapshot());
    }

    [Fact]
    public async Task Trainings_page_their_records()
    {
        var response = await _factory.GraphQL().PostAsync(
            "{ trainings(first: 5) { nodes { code records(first: 1) { totalCount pageInfo { hasNextPage } nodes { worker { name } passed } } } } }");

        response.EnsureSuccess();
        var training = response.Data!["trainings"]!["nodes"]!.AsArray()[0]!;
        Assert.Equal(2, training["records"]!["totalCount"]!.GetValue<int>());
        Assert.True(training["records"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Single(training["records"]!["nodes"]!.AsArray());
    }
}

using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Diagnostics;

/// <summary>
/// The query-conventions budget for nested connections: communities × workers × posts and training records is a
/// fixed number of statements however many communities (graphql-conventions.md §6), and each page is right.
/// </summary>
public sealed class NestedConnectionStatementTests : IAsyncLifetime
{
    private const int Communities = 12;
    private const int WorkersPerCommunity = 4;
    private readonly WorkforceApiFactory _factory = new();

    public async Task InitializeAsync() =>
        await _factory.WithDbAsync(db =>
        {
            var b = new WorkforceBuilder(db);
            var township = b.Township(b.County(b.Prefecture(b.Province("32", "江苏省"), "3201", "南京市"), "320102", "玄武区"), "320102001", "梅园新村街道");
            var training = b.Training("JS-2025-001", "社区书记示范培训", new DateOnly(2025, 3, 10), TrainingLevel.Provincial);
            for (var c = 1; c <= Communities; c++)
            {
                var community = b.Community(township, $"320102001{c:D3}", $"社区{c:D2}");
                for (var w = 0; w < WorkersPerCommunity; w++)
                {
                    var worker = b.Worker(community, $"社区{c:D2}工作者{w}");
                    b.Post(worker, community, PostRole.FullTimeStaff, new DateOnly(2020, 1, 1), grade: 3 + w);
                    b.Record(worker, training, new DateOnly(2025, 3, 12));
                }

                // One who left: keeps the community of record, holds no current post, is not listed.
                var left = b.Worker(community, $"社区{c:D2}离职", status: Data.Workers.WorkerStatus.Left);
                b.Post(left, community, PostRole.GridWorker, new DateOnly(2015, 1, 1), new DateOnly(2020, 12, 31));
            }

            return Task.CompletedTask;
        });

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Communities_with_worker_pages_posts_and_records_is_five_statements()
    {
        var response = await _factory.GraphQL().PostAsync(
            "{ communities(first: 20) { nodes { name workers(first: 3) { totalCount pageInfo { hasNextPage } nodes { name posts { grade } trainingRecords { hours } } } } } }",
            headers: new Dictionary<string, string> { ["X-Diagnostics"] = "sql" });

        response.EnsureSuccess();
        var statements = response.Json!["extensions"]!["diagnostics"]!["sqlStatements"]!.AsArray();
        // communities page; every community's worker page (a window function); their counts; posts; records.
        Assert.Equal(5, statements.Count);
        Assert.Contains(statements, s => s!.GetValue<string>().Contains("ROW_NUMBER() OVER", StringComparison.Ordinal));

        var communities = response.Data!["communities"]!["nodes"]!.AsArray();
        Assert.Equal(Communities, communities.Count);
        foreach (var community in communities)
        {
            var name = community!["name"]!.GetValue<string>();
            var workers = community["workers"]!;
            Assert.Equal(WorkersPerCommunity, workers["totalCount"]!.GetValue<int>());
            Assert.True(workers["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
            var names = workers["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).ToList();
            Assert.Equal([$"{name}工作者0", $"{name}工作者1", $"{name}工作者2"], names);
            Assert.All(workers["nodes"]!.AsArray(), n => Assert.Single(n!["posts"]!.AsArray()));
        }
    }

    [Fact]
    public async Task The_next_page_of_a_nested_connection_continues_after_its_cursor()
    {
        var client = _factory.GraphQL();
        var first = await client.PostAsync("""{ community(code: "320102001005") { workers(first: 3, order: [{ name: DESC }]) { pageInfo { endCursor } nodes { name } } } }""");
        var cursor = first.EnsureSuccess().Data!["community"]!["workers"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var next = await client.PostAsync(
            """query($after: String) { community(code: "320102001005") { workers(first: 3, after: $after, order: [{ name: DESC }]) { pageInfo { hasNextPage hasPreviousPage } nodes { name } } } }""",
            new { after = cursor });

        var workers = next.EnsureSuccess().Data!["community"]!["workers"]!;
        Assert.Equal(["社区05工作者0"], workers["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
        Assert.False(workers["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.True(workers["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
    }
}

using System.Text.Json.Nodes;
using Snapshooter;
using Snapshooter.Xunit;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Testing;
using Xunit.Abstractions;

namespace WorkforceGraph.Features.Tests.Diagnostics;

/// <summary>
/// Statements per request through the public HTTP surface, read with <c>X-Diagnostics: sql</c>: one per
/// list level, never one per row (graphql-conventions.md §6).
/// </summary>
public sealed class SqlStatementCountTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly WorkforceApiFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>Three communities; 20 workers spread over the first two, each with 3 posts, 2 training records, 2 assessments.</summary>
    private async Task BuildAsync(int workers = 20)
    {
        await _factory.WithDbAsync(db =>
        {
            var b = new WorkforceBuilder(db);
            var province = b.Province("32", "江苏省");
            var prefecture = b.Prefecture(province, "3201", "南京市");
            var county = b.County(prefecture, "320102", "玄武区");
            var township = b.Township(county, "320102001", "梅园新村街道");
            Community[] communities =
            [
                b.Community(township, "320102001001", "梅园社区"),
                b.Community(township, "320102001002", "新街口社区"),
                b.Community(township, "320102001003", "兰园社区"),
            ];
            var training = b.Training("JS-2025-001", "社区书记示范培训", new DateOnly(2025, 3, 10), TrainingLevel.Provincial, province);
            var other = b.Training("JS-2025-002", "网格员培训", new DateOnly(2025, 4, 10));
            for (var i = 0; i < workers; i++)
            {
                // Workers live in the first two communities; their posts are in the next one over, so the
                // communities of record are not all among the posts' communities.
                var home = communities[i % 2];
                var worker = b.Worker(home, $"工作者{i:D2}", i % 2 == 0 ? Gender.Female : Gender.Male);
                b.Post(worker, communities[(i % 2) + 1], PostRole.GridWorker, new DateOnly(2018, 1, 1), new DateOnly(2019, 12, 31), grade: 2);
                b.Post(worker, communities[(i % 2) + 1], PostRole.FullTimeStaff, new DateOnly(2020, 1, 1), new DateOnly(2022, 12, 31), grade: 3);
                b.Post(worker, communities[(i % 2) + 1], PostRole.CommitteeMember, new DateOnly(2023, 1, 1), grade: 5);
                b.Record(worker, training, new DateOnly(2025, 3, 12));
                b.Record(worker, other, null, passed: false);
                b.Assessment(worker, home, 2023, Data.Assessments.AssessmentResult.Competent);
                b.Assessment(worker, home, 2024, Data.Assessments.AssessmentResult.Excellent);
            }

            return Task.CompletedTask;
        });
    }

    private async Task<(JsonNode Data, IReadOnlyList<string> Statements)> RunAsync(string query)
    {
        var response = await _factory.GraphQL().PostAsync(query, headers: new Dictionary<string, string> { ["X-Diagnostics"] = "sql" });
        response.EnsureSuccess();
        var diagnostics = response.Json!["extensions"]!["diagnostics"]!;
        var statements = diagnostics["sqlStatements"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.Equal(statements.Count, diagnostics["sqlStatementCount"]!.GetValue<int>());
        output.WriteLine($"{statements.Count} statements for {query}");
        foreach (var statement in statements)
        {
            output.WriteLine(statement);
            output.WriteLine("--");
        }

        return (response.Data!, statements);
    }

    [Fact]
    public async Task Typename_alone_runs_no_statement()
    {
        var (_, statements) = await RunAsync("{ __typename }");

        Assert.Empty(statements);
    }

    [Fact]
    public async Task Posts_with_worker_and_community_references_are_one_joined_statement()
    {
        await BuildAsync();

        var (data, statements) = await RunAsync("{ posts(first: 50) { nodes { worker { name community { name } } community { code } } } }");

        Assert.Equal(50, data["posts"]!["nodes"]!.AsArray().Count);
        // Selected to-one relations are JOINs of the page's own statement (graphql-conventions.md §6):
        // post.worker, worker.community and post.community add no statement.
        var statement = Assert.Single(statements);
        Assert.Contains("FROM \"Posts\"", statement, StringComparison.Ordinal);
        Assert.Matches(JoinOf("Workers"), statement);
        Assert.Matches(JoinOf("Communities"), statement);
    }

    // A join of the table, directly or of a subquery over it (region-scope query filters join filtered subqueries).
    private static System.Text.RegularExpressions.Regex JoinOf(string table) =>
        new("JOIN (\\(\\s*SELECT [^;]*?FROM )?\"" + table + "\"");

    [Fact]
    public async Task Nested_lists_cost_one_statement_each_with_their_references_joined()
    {
        await BuildAsync();

        var (_, statements) = await RunAsync("{ posts(first: 50) { nodes { community { code } worker { posts { community { name } } } } } }");

        // The posts page with its joined community and worker; then one batch for worker.posts, whose
        // community is joined into that batch: 1 + 1 list field, the §6 budget.
        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Matches(JoinOf("Communities"), s));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(20)]
    public async Task Workers_with_three_child_lists_run_four_statements_whatever_the_row_count(int workers)
    {
        await BuildAsync(workers);

        var (data, statements) = await RunAsync("{ workers(first: 20) { nodes { posts { grade } trainingRecords { hours } assessments { year } } } }");

        var nodes = data["workers"]!["nodes"]!.AsArray();
        Assert.Equal(workers, nodes.Count);
        Assert.All(nodes, n => Assert.Equal(3, n!["posts"]!.AsArray().Count));
        Assert.Equal(4, statements.Count);
    }

    [Fact]
    public async Task Total_count_adds_one_statement()
    {
        await BuildAsync();

        var (data, statements) = await RunAsync("{ workers(first: 20) { totalCount nodes { posts { grade } trainingRecords { hours } assessments { year } } } }");

        Assert.Equal(20, data["workers"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(5, statements.Count);
        Assert.Single(statements, s => s.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
    }

    // The snapshot is SQLite's SQL text; PostgreSQL's differs in quoting and functions.
    [Fact]
    [Trait("Category", "SqliteOnly")]
    public async Task Key_query_sql_text_matches_the_snapshot()
    {
        await BuildAsync();

        var (_, statements) = await RunAsync("""
            { workers(first: 20) { totalCount nodes { name community { name } posts { grade community { code } } assessments { year } } } }
            """);

        // Statements of one level start in parallel, so their order varies: the snapshot sorts them.
        Snapshot.Match(statements.Order(StringComparer.Ordinal).ToList(), SnapshotNameExtension.Create("sqlite"));
    }
}

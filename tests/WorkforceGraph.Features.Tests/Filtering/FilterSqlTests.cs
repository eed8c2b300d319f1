using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.Testing;
using Xunit.Abstractions;
using static WorkforceGraph.Features.Tests.Infrastructure.RandomWorkforce;

namespace WorkforceGraph.Features.Tests.Filtering;

/// <summary>
/// <c>where</c> and <c>order</c> run in the database: a filtered, sorted page is one statement with WHERE and
/// ORDER BY, plus one COUNT when <c>totalCount</c> is selected (graphql-conventions.md §3, §5, §6).
/// </summary>
public sealed class FilterSqlTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Arguments = """
        first: 10,
        where: { gender: { eq: FEMALE }, status: { neq: LEFT }, community: { region: { parent: { parent: { code: { startsWith: "3201" } } } } }, posts: { some: { role: { in: [GRID_WORKER, FULL_TIME_STAFF, COMMITTEE_MEMBER] } } } },
        order: [{ community: { name: ASC } }, { birthDate: DESC }]
        """;

    private readonly WorkforceApiFactory _factory = new();
    private RandomWorkforce _data = null!;

    public async Task InitializeAsync() => _data = await CreateAsync(_factory);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_filtered_sorted_page_is_one_statement_with_where_and_order_by()
    {
        var (nodes, statements) = await RunAsync($"{{ workers({Arguments}) {{ nodes {{ id }} }} }}");

        var statement = Assert.Single(statements);
        Assert.Contains("WHERE", statement, StringComparison.Ordinal);
        Assert.Contains("ORDER BY", statement, StringComparison.Ordinal);
        Assert.Contains("LIMIT", statement, StringComparison.Ordinal);
        // The list filter is an EXISTS over posts, not a second statement or a client-side pass.
        Assert.Contains("EXISTS", statement, StringComparison.Ordinal);
        Assert.Contains("\"Posts\"", statement, StringComparison.Ordinal);
        Assert.Equal(Expected().Take(10), nodes);
    }

    [Fact]
    public async Task Total_count_adds_one_count_statement_with_the_same_filter()
    {
        var response = await PostAsync($"{{ workers({Arguments}) {{ totalCount nodes {{ id }} }} }}");
        var statements = Statements(response);

        Assert.Equal(2, statements.Count);
        var count = Assert.Single(statements, s => s.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("WHERE", count, StringComparison.Ordinal);
        Assert.Contains("EXISTS", count, StringComparison.Ordinal);
        var page = Assert.Single(statements, s => !s.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("ORDER BY", page, StringComparison.Ordinal);
        Assert.Equal(Expected().Count, response.Data!["workers"]!["totalCount"]!.GetValue<int>());
    }

    private List<string> Expected() =>
    [
        .. _data.Workers
            .Where(w => w.Gender == Gender.Female && w.Status != WorkerStatus.Left
                && w.Community?.Region!.Parent!.Parent!.Code.StartsWith("3201", StringComparison.Ordinal) == true
                && _data.PostsOf(w).Any(p => p.Role is PostRole.GridWorker or PostRole.FullTimeStaff or PostRole.CommitteeMember))
            .OrderBy(w => w.Community!.Name, StringComparer.Ordinal)
            .ThenByDescending(w => w.BirthDate)
            .ThenBy(w => w.Id)
            .Select(w => NodeId("Worker", w.Id)),
    ];

    private async Task<(List<string> Nodes, List<string> Statements)> RunAsync(string query)
    {
        var response = await PostAsync(query);
        var nodes = response.Data!["workers"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
        return (nodes, Statements(response));
    }

    private async Task<GraphQLResponse> PostAsync(string query) =>
        (await _factory.GraphQL().PostAsync(query, headers: new Dictionary<string, string> { ["X-Diagnostics"] = "sql" })).EnsureSuccess();

    private List<string> Statements(GraphQLResponse response)
    {
        var diagnostics = response.Json!["extensions"]!["diagnostics"]!;
        var statements = diagnostics["sqlStatements"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.Equal(statements.Count, diagnostics["sqlStatementCount"]!.GetValue<int>());
        foreach (var statement in statements)
        {
            output.WriteLine(statement);
            output.WriteLine("--");
        }

        return statements;
    }
}

using System.Collections.Concurrent;
using System.Net;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Limits;

/// <summary>graphql-conventions.md §11 through the WorkforceGraph schema: the worked cost example, and depth.</summary>
public sealed class RequestLimitTests : IAsyncLifetime
{
    // §11's example; `community { name }` stands for the sketch's `currentPost { grade }` (a reference of weight 1).
    private const string Example =
        "{ communities(first: 50) { nodes { name workers(first: 50) { totalCount nodes { name community { name } } } } } }";

    // The example plus each worker's training records (unpaged, declared at 50, weight 10).
    private const string WithTraining =
        "{ communities(first: 50) { nodes { name workers(first: 50) { totalCount nodes { name community { name } trainingRecords { hours } } } } } }";

    private static readonly Dictionary<string, string> Report = new() { ["GraphQL-Cost"] = "report" };

    private readonly WorkforceApiFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_worked_example_costs_about_3600_and_5100_and_runs()
    {
        var response = await _factory.GraphQL().PostAsync(Example, headers: Report);

        response.EnsureSuccess();
        var cost = response.Json!["extensions"]!["operationCost"]!;
        Assert.Equal(3561d, cost["fieldCost"]!.GetValue<double>());
        Assert.Equal(5101d, cost["typeCost"]!.GetValue<double>());
    }

    [Fact]
    public async Task Adding_training_records_costs_about_28600_and_is_refused_every_time()
    {
        var first = await _factory.GraphQL().PostAsync(WithTraining);
        var second = await _factory.GraphQL().PostAsync(WithTraining);

        foreach (var response in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Null(response.Data);
            Assert.Equal("HC0047", response.FirstErrorCode);
            Assert.Equal(28561d, response.Errors![0]!["extensions"]!["fieldCost"]!.GetValue<double>());
            Assert.Equal(20000d, response.Errors![0]!["extensions"]!["maxFieldCost"]!.GetValue<double>());
        }
    }

    [Fact]
    public async Task With_a_document_cache_a_document_that_ran_cheaply_is_refused_when_its_variables_make_it_costly()
    {
        var cache = new DocumentCache();
        await using var cached = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IConfigureExecution>(cache)));
        var client = new GraphQLHttpClient(cached.CreateClient());
        const string Query = "query($n: Int) { communities(first: $n) { nodes { workers(first: 50) { nodes { name trainingRecords { hours } } } } } }";

        var cheap = await client.PostAsync(Query, new { n = 1 });
        var first = await client.PostAsync(Query, new { n = 50 });
        var second = await client.PostAsync(Query, new { n = 50 });

        cheap.EnsureSuccess();
        Assert.Equal(2, cache.Hits);
        Assert.Equal((HttpStatusCode.BadRequest, "HC0047"), (first.Status, first.FirstErrorCode));
        Assert.Equal((HttpStatusCode.BadRequest, "HC0047"), (second.Status, second.FirstErrorCode));
    }

    [Fact]
    public async Task The_server_own_document_cache_still_refuses_a_cached_document_made_costly_by_its_variables()
    {
        var cache = _factory.Services.GetServices<IConfigureExecution>().OfType<WorkforceGraph.GraphQL.Conventions.Execution.ValidatedDocumentCache>().Single();
        var client = _factory.GraphQL();
        const string Query = "query($n: Int) { regions(first: $n) { nodes { communities(first: 10) { nodes { workers(first: 10) { nodes { name trainingRecords { hours } } } } } } } }";

        var before = cache.Count;
        var cheap = await client.PostAsync(Query, new { n = 1 });
        var cached = cache.Count;
        var first = await client.PostAsync(Query, new { n = 50 });
        var second = await client.PostAsync(Query, new { n = 50 });

        cheap.EnsureSuccess();
        Assert.Equal(before + 1, cached);
        Assert.Equal((HttpStatusCode.BadRequest, "HC0047"), (first.Status, first.FirstErrorCode));
        Assert.Equal((HttpStatusCode.BadRequest, "HC0047"), (second.Status, second.FirstErrorCode));
    }

    [Fact]
    public async Task Validate_answers_the_cost_without_executing()
    {
        var response = await _factory.GraphQL().PostAsync(Example, headers: new Dictionary<string, string> { ["GraphQL-Cost"] = "validate" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Data);
        Assert.Null(response.Errors);
        Assert.Equal(3561d, response.Json!["extensions"]!["operationCost"]!["fieldCost"]!.GetValue<double>());
    }

    // workers(1) edges(2) node(3) community(4) workers(5) edges(6) node(7) posts(8) community(9) region(10) parent(11) name(12).
    private const string DepthTwelveDashboard = """
        {
          workers(first: 50, where: { status: { eq: ACTIVE } }, order: [{ birthDate: ASC }]) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { cursor node { id name community { name workers(first: 5) { edges { node { name posts { role grade community { name region { name parent { name } } } } } } } } } }
          }
        }
        """;

    [Fact]
    public async Task A_depth_12_dashboard_runs()
    {
        var response = await _factory.GraphQL().PostAsync(DepthTwelveDashboard, headers: Report);

        response.EnsureSuccess();
        Assert.True(response.Json!["extensions"]!["operationCost"]!["fieldCost"]!.GetValue<double>() <= 20000, response.Text);
    }

    [Fact]
    public async Task Depth_13_is_MAX_DEPTH_EXCEEDED()
    {
        var response = await _factory.GraphQL().PostAsync(DepthTwelveDashboard.Replace("parent { name }", "parent { parent { name } }", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("MAX_DEPTH_EXCEEDED", response.FirstErrorCode);
        Assert.Equal(13, response.Errors![0]!["extensions"]!["detectedExecutionDepth"]!.GetValue<int>());
    }

    [Fact]
    public async Task Region_parent_four_times_on_a_path_is_HC0087()
    {
        var response = await _factory.GraphQL().PostAsync("""{ region(code: "320102000000") { parent { parent { parent { parent { name } } } } } }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("HC0087", response.FirstErrorCode);
    }

    /// <summary>Behaves as GraphQL.NET's MemoryDocumentCache: a hit runs only CachedDocumentValidationRules.</summary>
    private sealed class DocumentCache : IConfigureExecution
    {
        private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);
        private int _hits;

        public int Hits => _hits;

        // Before the server's own ValidatedDocumentCache (200), so that this one sees and counts the hits.
        public float SortOrder => 100;

        public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
        {
            if (options.Document is not null || options.Query is not { } query)
            {
                return await next(options);
            }

            if (_documents.TryGetValue(query, out var cached))
            {
                Interlocked.Increment(ref _hits);
                options.Document = cached;
                options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            }

            var result = await next(options);
            if (result.Executed && cached is null && result.Document is not null)
            {
                _documents[query] = result.Document;
            }

            return result;
        }
    }
}

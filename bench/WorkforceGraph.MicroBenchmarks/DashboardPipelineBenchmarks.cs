using BenchmarkDotNet.Attributes;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features;
using WorkforceGraph.Features.Security;

namespace WorkforceGraph.MicroBenchmarks;

/// <summary>
/// The stages of the dashboard page (50 workers with community and region), in-process over the bench database:
/// the hand-written SQL through ADO.NET, the same rows through an EF Core LINQ projection, GraphQL execution
/// (validated-document cache warm, no HTTP) and execution plus serialization of the response. The differences
/// between adjacent rows are the stages' costs.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes through [GlobalCleanup]; benchmark classes cannot be sealed.")]
public class DashboardPipelineBenchmarks
{
    private const string Selection = "nodes { name gender birthDate status community { name region { name } } }";

    private static readonly Dictionary<string, (string GraphQL, string Sql)> Queries = new()
    {
        ["a"] = (
            "{ workers(first: 50) { " + Selection + " } }",
            "SELECT w.Name, w.Gender, w.BirthDate, w.Status, c.Name, r.Name FROM Workers AS w LEFT JOIN Communities AS c ON c.Id = w.CommunityId LEFT JOIN Regions AS r ON r.Id = c.RegionId ORDER BY w.Id LIMIT 50"),
        ["b"] = (
            "{ workers(first: 50, where: { status: { eq: ACTIVE }, community: { code: { startsWith: \"3202\" } } }, order: [{ birthDate: DESC }]) { " + Selection + " } }",
            "SELECT w.Name, w.Gender, w.BirthDate, w.Status, c.Name, r.Name FROM Workers AS w LEFT JOIN Communities AS c ON c.Id = w.CommunityId LEFT JOIN Regions AS r ON r.Id = c.RegionId WHERE w.Status = 'Active' AND c.Code >= '3202' AND c.Code < '3203' ORDER BY w.BirthDate DESC, w.Id LIMIT 50"),
    };

    private IHost _host = null!;
    private IServiceProvider _services = null!;
    private ISchema _schema = null!;
    private IDocumentExecuter _executer = null!;
    private IGraphQLSerializer _serializer = null!;
    private IWorkforceDbContextFactory _contexts = null!;
    private System.Security.Claims.ClaimsPrincipal _user = null!;
    private string _connectionString = null!;
    private readonly MemoryStream _output = new();

    /// <summary>Dashboard variant: (a) key order, (b) filtered and sorted.</summary>
    [Params("a", "b")]
    public string Query { get; set; } = "a";

    [GlobalSetup]
    public void Setup()
    {
        _connectionString = BenchDatabasePath.ConnectionString();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Services.AddWorkforceDatabase(DatabaseProvider.Sqlite, _connectionString);
        builder.Services.AddWorkforceSchema(builder.Configuration);
        _host = builder.Build();
        _services = _host.Services;
        _schema = _services.GetRequiredService<ISchema>();
        _schema.Initialize();
        _executer = _services.GetRequiredService<IDocumentExecuter>();
        _serializer = _services.GetRequiredService<IGraphQLSerializer>();
        _contexts = _services.GetRequiredService<IWorkforceDbContextFactory>();
        _user = Caller.ToPrincipal(Caller.DevelopmentAnonymous, authenticationType: null);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host?.Dispose();
        _output.Dispose();
    }

    /// <summary>The baseline: hand-written SQL, every value read.</summary>
    [Benchmark(Baseline = true)]
    public int RawSql()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Queries[Query].Sql;
        using var reader = command.ExecuteReader();
        var length = 0;
        while (reader.Read())
        {
            length += reader.GetString(0).Length + reader.GetString(1).Length + reader.GetString(2).Length + reader.GetString(3).Length
                + (reader.IsDBNull(4) ? 0 : reader.GetString(4).Length + reader.GetString(5).Length);
        }

        return length;
    }

    /// <summary>The same rows through an EF Core LINQ projection written by hand (no GraphQL).</summary>
    [Benchmark]
    public async Task<int> EfLinq()
    {
        // A national caller's context (no region-scope filters in its model), as the GraphQL path gets for one.
        await using var db = _contexts.CreateDbContext(RegionScope.National);
        IQueryable<Worker> workers = db.Workers;
        workers = Query == "a"
            ? workers.OrderBy(w => w.Id)
            : workers.Where(w => w.Status == WorkerStatus.Active && string.Compare(w.Community!.Code, "3202") >= 0 && string.Compare(w.Community!.Code, "3203") < 0)
                .OrderByDescending(w => w.BirthDate).ThenBy(w => w.Id);
        var rows = await workers.Take(50)
            .Select(w => new { w.Name, w.Gender, w.BirthDate, w.Status, Community = w.Community!.Name, Region = w.Community.Region!.Name })
            .ToListAsync();
        return rows.Count;
    }

    private static readonly Func<WorkforceDbContext, int, IAsyncEnumerable<(string, Gender, DateOnly, WorkerStatus, string, string)>> CompiledA =
        EF.CompileAsyncQuery((WorkforceDbContext db, int take) => db.Workers.OrderBy(w => w.Id).Take(take)
            .Select(w => ValueTuple.Create(w.Name, w.Gender, w.BirthDate, w.Status, w.Community!.Name, w.Community.Region!.Name)));

    /// <summary>(a) as an EF compiled query: no expression-tree work per call.</summary>
    [Benchmark]
    public async Task<int> EfCompiled()
    {
        await using var db = _contexts.CreateDbContext(RegionScope.National);
        var count = 0;
        await foreach (var row in CompiledA(db, 50))
        {
            count += row.Item1.Length;
        }

        return count;
    }

    /// <summary>Only leasing a pooled EF context and opening and closing its connection.</summary>
    [Benchmark]
    public async Task<int> EfOpenOnly()
    {
        await using var db = _contexts.CreateDbContext(RegionScope.National);
        await db.Database.OpenConnectionAsync();
        await db.Database.CloseConnectionAsync();
        return 0;
    }

    /// <summary>GraphQL execution in-process (validated document cached after the first call), no serialization.</summary>
    [Benchmark]
    public async Task<object?> Execute()
    {
        using var scope = _services.CreateScope();
        var result = await ExecuteAsync(scope.ServiceProvider);
        return result.Data;
    }

    /// <summary>As <see cref="Execute"/>, plus the response JSON written by the GraphQL serializer.</summary>
    [Benchmark]
    public async Task<long> ExecuteAndSerialize()
    {
        using var scope = _services.CreateScope();
        var result = await ExecuteAsync(scope.ServiceProvider);
        _output.Position = 0;
        await _serializer.WriteAsync(_output, result);
        return _output.Position;
    }

    private async Task<ExecutionResult> ExecuteAsync(IServiceProvider services)
    {
        var http = new DefaultHttpContext { User = _user, RequestServices = services };
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        var result = await _executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = _schema,
            Query = Queries[Query].GraphQL,
            User = _user,
            RequestServices = services,
        });
        if (result.Errors is { Count: > 0 } errors)
        {
            throw new InvalidOperationException(errors[0].Message);
        }

        return result;
    }
}

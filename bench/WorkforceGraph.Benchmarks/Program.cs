using System.Text;
using System.Text.Json.Nodes;
using WorkforceGraph.Benchmarks;

// Exit codes: 0 measured and written, 1 failed (one clear message), 2 bad arguments.
if (!BenchOptions.TryParse(args, out var options, out var error))
{
    await Console.Error.WriteLineAsync($"bench: {error}\n{BenchOptions.Usage}");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var output = options.Output ?? Path.Combine(BenchRun.RepositoryRoot(), "docs", "benchmarks.md");
    var apiAssembly = options.ApiAssembly ?? ApiServer.DefaultAssemblyPath();
    var transferDirectory = Path.Combine(options.DataDirectory, $"import-export-{Environment.ProcessId}");
    if (options.OnlyImportExport)
    {
        var database = await BenchDatabase.PrepareAsync(options, cancel.Token);
        var transfer = await ImportExportBench.RunAsync(apiAssembly, database, transferDirectory, cancel.Token);
        transfer = await ImportExportBench.AddMemoryScaleAsync(apiAssembly, options, transfer, transferDirectory + "-memory", cancel.Token);
        ReportWriter.Print(transfer);
        await ReportWriter.ReplaceImportExportSectionAsync(options, database, transfer, output, cancel.Token);
    }
    else
    {
        var report = await BenchRun.RunAsync(options, cancel.Token);
        if (!options.SkipImportExport)
        {
            var transfer = await ImportExportBench.RunAsync(apiAssembly, report.Database, transferDirectory, cancel.Token);
            report = report with { ImportExport = await ImportExportBench.AddMemoryScaleAsync(apiAssembly, options, transfer, transferDirectory + "-memory", cancel.Token) };
        }

        ReportWriter.Print(report);
        ReportWriter.Print(report.ImportExport);
        await ReportWriter.WriteMarkdownAsync(report, output, cancel.Token);
        Console.WriteLine($"\nwrote {Path.GetFullPath(output)}");
    }

    return 0;
}
catch (BenchmarkException e)
{
    await Console.Error.WriteLineAsync($"bench: {e.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync("bench: cancelled.");
    return 1;
}
catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException or System.Text.Json.JsonException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
{
    await Console.Error.WriteLineAsync($"bench: failed: {e.GetType().Name}: {e.Message}");
    return 1;
}

namespace WorkforceGraph.Benchmarks
{
    /// <summary>One run: database, API process, dashboard against raw SQL, throughput, statement counts.</summary>
    internal static class BenchRun
    {
        private const int NodeLookupSize = 20;

        public static async Task<BenchReport> RunAsync(BenchOptions options, CancellationToken cancellationToken)
        {
            var database = await BenchDatabase.PrepareAsync(options, cancellationToken);
            var rowCounts = await database.CountRowsAsync(cancellationToken);
            var communityCode = await database.SampleCommunityCodeAsync(cancellationToken);
            var workerIds = await database.SampleWorkerIdsAsync(NodeLookupSize, cancellationToken);

            await using var server = await ApiServer.StartAsync(options.ApiAssembly ?? ApiServer.DefaultAssemblyPath(), database, cancellationToken);
            using var client = new GraphQLClient(server.Endpoint, options.Concurrency);
            try
            {
                var (hasWhere, hasOrder) = await client.WorkersArgumentsAsync(cancellationToken);
                // The least any request costs: HTTP on loopback, parsing, validation, serialization, no database.
                var floorBody = GraphQLClient.Body("{ __typename }");
                var floor = await Measure.SequentialAsync(() => client.SendAsync(floorBody, cancellationToken: cancellationToken), options.Warmup, options.Requests, cancellationToken);
                var raw = new RawSqlDashboard(database);
                await using var rawHttp = await RawSqlHttpServer.StartAsync(database, cancellationToken);
                var dashboard = new List<DashboardResult>();
                foreach (var query in DashboardQueries.All)
                {
                    dashboard.Add(query.NeedsWhereAndOrder && !(hasWhere && hasOrder)
                        ? new DashboardResult(query, "skipped (where/order not available yet)", null, null, 0, false)
                        : await CompareAsync(client, raw, rawHttp.Endpoint, query, options, cancellationToken));
                }

                var statistics = await CompareStatisticsAsync(client, database, options, cancellationToken);
                var filtered = new List<FilteredPageResult>();
                foreach (var page in FilteredPages.All)
                {
                    filtered.Add(await MeasureFilteredPageAsync(client, page, options, cancellationToken));
                }

                var dashboardQuery = dashboard.Last(d => d.Skipped is null).Query;
                var representative = new (string Name, string Query, Action<JsonNode> Check)[]
                {
                    ($"dashboard {dashboardQuery.Key}", dashboardQuery.GraphQL, r => Require(Count(r["data"]?["workers"]?["nodes"]) == 50, "the dashboard page has fewer than 50 rows")),
                    ("community detail", CommunityDetail(communityCode), r => Require(r["data"]?["community"] is JsonObject, $"community {communityCode} not found")),
                    ($"nodes(ids:) × {NodeLookupSize} workers", NodeLookup(workerIds), r => Require(Count(r["data"]?["nodes"]) == NodeLookupSize && r["data"]!["nodes"]!.AsArray().All(n => n is not null), "nodes(ids:) returned nulls")),
                };

                var throughput = new List<ThroughputResult>();
                foreach (var (name, query, check) in representative)
                {
                    Console.WriteLine($"throughput: {name} ...");
                    check(await client.QueryAsync(query, cancellationToken: cancellationToken));
                    var sql = await client.SqlStatementCountAsync(query, cancellationToken);
                    var body = GraphQLClient.Body(query);
                    for (var i = 0; i < Math.Min(options.Warmup, 50); i++)
                    {
                        await client.SendAsync(body, cancellationToken: cancellationToken);
                    }

                    var (result, failure) = await Measure.ConcurrentAsync(
                        async ct => GraphQLClient.CheckNoErrors(await client.SendAsync(body, cancellationToken: ct), name),
                        options.Concurrency, options.MaxRequests, options.Duration, cancellationToken);
                    throughput.Add(new ThroughputResult(name, query, result, sql, failure?.Message));
                }

                var persisted = await PersistedOperationBench.RunAsync(client, dashboardQuery.GraphQL, options, cancellationToken);
                return new BenchReport(options, MachineInfo.Current(), database, rowCounts, server.Endpoint, hasWhere, hasOrder, floor, dashboard, statistics, throughput, Persisted: persisted)
                {
                    FilteredPages = filtered,
                    ServerSettings = await database.ServerSettingsAsync(cancellationToken),
                };
            }
            catch (BenchmarkException e)
            {
                throw new BenchmarkException($"{e.Message}\nAPI output (tail):\n{server.Log()}", e);
            }
        }

        /// <summary>The folder holding WorkforceGraph.sln, searched upwards from the current folder.</summary>
        public static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "WorkforceGraph.sln")))
                {
                    return dir.FullName;
                }
            }

            return Environment.CurrentDirectory;
        }

        private static async Task<DashboardResult> CompareAsync(
            GraphQLClient client, RawSqlDashboard raw, Uri rawHttp, DashboardQuery query, BenchOptions options, CancellationToken cancellationToken)
        {
            Console.WriteLine($"dashboard: {query.Title} ...");
            var response = await client.QueryAsync(query.GraphQL, cancellationToken: cancellationToken);
            var baseline = JsonNode.Parse(raw.Run(query))!;
            var rows = Count(response["data"]?["workers"]?["nodes"]);
            Require(rows == Count(baseline["data"]!["workers"]!["nodes"]), $"{query.Title}: GraphQL returned {rows} rows, the SQL {Count(baseline["data"]!["workers"]!["nodes"])}");
            var same = JsonNode.DeepEquals(response["data"], baseline["data"]);
            if (!same)
            {
                Console.WriteLine($"  warning: the GraphQL and SQL rows differ; first GraphQL row {response["data"]!["workers"]!["nodes"]![0]?.ToJsonString()}, first SQL row {baseline["data"]!["workers"]!["nodes"]![0]?.ToJsonString()}");
            }

            var body = GraphQLClient.Body(query.GraphQL);
            var overHttp = JsonNode.Parse(await client.SendToAsync(rawHttp, body, cancellationToken: cancellationToken))!;
            var sameOverHttp = JsonNode.DeepEquals(response["data"], overHttp["data"]);
            // Interleaved (GraphQL, in-process SQL, SQL over HTTP, GraphQL, …): the three see the same load.
            var latencies = await Measure.InterleavedAsync(
                [
                    () => client.SendAsync(body, cancellationToken: cancellationToken),
                    () =>
                    {
                        raw.Run(query);
                        return Task.CompletedTask;
                    },
                    () => client.SendToAsync(rawHttp, body, cancellationToken: cancellationToken),
                ],
                options.DashboardWarmup,
                options.Requests,
                cancellationToken);
            return new DashboardResult(query, null, latencies[0], latencies[1], rows, same, latencies[2], sameOverHttp);
        }

        private static async Task<StatisticsResult> CompareStatisticsAsync(GraphQLClient client, BenchDatabase database, BenchOptions options, CancellationToken cancellationToken)
        {
            Console.WriteLine("statistics: workforceStatistics(groupBy: [PREFECTURE, GENDER]) ...");
            var response = await client.QueryAsync(RawSqlStatistics.GraphQL, cancellationToken: cancellationToken);
            var groups = response["data"]?["workforceStatistics"] as JsonArray;
            Require(groups is { Count: > 0 }, "workforceStatistics returned no groups");
            var total = groups!.Sum(g => g!["count"]!.GetValue<long>());
            var body = GraphQLClient.Body(RawSqlStatistics.GraphQL);
            var graphQL = await Measure.SequentialAsync(() => client.SendAsync(body, cancellationToken: cancellationToken), options.Warmup, options.Requests, cancellationToken);
            long rawTotal = 0;
            var rawSql = await Measure.SequentialAsync(() =>
            {
                rawTotal = RawSqlStatistics.Run(database);
                return Task.CompletedTask;
            }, options.Warmup, options.Requests, cancellationToken);
            return new StatisticsResult(graphQL, rawSql, total, total == rawTotal);
        }

        /// <summary>A filtered page: checked once (no errors, SQL statements), then sequential requests (at most 200).</summary>
        private static async Task<FilteredPageResult> MeasureFilteredPageAsync(GraphQLClient client, FilteredPage page, BenchOptions options, CancellationToken cancellationToken)
        {
            Console.WriteLine($"filtered page: {page.Title} ...");
            var response = await client.QueryAsync(page.GraphQL, cancellationToken: cancellationToken);
            var workers = response["data"]?["workers"];
            Require(workers is JsonObject, $"{page.Title}: no workers connection in the response");
            var sql = await client.SqlStatementCountAsync(page.GraphQL, cancellationToken);
            var body = GraphQLClient.Body(page.GraphQL);
            var latency = await Measure.SequentialAsync(
                () => client.SendAsync(body, cancellationToken: cancellationToken),
                Math.Min(options.Warmup, 20), Math.Min(options.Requests, 200), cancellationToken);
            return new FilteredPageResult(page, latency, Count(workers!["nodes"]), workers!["totalCount"]?.GetValue<long>() ?? -1, sql);
        }

        private static string CommunityDetail(string code) =>
            $"{{ community(code: \"{code}\") {{ name region {{ name }} workers(first: 20) {{ nodes {{ id name gender birthDate status }} }} "
            + "posts { role category grade startDate endDate } } }";

        /// <summary>Node IDs are base64 of <c>Worker:&lt;key&gt;</c> (graphql-conventions.md).</summary>
        private static string NodeLookup(IEnumerable<int> ids) =>
            "{ nodes(ids: [" + string.Join(", ", ids.Select(id => $"\"{Convert.ToBase64String(Encoding.UTF8.GetBytes($"Worker:{id}"))}\""))
            + "]) { id ... on Worker { name gender birthDate status community { name } } } }";

        private static int Count(JsonNode? list) => list is JsonArray array ? array.Count : -1;

        private static void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new BenchmarkException(message);
            }
        }
    }
}

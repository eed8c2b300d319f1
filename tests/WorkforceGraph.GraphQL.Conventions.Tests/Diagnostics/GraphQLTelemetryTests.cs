using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using WorkforceGraph.GraphQL.Conventions.Diagnostics;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Diagnostics;

/// <summary>The operation span, SQL spans and metrics of the GraphQL endpoint, caught with plain .NET listeners.</summary>
public sealed class GraphQLTelemetryTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public GraphQLTelemetryTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GraphQLTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    private static async Task<(JObject Body, HttpResponseMessage Response)> PostAsync(ShelfHost host, string query)
    {
        using var client = host.App.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(new JObject { ["query"] = query }.ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json");
        var response = await client.SendAsync(request);
        return (JObject.Parse(await response.Content.ReadAsStringAsync()), response);
    }

    private Activity Operation(string name) =>
        Assert.Single(_spans, s => s.GetTagItem(GraphQLTelemetry.OperationNameTag) as string == name);

    [Fact]
    public async Task An_operation_span_parents_one_sql_span_per_statement_with_rows_and_no_text()
    {
        await using var host = await ShelfHost.StartAsync("Production");
        var name = $"Shelves{Guid.NewGuid():N}";

        var (body, response) = await PostAsync(host, $"query {name} {{ volumes {{ title shelf {{ label }} }} }}");

        Assert.Null(body["errors"]);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var operation = Operation(name);
        Assert.Equal($"query {name}", operation.DisplayName);
        Assert.Equal("query", operation.GetTagItem(GraphQLTelemetry.OperationTypeTag));
        Assert.Equal(2, operation.GetTagItem(GraphQLTelemetry.SqlStatementCountTag));
        Assert.Equal(ActivityStatusCode.Unset, operation.Status);

        var sql = _spans.Where(s => s.ParentSpanId == operation.SpanId).OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal(2, sql.Count);
        Assert.All(sql, span =>
        {
            Assert.Equal(operation.TraceId, span.TraceId);
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal("SELECT", span.DisplayName);
            Assert.Equal("sqlite", span.GetTagItem(GraphQLTelemetry.DbSystemTag));
            Assert.Equal("SELECT", span.GetTagItem(GraphQLTelemetry.DbOperationTag));
            Assert.DoesNotContain(span.TagObjects, tag => tag.Value is string text && text.Contains("FROM", StringComparison.Ordinal));
        });
        // Three volumes, then the batch loader's two shelves.
        Assert.Equal([3L, 2L], sql.Select(s => (long)s.GetTagItem(GraphQLTelemetry.DbReturnedRowsTag)!));
    }

    [Fact]
    public async Task Errors_set_the_span_status_and_codes_and_an_unparsed_document_has_no_operation_name()
    {
        await using var host = await ShelfHost.StartAsync("Production");
        var name = $"Broken{Guid.NewGuid():N}";

        var (body, _) = await PostAsync(host, $"query {name} {{ nope }}");
        var (syntax, _) = await PostAsync(host, $"query Syntax{name} {{ volumes {{");

        var validationCode = body["errors"]![0]!["extensions"]!["code"]!.Value<string>();
        var operation = Operation(name);
        Assert.Equal(ActivityStatusCode.Error, operation.Status);
        Assert.Equal([validationCode!], Assert.IsType<string[]>(operation.GetTagItem(GraphQLTelemetry.ErrorCodesTag)));
        Assert.Equal(validationCode, operation.GetTagItem(GraphQLTelemetry.ErrorTypeTag));

        var syntaxCode = syntax["errors"]![0]!["extensions"]!["code"]!.Value<string>();
        // The listener is process-wide: test classes running in parallel may add syntax-error spans of their own,
        // and every one of them must have no operation name; ours must not leak the operation's name either.
        var unparsed = _spans.Where(s => s.GetTagItem(GraphQLTelemetry.ErrorTypeTag) as string == syntaxCode
            && s.DisplayName == GraphQLTelemetry.OperationSpanName && s.StartTimeUtc >= operation.StartTimeUtc).ToList();
        Assert.NotEmpty(unparsed);
        Assert.All(unparsed, span =>
        {
            Assert.Null(span.GetTagItem(GraphQLTelemetry.OperationNameTag));
            Assert.DoesNotContain(span.TagObjects, tag => tag.Value is string text && text.Contains(name, StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Metrics_record_requests_duration_errors_sql_statements_and_rows_by_operation()
    {
        await using var host = await ShelfHost.StartAsync("Production");
        var scope = host.App.Services.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == GraphQLTelemetry.SourceName && ReferenceEquals(instrument.Meter.Scope, scope))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        meters.Start();

        await PostAsync(host, "query Listing { volumes { title shelf { label } } }");
        await PostAsync(host, "query Listing { volumes { title shelf { label } } }");
        await PostAsync(host, "query Failing { nope }");

        double Sum(string instrument, string operation) => measurements
            .Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault(GraphQLTelemetry.OperationNameTag), operation))
            .Sum(m => m.Value);
        int Count(string instrument, string operation) => measurements
            .Count(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault(GraphQLTelemetry.OperationNameTag), operation));

        Assert.Equal(2, Sum("graphql.server.requests", "Listing"));
        Assert.Equal(2, Count("graphql.server.request.duration", "Listing"));
        Assert.True(Sum("graphql.server.request.duration", "Listing") > 0);
        Assert.Equal(4, Sum("graphql.server.sql.statements", "Listing"));
        Assert.Equal(10, Sum("graphql.server.sql.rows", "Listing"));
        Assert.Equal(0, Sum("graphql.server.errors", "Listing"));
        var error = Assert.Single(measurements, m => m.Instrument == "graphql.server.errors");
        Assert.Equal(1, error.Value);
        Assert.Equal("Failing", error.Tags[GraphQLTelemetry.OperationNameTag]);
        Assert.Equal("query", error.Tags[GraphQLTelemetry.OperationTypeTag]);
        Assert.NotNull(error.Tags[GraphQLTelemetry.ErrorTypeTag]);
    }

    [Fact]
    public async Task Sql_diagnostics_still_list_the_statements_while_telemetry_counts_them()
    {
        await using var host = await ShelfHost.StartAsync("Development");
        using var client = host.App.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"query Both { volumes { title shelf { label } } }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-Diagnostics", "sql");

        using var response = await client.SendAsync(request);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(2, body["extensions"]!["diagnostics"]!["sqlStatementCount"]!.Value<int>());
        var operation = Operation("Both");
        Assert.Equal(2, operation.GetTagItem(GraphQLTelemetry.SqlStatementCountTag));
        Assert.Equal(2, _spans.Count(s => s.ParentSpanId == operation.SpanId));
    }

    [Theory]
    [InlineData("SELECT \"v\".\"Id\" FROM \"Volumes\" AS \"v\" WHERE \"v\".\"Title\" = 'secret'", "SELECT")]
    [InlineData("  -- tag\n  /* note */ insert INTO t VALUES (1)", "INSERT")]
    [InlineData("WITH x AS (SELECT 1) SELECT * FROM x", "WITH")]
    [InlineData("\n\tUPDATE t SET a = @p0", "UPDATE")]
    [InlineData("3201021990", null)]
    [InlineData("-- only a comment", null)]
    [InlineData("", null)]
    public void The_sql_verb_is_the_first_keyword_and_nothing_else(string text, string? verb) =>
        Assert.Equal(verb, SqlDiagnosticsInterceptor.VerbOf(text));

    [Theory]
    [InlineData(false, 4, 3)]
    [InlineData(false, 2, 1)]
    [InlineData(false, 1, 1)]
    [InlineData(true, 1, 0)]
    [InlineData(false, 0, 0)]
    public void Rows_are_the_reads_that_found_a_row(bool empty, int reads, long rows) =>
        Assert.Equal(rows, SqlDiagnosticsInterceptor.RowsOf(empty, reads));

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}

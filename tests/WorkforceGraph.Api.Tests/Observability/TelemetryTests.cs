using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WorkforceGraph.Data;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Api.Tests.Observability;

/// <summary>Traces and metrics of the real host, captured with OpenTelemetry's in-memory exporter.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private const string Phone = "13912345678";

    private const string FindWorker = """
        query FindWorker($phone: String) {
          byId: workers(first: 5, where: { idNumber: { eq: "ID_NUMBER" } }) { totalCount nodes { id name } }
          byPhone: workers(first: 5, where: { phone: { eq: $phone } }) { totalCount nodes { id name community { name } } }
        }
        """;

    private readonly TelemetryApiFactory _factory = new();
    private string _idNumber = string.Empty;

    public async Task InitializeAsync() =>
        await _factory.WithDbAsync(db =>
        {
            var b = new WorkforceBuilder(db);
            var township = b.Township(b.County(b.Prefecture(b.Province("32", "江苏省"), "3201", "南京市"), "320102", "玄武区"), "320102001", "梅园新村街道");
            var community = b.Community(township, "320102001001", "大悲巷社区");
            _idNumber = b.Worker(community, "张三").IdNumber.Unmasked;
            b.Worker(community, "李四", phone: Phone);
            return Task.CompletedTask;
        });

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private string Query => FindWorker.Replace("ID_NUMBER", _idNumber, StringComparison.Ordinal);

    private GraphQLHttpClient Admin() => _factory.GraphQL(WorkforceApiFactory.TokenFor("platform-7", "admin", "32", "pii:read"));

    private static string DbSystem => WorkforceApiFactory.PostgresServer is null ? "sqlite" : "postgresql";

    [Fact]
    public async Task A_request_is_one_trace_with_an_operation_span_and_a_span_per_sql_statement()
    {
        var response = await Admin().PostAsync(Query, new { phone = Phone });
        response.EnsureSuccess();
        Assert.Equal(1, response.Data!["byId"]!["totalCount"]!.GetValue<int>());

        var operation = await _factory.WaitForSpanAsync(s => Tag(s, "graphql.operation.name") == "FindWorker");
        var http = await _factory.WaitForSpanAsync(s => s.TraceId == operation.TraceId && s.Kind == ActivityKind.Server);

        Assert.Equal("query FindWorker", operation.DisplayName);
        Assert.Equal("query", Tag(operation, "graphql.operation.type"));
        Assert.Equal(http.SpanId, operation.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, operation.Status);
        Assert.Null(operation.GetTagItem("graphql.error.codes"));

        var sql = _factory.SpansSnapshot().Where(s => s.ParentSpanId == operation.SpanId && s.TraceId == operation.TraceId).ToList();
        var count = Convert.ToInt32(operation.GetTagItem("graphql.sql.statement_count"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count >= 2, $"two lists ran {count} statements");
        Assert.Equal(count, sql.Count);
        Assert.All(sql, span =>
        {
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal(DbSystem, Tag(span, "db.system.name"));
            Assert.Equal("SELECT", Tag(span, "db.operation.name"));
            Assert.Equal("SELECT", span.DisplayName);
            Assert.Null(span.GetTagItem("db.query.text"));
            Assert.True(span.StartTimeUtc >= operation.StartTimeUtc && span.StartTimeUtc + span.Duration <= operation.StartTimeUtc + operation.Duration);
        });
        Assert.Contains(sql, span => span.GetTagItem("db.response.returned_rows") is long rows && rows >= 1);
    }

    [Fact]
    public async Task Error_codes_mark_the_operation_span_and_count_in_the_error_metric()
    {
        var response = await Admin().PostAsync("query BadNode { node(id: \"not-a-node\") { id } }");
        Assert.Equal("INVALID_NODE_ID", response.FirstErrorCode);

        var operation = await _factory.WaitForSpanAsync(s => Tag(s, "graphql.operation.name") == "BadNode");
        Assert.Equal(ActivityStatusCode.Error, operation.Status);
        Assert.Equal(["INVALID_NODE_ID"], Assert.IsType<string[]>(operation.GetTagItem("graphql.error.codes")));
        Assert.Equal("INVALID_NODE_ID", Tag(operation, "error.type"));

        var errors = Points(_factory.CollectMetrics(), "graphql.server.errors");
        var point = Assert.Single(errors, p => Equals(p.Tags.GetValueOrDefault("graphql.operation.name"), "BadNode"));
        Assert.Equal("INVALID_NODE_ID", point.Tags["error.type"]);
        Assert.Equal("query", point.Tags["graphql.operation.type"]);
        Assert.Equal(1, point.Value);
    }

    [Fact]
    public async Task Metrics_count_requests_duration_sql_statements_and_rows_by_operation()
    {
        for (var i = 0; i < 3; i++)
        {
            (await Admin().PostAsync(Query, new { phone = Phone })).EnsureSuccess();
        }

        var operation = await _factory.WaitForSpanAsync(s => Tag(s, "graphql.operation.name") == "FindWorker");
        var statements = Convert.ToInt64(operation.GetTagItem("graphql.sql.statement_count"), System.Globalization.CultureInfo.InvariantCulture);
        var metrics = _factory.CollectMetrics();

        static bool IsFindWorker(MetricValue p) => Equals(p.Tags.GetValueOrDefault("graphql.operation.name"), "FindWorker");
        Assert.Equal(3, Assert.Single(Points(metrics, "graphql.server.requests"), IsFindWorker).Value);
        var duration = Assert.Single(Points(metrics, "graphql.server.request.duration"), IsFindWorker);
        Assert.Equal(3, duration.Value);
        Assert.True(duration.Sum > 0);
        var sql = Assert.Single(Points(metrics, "graphql.server.sql.statements"), IsFindWorker);
        Assert.Equal(3, sql.Value);
        Assert.Equal(3 * statements, sql.Sum);
        var rows = Assert.Single(Points(metrics, "graphql.server.sql.rows"), IsFindWorker);
        Assert.True(rows.Sum >= 3 * 2, $"each request reads at least the two workers' rows, read {rows.Sum}");
    }

    [Fact]
    public async Task No_attribute_metric_tag_or_log_line_carries_a_literal_id_number_or_a_variable_phone()
    {
        (await Admin().PostAsync(Query, new { phone = Phone })).EnsureSuccess();
        var get = $"/graphql?query={Uri.EscapeDataString(Query)}&variables={Uri.EscapeDataString($"{{\"phone\":\"{Phone}\"}}")}";
        (await Admin().GetAsync(get)).EnsureSuccess();

        var operation = await _factory.WaitForSpanAsync(s => Tag(s, "graphql.operation.name") == "FindWorker");
        await _factory.WaitForSpanAsync(s => s != operation && Tag(s, "graphql.operation.name") == "FindWorker");
        var traces = _factory.SpansSnapshot().Where(s => Tag(s, "graphql.operation.name") == "FindWorker").Select(s => s.TraceId).ToHashSet();
        Assert.Equal(2, traces.Count);
        foreach (var trace in traces)
        {
            await _factory.WaitForSpanAsync(s => s.TraceId == trace && s.Kind == ActivityKind.Server);
        }

        var spans = _factory.SpansSnapshot().Where(s => traces.Contains(s.TraceId)).ToList();
        Assert.Contains(spans, s => s.Kind == ActivityKind.Server && Tag(s, "http.request.method") == "GET");
        Assert.All(spans.Where(s => s.Kind == ActivityKind.Server), s => Assert.Null(s.GetTagItem("url.query")));
        foreach (var span in spans)
        {
            var texts = span.TagObjects.Select(t => t.Key + "=" + Text(t.Value)).Append(span.DisplayName).Append(span.StatusDescription ?? string.Empty);
            AssertNoPersonalData(texts, $"span {span.DisplayName}");
        }

        var metricTags = _factory.CollectMetrics().SelectMany(m => Points([m], m.Name)).SelectMany(p => p.Tags.Select(t => t.Key + "=" + Text(t.Value)));
        AssertNoPersonalData(metricTags, "metric tag");
        AssertNoPersonalData(_factory.Logs.Select(l => l.Message + l.Exception), "log line");
    }

    [Fact]
    public async Task Without_an_otlp_endpoint_nothing_is_collected_or_exported()
    {
        await using var plain = new WorkforceApiFactory();

        Assert.Null(plain.Services.GetService<TracerProvider>());
        Assert.Null(plain.Services.GetService<MeterProvider>());
        Assert.NotNull(_factory.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task With_an_otlp_endpoint_traces_and_metrics_reach_the_collector_over_otlp()
    {
        using var collector = new FakeOtlpCollector();
        await using var factory = new TelemetryApiFactory();
        factory.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint;
        factory.Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        var idNumber = "320102198001010012";

        var response = await factory.GraphQL(WorkforceApiFactory.Token("admin", "32", "pii:read"))
            .PostAsync($$"""query Exported { workers(first: 1, where: { idNumber: { eq: "{{idNumber}}" } }) { totalCount } }""");
        Assert.Null(response.Errors);
        await factory.WaitForSpanAsync(s => Tag(s, "graphql.operation.name") == "Exported");
        factory.Services.GetRequiredService<TracerProvider>().ForceFlush();
        factory.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var traces = await collector.WaitForAsync("/v1/traces", "Exported");
        var metrics = await collector.WaitForAsync("/v1/metrics", "graphql.server.requests");
        Assert.Equal("application/x-protobuf", traces.ContentType);
        Assert.Contains("graphql.operation.name", traces.Text, StringComparison.Ordinal);
        Assert.Contains("workforcegraph", traces.Text, StringComparison.Ordinal);
        Assert.Contains("graphql.server.sql.statements", metrics.Text, StringComparison.Ordinal);
        Assert.All(collector.Received, r => Assert.DoesNotContain(idNumber, r.Text, StringComparison.Ordinal));
    }

    private void AssertNoPersonalData(IEnumerable<string> texts, string what)
    {
        foreach (var text in texts)
        {
            Assert.False(text.Contains(_idNumber, StringComparison.Ordinal), $"{what} carries the ID number: {text}");
            Assert.False(text.Contains(Phone, StringComparison.Ordinal), $"{what} carries the phone: {text}");
        }
    }

    private static string? Tag(Activity activity, string key) => activity.GetTagItem(key) as string;

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        System.Collections.IEnumerable list => string.Join(",", list.Cast<object?>()),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>A metric point: its tags, its value (a counter's sum, a histogram's count) and a histogram's sum.</summary>
    public sealed record MetricValue(Dictionary<string, object?> Tags, long Value, double Sum);

    private static List<MetricValue> Points(IEnumerable<Metric> metrics, string name)
    {
        var points = new List<MetricValue>();
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value;
                }

                points.Add(metric.MetricType switch
                {
                    MetricType.Histogram => new MetricValue(tags, point.GetHistogramCount(), point.GetHistogramSum()),
                    MetricType.LongSum => new MetricValue(tags, point.GetSumLong(), point.GetSumLong()),
                    MetricType.DoubleSum => new MetricValue(tags, (long)point.GetSumDouble(), point.GetSumDouble()),
                    MetricType.LongGauge => new MetricValue(tags, point.GetGaugeLastValueLong(), point.GetGaugeLastValueLong()),
                    MetricType.DoubleGauge => new MetricValue(tags, (long)point.GetGaugeLastValueDouble(), point.GetGaugeLastValueDouble()),
                    _ => new MetricValue(tags, 0, 0),
                });
            }
        }

        return points;
    }
}

/// <summary>A tiny OTLP/HTTP receiver: records every export request and answers 200.</summary>
internal sealed class FakeOtlpCollector : IDisposable
{
    private readonly System.Net.HttpListener _listener = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Path, string? ContentType, string Text)> _received = new();

    public FakeOtlpCollector()
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    public IReadOnlyCollection<(string Path, string? ContentType, string Text)> Received => _received;

    public async Task<(string Path, string? ContentType, string Text)> WaitForAsync(string path, string content)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (_received.FirstOrDefault(r => r.Path == path && r.Text.Contains(content, StringComparison.Ordinal)) is { Path: not null } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"No OTLP export to {path} carried {content}.");
    }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            System.Net.HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is System.Net.HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            // Protobuf keeps strings as raw UTF-8: attribute keys and values can be searched as text.
            _received.Enqueue((context.Request.Url!.AbsolutePath, context.Request.ContentType, System.Text.Encoding.UTF8.GetString(body.ToArray())));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using WorkforceGraph.Data;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Api.Tests.Observability;

/// <summary>One structured line per request, never personal data (contracts.md; PIPL).</summary>
public sealed class RequestLogTests : IAsyncLifetime
{
    private const string Category = "WorkforceGraph.Api.Requests";
    private const string Phone = "13712345678";

    private readonly WorkforceApiFactory _factory = new();
    private string _idNumber = string.Empty;

    public async Task InitializeAsync() =>
        await _factory.WithDbAsync(db =>
        {
            var b = new WorkforceBuilder(db);
            var township = b.Township(b.County(b.Prefecture(b.Province("32", "江苏省"), "3201", "南京市"), "320102", "玄武区"), "320102001", "梅园新村街道");
            var community = b.Community(township, "320102001001", "大悲巷社区");
            _idNumber = b.Worker(community, "王五", phone: Phone).IdNumber.Unmasked;
            return Task.CompletedTask;
        });

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private List<string> RequestLines() => _factory.Logs.Where(l => l.Category == Category).Select(l => l.Message).ToList();

    [Fact]
    public async Task Each_graphql_request_logs_one_line_with_caller_operation_status_errors_and_sql_count()
    {
        var client = _factory.GraphQL(WorkforceApiFactory.TokenFor("platform-9", "integrator", "3201", "pii:read"));
        var query = $$"""query LogWorker($phone: String) { workers(first: 3, where: { idNumber: { eq: "{{_idNumber}}" }, phone: { eq: $phone } }) { totalCount nodes { idNumber phone } } }""";

        var response = await client.PostAsync(query, new { phone = Phone });
        response.EnsureSuccess();
        Assert.Contains(_idNumber, response.Text, StringComparison.Ordinal);
        Assert.NotNull((await client.PostAsync("query LogBadNode { node(id: \"x\") { id } }")).Errors);

        var lines = RequestLines();
        var line = Assert.Single(lines, l => l.Contains("LogWorker", StringComparison.Ordinal));
        Assert.Matches(@"^HTTP POST /graphql answered 200 in [\d.]+ ms; request \S+, trace [0-9a-f]{32}, caller platform-9 \(integrator, region 3201\); GraphQL query LogWorker, errors -, [1-9]\d* SQL statements, [1-9]\d* rows$", line);
        var bad = Assert.Single(lines, l => l.Contains("LogBadNode", StringComparison.Ordinal));
        Assert.Contains("errors INVALID_NODE_ID", bad, StringComparison.Ordinal);
        Assert.Equal(2, lines.Count);

        foreach (var entry in _factory.Logs)
        {
            var text = entry.Message + entry.Exception;
            Assert.DoesNotContain(_idNumber, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Phone, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_get_request_logs_the_route_pattern_never_the_query_string()
    {
        var get = $"/graphql?query={Uri.EscapeDataString($"query LogGet {{ workers(first: 1, where: {{ idNumber: {{ eq: \"{_idNumber}\" }} }}) {{ totalCount }} }}")}";

        Assert.Equal("AUTH_NOT_AUTHORIZED", (await _factory.GraphQL().GetAsync(get)).FirstErrorCode);
        using var missing = await _factory.CreateClient().GetAsync(new Uri($"/graphql-{_idNumber}", UriKind.Relative));

        var line = Assert.Single(RequestLines(), l => l.Contains("LogGet", StringComparison.Ordinal));
        Assert.StartsWith("HTTP GET /graphql answered 200", line, StringComparison.Ordinal);
        Assert.Contains("errors AUTH_NOT_AUTHORIZED", line, StringComparison.Ordinal);
        Assert.Contains("caller anonymous (analyst, region 00)", line, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains(RequestLines(), l => l.StartsWith("HTTP GET (no route) answered 404", StringComparison.Ordinal) && l.Contains("caller anonymous", StringComparison.Ordinal));
        Assert.All(_factory.Logs, entry => Assert.DoesNotContain(_idNumber, entry.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_call_logs_its_status_and_code_without_a_caller()
    {
        await using var production = new WorkforceApiFactory { Environment = "Production" };

        var response = await production.GraphQL().PostAsync("query Refused { __typename }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        var line = Assert.Single(production.Logs, l => l.Category == Category && l.Message.Contains("/graphql", StringComparison.Ordinal)).Message;
        Assert.Contains("answered 401", line, StringComparison.Ordinal);
        Assert.Contains("caller - (-, region -)", line, StringComparison.Ordinal);
        Assert.Contains("errors AUTH_NOT_AUTHENTICATED", line, StringComparison.Ordinal);
        Assert.Contains(", 0 SQL statements", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_the_console_writes_json_and_in_development_plain_text()
    {
        await using var production = new WorkforceApiFactory { Environment = "Production" };

        Assert.Equal(ConsoleFormatterNames.Json, production.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        Assert.NotEqual(ConsoleFormatterNames.Json, _factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    [Fact]
    public async Task Entity_framework_never_logs_parameter_values()
    {
        var factory = _factory.Services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>();
        await using var db = await factory.CreateDbContextAsync();

        var core = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>();
        Assert.False(core?.IsSensitiveDataLoggingEnabled ?? false);
        var filters = _factory.Services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value;
        Assert.Contains(filters.Rules, r => r.CategoryName == "Microsoft.EntityFrameworkCore" && r.LogLevel == LogLevel.Warning);
        Assert.Contains(filters.Rules, r => r.CategoryName == "Microsoft.AspNetCore.Hosting.Diagnostics" && r.LogLevel == LogLevel.Warning);
    }
}

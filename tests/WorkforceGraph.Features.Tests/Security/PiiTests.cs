using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.GraphQL.Conventions.NodeIds;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Security;

/// <summary>ID numbers and phones (PIPL art. 28): masked by default, unmasked with pii:read and audited, never logged.</summary>
public sealed partial class PiiTests : IAsyncLifetime
{
    private const string CaseFile = "query CaseFile($id: ID!) { node(id: $id) { ... on Worker { id idNumber phone } } }";

    private readonly WorkforceApiFactory _factory = new();
    private SmallWorkforce _data = null!;
    private List<Worker> _workers = null!;

    public async Task InitializeAsync()
    {
        _data = await SmallWorkforce.CreateAsync(_factory);
        await using var db = Db();
        _workers = await db.Workers.ToListAsync();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Without_the_scope_values_are_masked_and_nothing_is_audited()
    {
        var response = await _factory.GraphQL(WorkforceApiFactory.Token("admin", "00")).PostAsync(CaseFile, new { id = NodeId.Encode("Worker", _data.Secretary.Id) });

        var worker = response.EnsureSuccess().Data!["node"]!;
        Assert.Equal(_data.Secretary.IdNumber.Masked, worker["idNumber"]!.GetValue<string>());
        Assert.Equal(PhoneNumber.Mask(_data.Secretary.Phone!), worker["phone"]!.GetValue<string>());
        Assert.Matches("^\\d{4}\\*{10}\\d{3}[\\dX]$", worker["idNumber"]!.GetValue<string>());
        Assert.Equal(0, await AuditCountAsync());
    }

    [Fact]
    public async Task With_pii_read_values_are_unmasked_and_each_worker_read_is_audited()
    {
        var response = await _factory.GraphQL(WorkforceApiFactory.TokenFor("case-officer-7", "viewer", "3201", "pii:read"))
            .PostAsync("query Roster { workers(first: 50) { nodes { id name idNumber } } a: node(id: \"" + NodeId.Encode("Worker", _data.Staff.Id) + "\") { ... on Worker { phone } } }");

        var nodes = response.EnsureSuccess().Data!["workers"]!["nodes"]!.AsArray();
        Assert.Equal(_workers.Count, nodes.Count);
        foreach (var node in nodes)
        {
            var id = NodeId.TryDecodeInt(node!["id"]!.GetValue<string>(), out _, out var key) ? key : -1;
            Assert.Equal(_workers.Single(w => w.Id == id).IdNumber.Unmasked, node["idNumber"]!.GetValue<string>());
        }

        Assert.Equal(_data.Staff.Phone, response.Data!["a"]!["phone"]!.GetValue<string>());

        await using var db = Db();
        var audit = await db.PiiReadAudits.OrderBy(a => a.WorkerId).ToListAsync();
        Assert.Equal(_workers.Select(w => w.Id).Order(), audit.Select(a => a.WorkerId));
        Assert.All(audit, a =>
        {
            Assert.Equal("case-officer-7", a.Subject);
            Assert.Equal("viewer", a.Role);
            Assert.Equal("3201", a.CallerScope);
            Assert.Equal("Roster", a.OperationName);
            Assert.Equal(WorkforceApiFactory.DefaultNow.UtcDateTime, a.ReadAt);
            Assert.False(string.IsNullOrEmpty(a.RequestId));
            Assert.Equal(a.WorkerId == _data.Staff.Id ? "idNumber,phone" : "idNumber", a.Fields);
        });
        Assert.Single(audit.Select(a => a.RequestId).Distinct());
    }

    [Fact]
    public async Task The_audit_trail_is_for_admins_only_and_scoped_to_their_region()
    {
        await _factory.GraphQL(WorkforceApiFactory.TokenFor("officer-3201", "viewer", "3201", "pii:read")).PostAsync(CaseFile, new { id = NodeId.Encode("Worker", _data.Secretary.Id) });
        await _factory.GraphQL(WorkforceApiFactory.TokenFor("officer-national", "analyst", "00", "pii:read")).PostAsync(CaseFile, new { id = NodeId.Encode("Worker", _data.Staff.Id) });
        const string trail = "{ piiReadAudits(order: [{ subject: ASC }]) { totalCount nodes { subject workerId fields } } }";

        foreach (var role in new[] { "viewer", "analyst", "integrator" })
        {
            var refused = await _factory.GraphQL(WorkforceApiFactory.Token(role, "00", "pii:read")).PostAsync(trail);
            Assert.Equal("AUTH_NOT_AUTHORIZED", refused.FirstErrorCode);
            Assert.Null(refused.Data!["piiReadAudits"]);
            Assert.Equal(System.Net.HttpStatusCode.OK, refused.Status);
        }

        var national = await _factory.GraphQL(WorkforceApiFactory.Token("admin", "00")).PostAsync(trail);
        var prefecture = await _factory.GraphQL(WorkforceApiFactory.Token("admin", "3201")).PostAsync(trail);
        var elsewhere = await _factory.GraphQL(WorkforceApiFactory.Token("admin", "3202")).PostAsync(trail);

        Assert.Equal(["officer-3201", "officer-national"], national.EnsureSuccess().Data!["piiReadAudits"]!["nodes"]!.AsArray().Select(n => n!["subject"]!.GetValue<string>()));
        Assert.Equal(["officer-3201"], prefecture.EnsureSuccess().Data!["piiReadAudits"]!["nodes"]!.AsArray().Select(n => n!["subject"]!.GetValue<string>()));
        Assert.Equal(0, elsewhere.EnsureSuccess().Data!["piiReadAudits"]!["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("where: { idNumber: { eq: $value } }")]
    [InlineData("where: { phone: { eq: $value } }")]
    [InlineData("where: { phone: { startsWith: $value } }")]
    [InlineData("where: { or: [{ name: { eq: \"x\" } }, { idNumber: { in: [$value] } }] }")]
    [InlineData("where: { posts: { some: { worker: { phone: { eq: $value } } } } }")]
    [InlineData("order: [{ phone: ASC }], where: { name: { neq: $value } }")]
    public async Task Filters_and_sorts_on_personal_fields_need_the_scope(string arguments)
    {
        var query = $"query($value: String) {{ workers({arguments}) {{ nodes {{ id }} }} }}";
        var value = _data.Secretary.IdNumber.Unmasked;

        var refused = await _factory.GraphQL(WorkforceApiFactory.Token("admin", "00")).PostAsync(query, new { value });
        var allowed = await _factory.GraphQL(WorkforceApiFactory.Token("viewer", "00", "pii:read")).PostAsync(query, new { value });

        Assert.Equal("AUTH_NOT_AUTHORIZED", refused.FirstErrorCode);
        Assert.Null(refused.Data!["workers"]);
        Assert.DoesNotContain(value, refused.Text, StringComparison.Ordinal);
        allowed.EnsureSuccess();
    }

    [Theory]
    [InlineData("startsWith")]
    [InlineData("contains")]
    [InlineData("endsWith")]
    public async Task Id_numbers_match_only_whole_even_with_the_scope_as_the_schema_says(string operation)
    {
        var query = $"query($value: String) {{ workers(where: {{ idNumber: {{ {operation}: $value }} }}) {{ nodes {{ id }} }} }}";
        var partial = await _factory.GraphQL(WorkforceApiFactory.Token("viewer", "00", "pii:read")).PostAsync(query, new { value = _data.Secretary.IdNumber.Unmasked[..6] });

        Assert.Equal("GRAPHQL_VALIDATION_FAILED", partial.FirstErrorCode);
        Assert.Null(partial.Data!["workers"]);
        var type = await _factory.GraphQL(WorkforceApiFactory.Token("admin", "00")).PostAsync("{ __type(name: \"WorkerFilterInput\") { inputFields { name description } } }");
        var description = type.EnsureSuccess().Data!["__type"]!["inputFields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "idNumber")!["description"]!.GetValue<string>();
        Assert.Contains("Partial matches (`contains`, `startsWith`, …) are refused with GRAPHQL_VALIDATION_FAILED", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personal_data_never_reach_the_logs()
    {
        var pii = WorkforceApiFactory.Token("admin", "00", "pii:read");
        var secret = _data.Secretary;
        await _factory.GraphQL(pii).PostAsync("{ workers { nodes { idNumber phone } } }");
        await _factory.GraphQL(pii).PostAsync("query($v: String) { workers(where: { idNumber: { eq: $v } }) { nodes { name } } }", new { v = secret.IdNumber.Unmasked });
        await _factory.GraphQL(pii).PostAsync("query($v: Int) { workers(first: $v) { nodes { name } } }", new { v = secret.IdNumber.Unmasked });
        await _factory.GraphQL().PostAsync("query($v: String) { workers(where: { phone: { eq: $v } }) { nodes { name } } }", new { v = secret.Phone });
        await _factory.GraphQL().PostRawAsync("{\"query\": \"{ workers(where: { idNumber: { eq: \\\"" + secret.IdNumber.Unmasked + "\\\" } }) { nodes { name } } \"}");
        await _factory.GraphQL("not-a-token-" + secret.Phone).PostAsync("{ __typename }");
        // Refused by the parser's nesting limit and by the depth limit: neither logs the document.
        var deep = string.Concat(Enumerable.Repeat("posts { worker { ", 120)) + "name" + string.Concat(Enumerable.Repeat(" } }", 120));
        await _factory.GraphQL(pii).PostAsync("{ workers(where: { name: { eq: \"" + secret.IdNumber.Unmasked + "\" } }) { nodes { " + deep + " } } }");
        var nested = string.Concat(Enumerable.Repeat("posts { worker { ", 8)) + "name" + string.Concat(Enumerable.Repeat(" } }", 8));
        await _factory.GraphQL(pii).PostAsync("{ workers(where: { name: { eq: \"" + secret.IdNumber.Unmasked + "\" } }) { nodes { " + nested + " } } }");

        var logged = string.Join('\n', _factory.Logs.Select(l => l.Message + l.Exception));
        Assert.NotEmpty(_factory.Logs);
        foreach (var worker in _workers)
        {
            Assert.DoesNotContain(worker.IdNumber.Unmasked, logged, StringComparison.Ordinal);
            if (worker.Phone is { } phone)
            {
                Assert.DoesNotContain(phone, logged, StringComparison.Ordinal);
            }
        }

        Assert.DoesNotMatch(IdNumberPattern(), logged);
    }

    [GeneratedRegex("\\d{17}[\\dX]")]
    private static partial Regex IdNumberPattern();

    private WorkforceDbContext Db() => _factory.Services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>().CreateDbContext();

    private async Task<int> AuditCountAsync()
    {
        await using var db = Db();
        return await db.PiiReadAudits.CountAsync();
    }
}

using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.GraphQL.Conventions.NodeIds;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Integration;

/// <summary><c>changes(after, first, entityTypes)</c> and <c>Worker.history</c> over HTTP.</summary>
public sealed class ChangeFeedTests : IAsyncLifetime
{
    private const string Feed = """
        query Feed($after: String, $first: Int, $types: [ChangeEntityType!]) {
          changes(after: $after, first: $first, entityTypes: $types) {
            edges { cursor node { entityType entityId operation changedAt changedBy node { id } } }
            pageInfo { hasNextPage endCursor }
            totalCount
          }
        }
        """;

    private const string Upsert = "mutation Push($workers: [WorkerInput!]!) { upsertWorkers(input: { workers: $workers }) { created errors { code } } }";

    private static readonly string[] WorkerType = ["WORKER"];
    private static readonly string[] PostType = ["POST"];

    private static readonly string Integrator = WorkforceApiFactory.TokenFor("platform-js", "integrator", "32");

    private readonly WorkforceApiFactory _factory = new();
    private SmallWorkforce _data = null!;

    public async Task InitializeAsync() => _data = await SmallWorkforce.CreateAsync(_factory);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Paging_with_the_last_cursor_returns_every_change_exactly_once_in_order_with_tombstones()
    {
        await PushAsync(Enumerable.Range(0, 7).Select(i => WorkerBatchTests.NewWorker(31 + (2 * i))).ToArray());
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        while (true)
        {
            var page = await PageAsync(cursor, 3);
            seen.AddRange(page.Edges.Select(e => e["entityId"]!.GetValue<string>() + ":" + e["operation"]!.GetValue<string>()));
            cursor = page.EndCursor ?? cursor;
            pages++;
            if (!page.HasNext)
            {
                break;
            }
        }

        Assert.Equal(3, pages);
        Assert.Equal(7, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());

        // A delete later: the next call from the stored cursor returns only the tombstones.
        var delete = await _factory.GraphQL(Integrator).PostAsync(
            "mutation { deleteWorkers(input: { workers: [{ idNumber: \"" + _data.GridWorker.IdNumber.Unmasked + "\" }] }) { deleted } }");
        Assert.Equal(1, delete.EnsureSuccess().Data!["deleteWorkers"]!["deleted"]!.GetValue<int>());
        var next = await PageAsync(cursor, 50);
        Assert.NotEmpty(next.Edges);
        Assert.All(next.Edges, e =>
        {
            Assert.Equal("DELETE", e["operation"]!.GetValue<string>());
            Assert.Null(e["node"]);
        });
        Assert.Contains(next.Edges, e => e["entityId"]!.GetValue<string>() == NodeId.Encode("Worker", _data.GridWorker.Id));
        Assert.Empty((await PageAsync(next.EndCursor, 50)).Edges);
    }

    [Fact]
    public async Task Concurrent_writers_leave_a_log_that_pages_without_gaps_or_repeats()
    {
        var batches = Enumerable.Range(0, 8).Select(b => Enumerable.Range(0, 5).Select(i => WorkerBatchTests.NewWorker(101 + (10 * b) + (2 * i))).ToArray()).ToList();
        string? cursor = null;
        var seen = new List<string>();
        var writers = batches.Select(batch => PushAsync(batch)).ToList();
        while (writers.Any(w => !w.IsCompleted))
        {
            var page = await PageAsync(cursor, 7);
            seen.AddRange(page.Edges.Select(e => e["entityId"]!.GetValue<string>()));
            cursor = page.EndCursor ?? cursor;
        }

        await Task.WhenAll(writers);
        while (true)
        {
            var page = await PageAsync(cursor, 7);
            seen.AddRange(page.Edges.Select(e => e["entityId"]!.GetValue<string>()));
            cursor = page.EndCursor ?? cursor;
            if (!page.HasNext)
            {
                break;
            }
        }

        Assert.Equal(40, seen.Count);
        Assert.Equal(40, seen.Distinct().Count());
    }

    [Fact]
    public async Task Scoped_callers_see_only_their_regions_changes_and_types_filter()
    {
        await PushAsync([WorkerBatchTests.NewWorker(51)]);
        var national = await _factory.GraphQL(WorkforceApiFactory.Token("integrator", "00")).PostAsync(Feed, new { types = WorkerType });
        Assert.Single(national.EnsureSuccess().Data!["changes"]!["edges"]!.AsArray());
        var other = await _factory.GraphQL(WorkforceApiFactory.Token("integrator", "3202")).PostAsync(Feed);
        Assert.Empty(other.EnsureSuccess().Data!["changes"]!["edges"]!.AsArray());
        Assert.Equal(0, other.Data!["changes"]!["totalCount"]!.GetValue<int>());
        var posts = await _factory.GraphQL(Integrator).PostAsync(Feed, new { types = PostType });
        Assert.Empty(posts.EnsureSuccess().Data!["changes"]!["edges"]!.AsArray());
    }

    [Fact]
    public async Task Bad_cursors_page_sizes_and_roles_get_coded_errors()
    {
        Assert.Equal("HC0078", (await _factory.GraphQL(Integrator).PostAsync(Feed, new { after = "bm9wZQ==" })).FirstErrorCode);
        Assert.Equal("HC0051", (await _factory.GraphQL(Integrator).PostAsync(Feed, new { first = 1001 })).FirstErrorCode);
        Assert.Equal("AUTH_NOT_AUTHORIZED", (await _factory.GraphQL(WorkforceApiFactory.Token("analyst", "32")).PostAsync(Feed)).FirstErrorCode);
    }

    [Fact]
    public async Task Worker_history_shows_who_changed_what_with_pii_masked()
    {
        await PushAsync([WorkerBatchTests.NewWorker(61)]);
        var changed = WorkerBatchTests.NewWorker(61);
        changed["phone"] = "13912345678";
        await PushAsync([changed]);
        int id;
        await using (var db = _factory.Services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>().CreateDbContext())
        {
            id = (await db.Workers.SingleAsync(w => w.Name == "赵新")).Id;
        }

        var response = await _factory.GraphQL(WorkforceApiFactory.Token("viewer", "3201")).PostAsync(
            "query($id: ID!) { node(id: $id) { ... on Worker { history { operation changedBy fields { name value } } } } }",
            new { id = NodeId.Encode("Worker", id) });

        var history = response.EnsureSuccess().Data!["node"]!["history"]!.AsArray();
        Assert.Equal(2, history.Count);
        Assert.All(history, h => Assert.Equal("platform-js", h!["changedBy"]!.GetValue<string>()));
        var latest = history[0]!["fields"]!.AsArray();
        Assert.Equal("phone", Assert.Single(latest)!["name"]!.GetValue<string>());
        Assert.Equal("139****5678", latest[0]!["value"]!.GetValue<string>());
        var created = history[1]!["fields"]!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["value"]?.GetValue<string>());
        Assert.Equal("320102001001", created["communityCode"]);
        Assert.Matches("^\\d{4}\\*{10}\\d{3}[\\dX]$", created["idNumber"]);
        // Enums as the API spells them, dates as ISO dates: what was sent is what the archive shows.
        foreach (var (name, sent) in WorkerBatchTests.NewWorker(61))
        {
            if (sent is string text && name is not ("idNumber" or "phone"))
            {
                Assert.Equal(text, created[name]);
            }
        }

        Assert.DoesNotContain("13912345678", response.Text, StringComparison.Ordinal);
    }

    private async Task PushAsync(object[] workers)
    {
        var response = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { workers });
        Assert.Empty(response.EnsureSuccess().Data!["upsertWorkers"]!["errors"]!.AsArray());
    }

    private async Task<(List<JsonNode> Edges, bool HasNext, string? EndCursor)> PageAsync(string? after, int first)
    {
        var response = await _factory.GraphQL(Integrator).PostAsync(Feed, new { after, first });
        var changes = response.EnsureSuccess().Data!["changes"]!;
        return (
            [.. changes["edges"]!.AsArray().Select(e => e!["node"]!)],
            changes["pageInfo"]!["hasNextPage"]!.GetValue<bool>(),
            changes["pageInfo"]!["endCursor"]?.GetValue<string>());
    }
}

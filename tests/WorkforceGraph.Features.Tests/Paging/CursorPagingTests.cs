using System.Net;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Paging;

/// <summary>Connections page with keyset cursors (graphql-conventions.md §5).</summary>
public sealed class CursorPagingTests : IAsyncLifetime
{
    private const int Townships = 23;
    private readonly WorkforceApiFactory _factory = new();

    public async Task InitializeAsync() =>
        await _factory.WithDbAsync(db =>
        {
            var b = new WorkforceBuilder(db);
            var county = b.County(b.Prefecture(b.Province("32", "江苏省"), "3201", "南京市"), "320102", "玄武区");
            for (var i = 1; i <= Townships; i++)
            {
                b.Township(county, $"320102{i:D3}", $"街道{i}");
            }

            return Task.CompletedTask;
        });

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Forward_paging_visits_every_row_exactly_once()
    {
        var seen = await PageForwardAsync(first: 4);

        Assert.Equal(Townships + 3, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task Backward_paging_visits_every_row_exactly_once_in_the_same_order()
    {
        var client = _factory.GraphQL();
        var seen = new List<string>();
        string? before = null;
        bool hasPrevious;
        do
        {
            var response = await client.PostAsync(
                "query($before: String) { regions(last: 5, before: $before) { pageInfo { hasPreviousPage hasNextPage startCursor } nodes { code } } }",
                new { before });
            response.EnsureSuccess();
            var connection = response.Data!["regions"]!;
            seen.InsertRange(0, connection["nodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()));
            Assert.Equal(before is not null, connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
            hasPrevious = connection["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>();
            before = connection["pageInfo"]!["startCursor"]!.GetValue<string>();
        }
        while (hasPrevious);

        Assert.Equal(await PageForwardAsync(first: 50), seen);
    }

    [Fact]
    public async Task A_cursor_stays_valid_when_rows_are_inserted_before_it()
    {
        var client = _factory.GraphQL();
        var first = await client.PostAsync("{ regions(first: 10) { pageInfo { endCursor } nodes { code } } }");
        var cursor = first.Data!["regions"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var expectedNext = (await PageForwardAsync(first: 50)).Skip(10).Take(5).ToList();

        // New rows get higher keys; deleting and re-adding shifts nothing before the cursor either.
        await _factory.WithDbAsync(db =>
        {
            var county = db.Regions.First(r => r.Code == "320102000000");
            new WorkforceBuilder(db).Township(county, "320102099", "新增街道");
            return Task.CompletedTask;
        });
        var next = await client.PostAsync("query($after: String) { regions(first: 5, after: $after) { nodes { code } } }", new { after = cursor });

        next.EnsureSuccess();
        Assert.Equal(expectedNext, next.Data!["regions"]!["nodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Total_count_counts_all_rows_and_first_zero_returns_an_empty_page()
    {
        var response = await _factory.GraphQL().PostAsync("{ regions(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }");

        response.EnsureSuccess();
        var connection = response.Data!["regions"]!;
        Assert.Equal(Townships + 3, connection["totalCount"]!.GetValue<int>());
        Assert.Empty(connection["edges"]!.AsArray());
        Assert.True(connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Null(connection["pageInfo"]!["startCursor"]);
    }

    [Fact]
    public async Task Without_first_the_default_page_size_applies()
    {
        var response = await _factory.GraphQL().PostAsync("{ regions { nodes { code } } }");

        Assert.Equal(10, response.EnsureSuccess().Data!["regions"]!["nodes"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("{ regions(first: 51) { nodes { code } } }", "HC0051")]
    [InlineData("{ regions(first: 10000) { nodes { code } } }", "HC0051")]
    [InlineData("{ regions(last: 51) { nodes { code } } }", "HC0051")]
    [InlineData("{ regions(first: -1) { nodes { code } } }", "HC0079")]
    [InlineData("{ regions(first: 5, after: \"bm90IGEgY3Vyc29y\") { nodes { code } } }", "HC0078")]
    [InlineData("{ regions(first: 5, before: \"%%%\") { nodes { code } } }", "HC0078")]
    public async Task Bad_paging_arguments_are_field_errors_with_codes(string query, string code)
    {
        var response = await _factory.GraphQL().PostAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(code, response.FirstErrorCode);
        Assert.Null(response.Data!["regions"]);
        Assert.Equal("regions", response.Errors![0]!["path"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Over_maximum_reports_the_coordinate_and_sizes()
    {
        var response = await _factory.GraphQL().PostAsync("{ regions(first: 60) { nodes { code } } }");

        var extensions = response.Errors![0]!["extensions"]!;
        Assert.Equal("Query.regions", extensions["coordinate"]!.GetValue<string>());
        Assert.Equal(60, extensions["requestedItems"]!.GetValue<int>());
        Assert.Equal(50, extensions["maxAllowedItems"]!.GetValue<int>());
    }

    private async Task<List<string>> PageForwardAsync(int first)
    {
        var client = _factory.GraphQL();
        var seen = new List<string>();
        string? after = null;
        bool hasNext;
        do
        {
            var response = await client.PostAsync(
                "query($first: Int, $after: String) { regions(first: $first, after: $after) { pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { code } } } }",
                new { first, after });
            response.EnsureSuccess();
            var connection = response.Data!["regions"]!;
            Assert.Equal(after is not null, connection["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
            seen.AddRange(connection["edges"]!.AsArray().Select(e => e!["node"]!["code"]!.GetValue<string>()));
            hasNext = connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>();
            after = connection["pageInfo"]!["endCursor"]?.GetValue<string>();
        }
        while (hasNext);

        return seen;
    }
}

using Newtonsoft.Json.Linq;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy.Catalog;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Paging;

/// <summary>graphql-conventions.md §5: forward and backward paging with where and order, stable keyset cursors.</summary>
public sealed class KeysetPagingTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private const string Where = "{ or: [{ genre: { neq: POETRY } }, { birthYear: { eq: null } }] }";
    private const string Order = "[{ genre: DESC }, { birthYear: ASC }]";

    private readonly LibraryHost _host = fixture.Host;

    // The same predicate and order, in memory (NULLs last ascending; id tiebreak).
    private static List<int> Expected() =>
    [
        .. LibrarySeed.Authors()
            .Where(a => a.Genre != Genre.Poetry || a.BirthYear is null)
            .OrderByDescending(a => (int)a.Genre)
            .ThenBy(a => a.BirthYear is null)
            .ThenBy(a => a.BirthYear)
            .ThenBy(a => a.Id)
            .Select(a => a.Id),
    ];

    private async Task<JToken> PageAsync(string arguments)
    {
        var data = await _host.DataAsync($"{{ authors({arguments}, where: {Where}, order: {Order}) {{ totalCount edges {{ cursor node {{ id }} }} nodes {{ id }} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} }} }}");
        return data["authors"]!;
    }

    private static List<int> Ids(JToken connection) =>
        [.. connection["nodes"]!.Select(n => LibraryHost.DecodeId("Author", (string)n["id"]!))];

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(50)]
    public async Task Forward_visits_every_row_exactly_once(int size)
    {
        var expected = Expected();
        var seen = new List<int>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = await PageAsync(after is null ? $"first: {size}" : $"first: {size}, after: \"{after}\"");
            var info = page["pageInfo"]!;
            Assert.Equal(after is not null, (bool)info["hasPreviousPage"]!);
            Assert.Equal(expected.Count, (int)page["totalCount"]!);
            var ids = Ids(page);
            Assert.Equal(ids, page["edges"]!.Select(e => LibraryHost.DecodeId("Author", (string)e["node"]!["id"]!)));
            if (ids.Count > 0)
            {
                Assert.Equal((string?)page["edges"]![0]!["cursor"], (string?)info["startCursor"]);
                Assert.Equal((string?)page["edges"]!.Last()["cursor"], (string?)info["endCursor"]);
            }

            seen.AddRange(ids);
            pages++;
            if (!(bool)info["hasNextPage"]!)
            {
                break;
            }

            after = (string)info["endCursor"]!;
        }

        Assert.Equal(expected, seen);
        Assert.Equal(Math.Max(1, (expected.Count + size - 1) / size), pages);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(50)]
    public async Task Backward_visits_every_row_exactly_once(int size)
    {
        var expected = Expected();
        var seen = new List<int>();
        string? before = null;
        while (true)
        {
            var page = await PageAsync(before is null ? $"last: {size}" : $"last: {size}, before: \"{before}\"");
            var info = page["pageInfo"]!;
            Assert.Equal(before is not null, (bool)info["hasNextPage"]!);
            seen.InsertRange(0, Ids(page));
            if (!(bool)info["hasPreviousPage"]!)
            {
                break;
            }

            before = (string)info["startCursor"]!;
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Forward_and_backward_cursors_are_interchangeable()
    {
        var expected = Expected();
        var first = await PageAsync("first: 5");
        var cursorOfFifth = (string)first["pageInfo"]!["endCursor"]!;

        // before the 5th row: rows 1-4; after it: rows 6…
        Assert.Equal(expected.Take(4), Ids(await PageAsync($"last: 10, before: \"{cursorOfFifth}\"")));
        Assert.Equal(expected.Skip(5).Take(3), Ids(await PageAsync($"first: 3, after: \"{cursorOfFifth}\"")));

        // first then last: the last 2 of the first 5.
        var both = await PageAsync("first: 5, last: 2");
        Assert.Equal(expected.Skip(3).Take(2), Ids(both));
        Assert.True((bool)both["pageInfo"]!["hasPreviousPage"]!);

        // after and before together: the rows strictly between.
        var second = (string)first["edges"]![1]!["cursor"]!;
        Assert.Equal(expected.Skip(2).Take(2), Ids(await PageAsync($"first: 10, after: \"{second}\", before: \"{cursorOfFifth}\"")));
    }

    [Fact]
    public async Task First_zero_is_an_empty_page_with_page_info()
    {
        var page = await PageAsync("first: 0");
        Assert.Empty(page["nodes"]!);
        Assert.True((bool)page["pageInfo"]!["hasNextPage"]!);
        Assert.False((bool)page["pageInfo"]!["hasPreviousPage"]!);
        Assert.Equal(JTokenType.Null, page["pageInfo"]!["endCursor"]!.Type);
    }

    [Fact]
    public async Task Default_page_size_is_10_and_limits_are_coded()
    {
        var data = await _host.DataAsync("{ authors { nodes { id } pageInfo { hasNextPage } } }");
        Assert.Equal(10, data["authors"]!["nodes"]!.Count());
        Assert.Equal("HC0051", await _host.ErrorCodeAsync("{ authors(first: 51) { nodes { id } } }"));
        Assert.Equal("HC0079", await _host.ErrorCodeAsync("{ authors(last: -1) { nodes { id } } }"));
        Assert.Equal("HC0078", await _host.ErrorCodeAsync("{ authors(after: \"bm90IGEgY3Vyc29y\") { nodes { id } } }"));
        Assert.Equal("HC0078", await _host.ErrorCodeAsync("{ authors(before: \"%%%\") { nodes { id } } }"));
    }
}

/// <summary>A cursor keeps its place when rows are inserted before it (own database: this class writes).</summary>
public sealed class CursorStabilityTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private readonly LibraryHost _host = fixture.Host;

    [Theory]
    [InlineData("[{ name: ASC }]")]
    [InlineData("[{ birthYear: DESC }]")]
    [InlineData("[{ since: ASC }]")]
    public async Task A_cursor_stays_valid_after_inserting_rows_before_it(string order)
    {
        var before = await _host.AuthorIdsAsync("{}", order);
        var first = await _host.DataAsync($"{{ authors(first: 4, order: {order}) {{ nodes {{ id }} pageInfo {{ endCursor }} }} }}");
        var cursor = (string)first["authors"]!["pageInfo"]!["endCursor"]!;

        // Rows that sort before the cursor (the 4th row) in every order used here: names starting with "!", birth
        // year null (first in DESC, then by id), the earliest date.
        await _host.ChangeAsync(db =>
        {
            db.Authors.Add(new Author { Id = 1001, Name = "!first", BirthYear = null, Since = new DateOnly(1900, 1, 1), Genre = Genre.Drama, Rating = 1m });
            db.Authors.Add(new Author { Id = 1002, Name = "!second", BirthYear = null, Since = new DateOnly(1900, 1, 2), Genre = Genre.Novel, Rating = 1m });
        });
        try
        {
            var next = await _host.DataAsync($"{{ authors(first: 4, after: \"{cursor}\", order: {order}) {{ nodes {{ id }} }} }}");
            var ids = next["authors"]!["nodes"]!.Select(n => LibraryHost.DecodeId("Author", (string)n["id"]!)).ToList();
            Assert.Equal(before.Skip(4).Take(4), ids);

            // The new rows are really there, at the front.
            var now = await _host.AuthorIdsAsync("{}", order);
            Assert.Equal(before.Count + 2, now.Count);
            Assert.Equal(before.Append(1001).Append(1002).Order(), now.Order());
            Assert.True(now.IndexOf(1001) < now.IndexOf(before[3]));
            Assert.True(now.IndexOf(1002) < now.IndexOf(before[3]));
        }
        finally
        {
            await _host.ChangeAsync(db => db.Authors.RemoveRange(db.Authors.Where(a => a.Id > 1000)));
        }
    }
}

using Newtonsoft.Json.Linq;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy.Catalog;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Paging;

/// <summary>
/// Nested connections over a navigation (<c>ConnectionOver</c>): a page per parent, all parents of a level in one
/// statement, counts in one more; results equal the same paging done in memory.
/// </summary>
public sealed class NestedConnectionTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private const string Query =
        "{ authors(first: 50) { nodes { id bookPage(first: 1, where: { pages: { gt: 100 } }, order: [{ pages: DESC }]) { totalCount pageInfo { hasNextPage endCursor } nodes { id title } } } } }";

    private readonly LibraryHost _host = fixture.Host;

    [Fact]
    public async Task Each_parent_gets_its_own_filtered_ordered_page_and_count()
    {
        var data = await _host.DataAsync(Query);

        var expected = LibrarySeed.Authors().ToDictionary(
            a => a.Id,
            a => a.Books.Where(b => b.Pages > 100).OrderByDescending(b => b.Pages).ThenBy(b => b.Id).ToList());
        var authors = (JArray)data["authors"]!["nodes"]!;
        Assert.Equal(expected.Count, authors.Count);
        foreach (var author in authors)
        {
            var id = LibraryHost.DecodeId("Author", (string)author["id"]!);
            var page = author["bookPage"]!;
            Assert.Equal(expected[id].Take(1).Select(b => b.Id), page["nodes"]!.Select(n => LibraryHost.DecodeId("Book", (string)n["id"]!)));
            Assert.Equal(expected[id].Count, (int)page["totalCount"]!);
            Assert.Equal(expected[id].Count > 1, (bool)page["pageInfo"]!["hasNextPage"]!);
        }

        Assert.Contains(expected.Values, books => books.Count > 1);
    }

    [Fact]
    public async Task All_parents_cost_one_statement_for_pages_and_one_for_counts()
    {
        var body = await _host.PostAsync(Query, sqlDiagnostics: true);

        var statements = ((JArray)body["extensions"]!["diagnostics"]!["sqlStatements"]!).Select(s => (string)s!).ToList();
        Assert.Equal(3, statements.Count);
        Assert.Single(statements, s => s.Contains("ROW_NUMBER() OVER", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_next_page_continues_after_the_cursor_of_its_parent()
    {
        var author = LibrarySeed.Authors().First(a => a.Books.Count > 1);
        var expected = author.Books.OrderBy(b => b.Title, StringComparer.Ordinal).ThenBy(b => b.Id).Select(b => b.Id).ToList();
        var authorId = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("Author:" + author.Id));
        var seen = new List<int>();
        string? after = null;
        bool hasNext;
        do
        {
            var data = await _host.DataAsync(
                "query($w: AuthorFilterInput, $after: String) { authors(where: $w) { nodes { bookPage(first: 1, after: $after, order: [{ title: ASC }]) { pageInfo { hasNextPage endCursor } nodes { id } } } } }",
                new { w = new { id = new { eq = authorId } }, after });
            var page = data["authors"]!["nodes"]![0]!["bookPage"]!;
            seen.AddRange(page["nodes"]!.Select(n => LibraryHost.DecodeId("Book", (string)n["id"]!)));
            hasNext = (bool)page["pageInfo"]!["hasNextPage"]!;
            after = (string?)page["pageInfo"]!["endCursor"];
        }
        while (hasNext);

        Assert.Equal(expected, seen);
    }
}

using Newtonsoft.Json.Linq;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy.Catalog;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Paging;

/// <summary>
/// Nested connections over a computed key (<c>ConnectionByKey</c>): the parents are grouped by kind (here the length
/// of the author's nickname, which chooses the child's key expression); each kind costs one statement for its pages
/// and one for its counts, and every page equals the same paging done in memory.
/// </summary>
public sealed class KeyedConnectionTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private const string Query =
        "{ authors(first: 50) { nodes { id namesakeBooks(first: 2, where: { pages: { lt: 1000 } }, order: [{ title: DESC }]) { totalCount pageInfo { hasNextPage endCursor } nodes { id title } } } } }";

    private readonly LibraryHost _host = fixture.Host;

    [Fact]
    public async Task Each_parent_gets_its_own_filtered_ordered_page_and_count()
    {
        var data = await _host.DataAsync(Query);

        var books = LibrarySeed.Books();
        var expected = LibrarySeed.Authors().ToDictionary(
            a => a.Id,
            a => a.Nickname is null ? [] : books
                .Where(b => b.Title.StartsWith(a.Nickname, StringComparison.Ordinal) && b.Pages < 1000)
                .OrderByDescending(b => b.Title, StringComparer.Ordinal).ThenBy(b => b.Id).ToList());
        var authors = (JArray)data["authors"]!["nodes"]!;
        Assert.Equal(expected.Count, authors.Count);
        foreach (var author in authors)
        {
            var id = LibraryHost.DecodeId("Author", (string)author["id"]!);
            var page = author["namesakeBooks"]!;
            Assert.Equal(expected[id].Take(2).Select(b => b.Id), page["nodes"]!.Select(n => LibraryHost.DecodeId("Book", (string)n["id"]!)));
            Assert.Equal(expected[id].Count, (int)page["totalCount"]!);
            Assert.Equal(expected[id].Count > 2, (bool)page["pageInfo"]!["hasNextPage"]!);
        }

        // The empty nickname matches every book; one-letter and longer ones match some; null has no key at all.
        Assert.Contains(expected.Values, b => b.Count > 2);
        Assert.Contains(expected.Values, b => b.Count == 1);
    }

    [Fact]
    public async Task Parents_of_one_kind_cost_one_statement_for_pages_and_one_for_counts()
    {
        var body = await _host.PostAsync(
            """{ authors(where: { nickname: { in: ["Al", "al", "Em"] } }) { nodes { namesakeBooks(first: 1) { totalCount nodes { title } } } } }""",
            sqlDiagnostics: true);

        var statements = ((JArray)body["extensions"]!["diagnostics"]!["sqlStatements"]!).Select(s => (string)s!).ToList();
        Assert.Equal(3, statements.Count);
        Assert.Single(statements, s => s.Contains("ROW_NUMBER() OVER", StringComparison.Ordinal));
        Assert.Equal(["Emma"], body["data"]!["authors"]!["nodes"]!.SelectMany(a => a["namesakeBooks"]!["nodes"]!).Select(n => (string)n["title"]!));
    }

    [Fact]
    public async Task Each_kind_present_costs_its_own_statements()
    {
        var body = await _host.PostAsync(Query, sqlDiagnostics: true);

        var kinds = LibrarySeed.Authors().Where(a => a.Nickname is not null).Select(a => a.Nickname!.Length).Distinct().Count();
        var statements = (JArray)body["extensions"]!["diagnostics"]!["sqlStatements"]!;
        Assert.Equal(1 + (2 * kinds), statements.Count);
    }

    [Fact]
    public async Task The_next_page_continues_after_the_cursor_of_its_parent()
    {
        var expected = LibrarySeed.Books().OrderBy(b => b.Pages).ThenBy(b => b.Id).Select(b => b.Id).ToList();
        var seen = new List<int>();
        string? after = null;
        bool hasNext;
        do
        {
            // Nickname "": every book.
            var data = await _host.DataAsync(
                """query($after: String) { authors(where: { nickname: { eq: "" } }) { nodes { namesakeBooks(first: 7, after: $after, order: [{ pages: ASC }]) { pageInfo { hasNextPage endCursor } nodes { id } } } } }""",
                new { after });
            var page = data["authors"]!["nodes"]![0]!["namesakeBooks"]!;
            seen.AddRange(page["nodes"]!.Select(n => LibraryHost.DecodeId("Book", (string)n["id"]!)));
            hasNext = (bool)page["pageInfo"]!["hasNextPage"]!;
            after = (string?)page["pageInfo"]!["endCursor"];
        }
        while (hasNext);

        Assert.Equal(expected, seen);
    }
}

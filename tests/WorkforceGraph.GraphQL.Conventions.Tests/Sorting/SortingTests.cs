using WorkforceGraph.GraphQL.Conventions.Tests.Toy.Catalog;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Sorting;

/// <summary>graphql-conventions.md §4: order entries, nesting, enums, NULLs, ordinal strings and the primary-key tiebreak.</summary>
public sealed class SortingTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private readonly LibraryHost _host = fixture.Host;

    private static IReadOnlyList<Author> Authors => LibrarySeed.Authors();

    private static List<int> Ids(IEnumerable<Author> authors) => [.. authors.Select(a => a.Id)];

    [Fact]
    public async Task Without_order_rows_come_in_primary_key_order()
    {
        Assert.Equal(Enumerable.Range(1, 20), await _host.AuthorIdsAsync("{}"));
    }

    [Fact]
    public async Task Ordering_by_the_primary_key_itself_replaces_the_tiebreak()
    {
        Assert.Equal(Enumerable.Range(1, 20).Reverse(), await _host.AuthorIdsAsync("{}", "[{ id: DESC }]"));
        Assert.Equal(Enumerable.Range(1, 20), await _host.AuthorIdsAsync("{}", "[{ id: ASC }]"));
    }

    [Fact]
    public async Task Strings_sort_by_code_point_with_the_key_as_tiebreak()
    {
        var expected = Ids(Authors.OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id));
        Assert.Equal(expected, await _host.AuthorIdsAsync("{}", "[{ name: ASC }]"));

        // "%_like" < "ABC" < "Abc" < … < "abc" < "mary" < "zed" < "Émile" (U+00C9) by code point.
        Assert.Equal([19, 2, 3], expected.Take(3));
        Assert.Equal(4, expected[^1]);

        // DESC reverses the values but the tiebreak stays ascending: Austen 13 before Austen 18.
        var descending = Ids(Authors.OrderByDescending(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id));
        Assert.Equal(descending, await _host.AuthorIdsAsync("{}", "[{ name: DESC }]"));
    }

    [Fact]
    public async Task Enums_sort_in_declaration_order_not_alphabetically()
    {
        Assert.Equal(
            Ids(Authors.OrderBy(a => (int)a.Genre).ThenBy(a => a.Id)),
            await _host.AuthorIdsAsync("{}", "[{ genre: ASC }]"));
        Assert.Equal(
            Ids(Authors.OrderByDescending(a => (int)a.Genre).ThenBy(a => a.Id)),
            await _host.AuthorIdsAsync("{}", "[{ genre: DESC }]"));

        var data = await _host.DataAsync("{ authors(first: 1, order: [{ genre: ASC }]) { nodes { genre } } }");
        Assert.Equal("POETRY", (string)data["authors"]!["nodes"]![0]!["genre"]!);
    }

    [Fact]
    public async Task Nulls_sort_last_ascending_and_first_descending()
    {
        Assert.Equal(
            Ids(Authors.OrderBy(a => a.BirthYear is null).ThenBy(a => a.BirthYear).ThenBy(a => a.Id)),
            await _host.AuthorIdsAsync("{}", "[{ birthYear: ASC }]"));
        Assert.Equal(
            Ids(Authors.OrderByDescending(a => a.BirthYear is null).ThenByDescending(a => a.BirthYear).ThenBy(a => a.Id)),
            await _host.AuthorIdsAsync("{}", "[{ birthYear: DESC }]"));
        Assert.Equal(
            Ids(Authors.OrderBy(a => a.Nickname is null).ThenBy(a => a.Nickname, StringComparer.Ordinal).ThenBy(a => a.Id)),
            await _host.AuthorIdsAsync("{}", "[{ nickname: ASC }]"));
        Assert.Equal(
            Ids(Authors.OrderByDescending(a => a.Nickname is null).ThenByDescending(a => a.Nickname, StringComparer.Ordinal).ThenBy(a => a.Id)),
            await _host.AuthorIdsAsync("{}", "[{ nickname: DESC }]"));
    }

    [Fact]
    public async Task Multi_key_order_applies_entries_in_list_order()
    {
        Assert.Equal(
            Ids(Authors.OrderByDescending(a => a.Active).ThenBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id)),
            await _host.AuthorIdsAsync("{}", "[{ active: DESC }, { name: ASC }]"));
        Assert.Equal(
            Ids(Authors.OrderBy(a => a.Name, StringComparer.Ordinal).ThenByDescending(a => a.Active).ThenBy(a => a.Id)),
            await _host.AuthorIdsAsync("{}", "[{ name: ASC }, { active: DESC }]"));
        Assert.Equal(
            Ids(Authors.OrderBy(a => (int)a.Genre).ThenByDescending(a => a.Since).ThenBy(a => a.Id)),
            await _host.AuthorIdsAsync("{}", "[{ genre: ASC }, { since: DESC }]"));
    }

    [Fact]
    public async Task Decimal_sorts()
    {
        Assert.Equal(
            Ids(Authors.OrderBy(a => (int)a.Genre).ThenByDescending(a => a.Rating).ThenBy(a => a.Id)),
            await _host.AuthorIdsAsync("{}", "[{ genre: ASC }, { rating: DESC }]"));
    }

    [Fact]
    public async Task Several_fields_in_one_entry_that_agree_with_declaration_order()
    {
        Assert.Equal(
            Ids(Authors.OrderByDescending(a => a.Name, StringComparer.Ordinal).ThenBy(a => (int)a.Genre).ThenBy(a => a.Id)),
            await _host.AuthorIdsAsync("{}", "[{ name: DESC, genre: ASC }]"));
    }

    [Fact]
    public async Task Several_fields_in_one_entry_apply_in_document_order()
    {
        // name is declared before genre in AuthorSortInput; the document says genre first.
        var expected = Ids(Authors.OrderBy(a => (int)a.Genre).ThenByDescending(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id));
        Assert.Equal(expected, await _host.AuthorIdsAsync("{}", "[{ genre: ASC, name: DESC }]"));

        // Known limit: through a variable, coercion has already reordered the fields by declaration and GraphQL.NET
        // keeps no raw JSON; write one field per entry there (docs/query-conventions.md).
    }

    [Fact]
    public async Task Nested_order_on_a_reference()
    {
        var books = LibrarySeed.Books();
        Assert.Equal(
            books.OrderBy(b => b.Author!.Name, StringComparer.Ordinal).ThenByDescending(b => b.Pages).ThenBy(b => b.Id).Select(b => b.Id).ToList(),
            await _host.BookIdsAsync("{}", "[{ author: { name: ASC } }, { pages: DESC }]"));
        Assert.Equal(
            books.OrderBy(b => b.Author!.BirthYear is null).ThenBy(b => b.Author!.BirthYear).ThenBy(b => b.Title, StringComparer.Ordinal).ThenBy(b => b.Id).Select(b => b.Id).ToList(),
            await _host.BookIdsAsync("{}", "[{ author: { birthYear: ASC } }, { title: ASC }]"));
    }

    [Fact]
    public async Task Child_list_order_argument()
    {
        var data = await _host.DataAsync("{ authors(where: { books: { any: true } }, first: 50) { nodes { books(order: [{ pages: DESC }, { title: ASC }]) { title } } } }");
        var expected = LibrarySeed.Authors().Where(a => a.Books.Count > 0)
            .Select(a => a.Books.OrderByDescending(b => b.Pages).ThenBy(b => b.Title, StringComparer.Ordinal).Select(b => b.Title).ToList())
            .ToList();
        var actual = data["authors"]!["nodes"]!.Select(n => n["books"]!.Select(b => (string)b["title"]!).ToList()).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Empty_entry_is_ignored_and_null_direction_is_HC0026()
    {
        Assert.Equal(Enumerable.Range(1, 20), await _host.AuthorIdsAsync("{}", "[{}]"));
        var body = await _host.PostAsync("{ authors(order: [{ name: null }]) { nodes { id } } }");
        var error = Assert.Single(body["errors"]!);
        Assert.Equal("HC0026", (string?)error["extensions"]!["code"]);
        Assert.Equal("AuthorSortInput", (string?)error["extensions"]!["sortType"]);
    }

    [Theory]
    [InlineData("[{ pages: ASC }]")]
    [InlineData("[{ pages: DESC }]")]
    [InlineData("[{ published: ASC }]")]
    [InlineData("[{ author: { genre: ASC } }]")]
    [InlineData("[{ author: { birthYear: DESC } }, { pages: ASC }]")]
    [InlineData("[{ author: { rating: DESC } }, { author: { nickname: ASC } }]")]
    [InlineData("[{ author: { active: ASC } }, { published: DESC }]")]
    public async Task Equal_values_never_skip_or_repeat_rows_when_paging(string order)
    {
        // Small pages over many ties (seven books have 120 pages): keyset paging must continue by id.
        var seen = new List<int>();
        string? after = null;
        do
        {
            var arguments = after is null ? "" : $", after: \"{after}\"";
            var data = await _host.DataAsync($"{{ books(first: 2, order: {order}{arguments}) {{ nodes {{ id }} pageInfo {{ hasNextPage endCursor }} }} }}");
            seen.AddRange(data["books"]!["nodes"]!.Select(n => LibraryHost.DecodeId("Book", (string)n["id"]!)));
            after = (bool)data["books"]!["pageInfo"]!["hasNextPage"]! ? (string?)data["books"]!["pageInfo"]!["endCursor"] : null;
        }
        while (after is not null);

        Assert.Equal(25, seen.Count);
        Assert.Equal(25, seen.Distinct().Count());
        Assert.Equal(await _host.BookIdsAsync("{}", order), seen);
    }

    [Fact]
    public async Task A_cursor_made_under_another_order_is_HC0078()
    {
        var data = await _host.DataAsync("{ authors(first: 2, order: [{ name: ASC }]) { pageInfo { endCursor } } }");
        var cursor = (string)data["authors"]!["pageInfo"]!["endCursor"]!;

        foreach (var order in new[] { "[{ name: DESC }]", "[{ birthYear: ASC }]", "[{ name: ASC }, { genre: ASC }]", "[]" })
        {
            var body = await _host.PostAsync($"{{ authors(first: 2, after: \"{cursor}\", order: {order}) {{ nodes {{ id }} }} }}");
            var error = Assert.Single(body["errors"]!);
            Assert.Equal("HC0078", (string?)error["extensions"]!["code"]);
            Assert.Equal(cursor, (string?)error["extensions"]!["cursor"]);
        }

        var same = await _host.DataAsync($"{{ authors(first: 2, after: \"{cursor}\", order: [{{ name: ASC }}]) {{ nodes {{ id }} }} }}");
        Assert.Equal(2, same["authors"]!["nodes"]!.Count());
    }
}

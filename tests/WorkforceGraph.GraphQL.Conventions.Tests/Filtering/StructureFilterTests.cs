using WorkforceGraph.GraphQL.Conventions.Tests.Toy.Catalog;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Filtering;

/// <summary>graphql-conventions.md §3: nested object filters, list filters and entity-level <c>and</c>/<c>or</c>.</summary>
public sealed class StructureFilterTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private readonly LibraryHost _host = fixture.Host;

    private static List<int> Expected(Func<Author, bool> predicate) =>
        [.. LibrarySeed.Authors().Where(predicate).Select(a => a.Id).OrderBy(id => id)];

    private static List<int> ExpectedBooks(Func<Book, bool> predicate) =>
        [.. LibrarySeed.Books().Where(predicate).Select(b => b.Id).OrderBy(id => id)];

    [Fact]
    public async Task Nested_object_filter_on_a_to_one_relation()
    {
        Assert.Equal(ExpectedBooks(b => b.Author!.Name.StartsWith("Aus", StringComparison.Ordinal)), await _host.BookIdsAsync("{ author: { name: { startsWith: \"Aus\" } } }"));
        Assert.Equal(ExpectedBooks(b => b.Author!.Genre == Genre.Drama && b.Pages > 120), await _host.BookIdsAsync("{ author: { genre: { eq: DRAMA } }, pages: { gt: 120 } }"));
        Assert.Equal(ExpectedBooks(b => b.Author!.BirthYear is null), await _host.BookIdsAsync("{ author: { birthYear: { eq: null } } }"));
    }

    [Fact]
    public async Task Nested_filter_through_a_list_back_to_the_parent()
    {
        // authors having a book whose author's name starts with "Mo" (book { author { name { startsWith } } } inside some)
        Assert.Equal([16], await _host.AuthorIdsAsync("{ books: { some: { author: { name: { startsWith: \"Mo\" } } } } }"));
    }

    [Fact]
    public async Task List_some_all_none()
    {
        Assert.Equal(Expected(a => a.Books.Any(b => b.Pages > 800)), await _host.AuthorIdsAsync("{ books: { some: { pages: { gt: 800 } } } }"));
        Assert.Equal(Expected(a => a.Books.All(b => b.Pages >= 120)), await _host.AuthorIdsAsync("{ books: { all: { pages: { gte: 120 } } } }"));
        Assert.Equal(Expected(a => !a.Books.Any(b => b.Pages == 120)), await _host.AuthorIdsAsync("{ books: { none: { pages: { eq: 120 } } } }"));
        Assert.Equal(
            Expected(a => a.Books.Any(b => b.Title.StartsWith('T')) && !a.Books.Any(b => b.Pages < 130)),
            await _host.AuthorIdsAsync("{ books: { some: { title: { startsWith: \"T\" } }, none: { pages: { lt: 130 } } } }"));
    }

    [Fact]
    public async Task All_is_vacuously_true_on_an_empty_list()
    {
        var ids = await _host.AuthorIdsAsync("{ books: { all: { pages: { gt: 100000 } } } }");
        Assert.Equal(Expected(a => a.Books.Count == 0), ids);
        Assert.Equal([5, 8, 15, 19], ids);
    }

    [Fact]
    public async Task List_any_true_and_false()
    {
        Assert.Equal(Expected(a => a.Books.Count > 0), await _host.AuthorIdsAsync("{ books: { any: true } }"));
        Assert.Equal([5, 8, 15, 19], await _host.AuthorIdsAsync("{ books: { any: false } }"));
    }

    [Fact]
    public async Task Entity_level_and_or_and_siblings()
    {
        Assert.Equal(
            Expected(a => a.Genre == Genre.Poetry || a.Rating >= 4.8m),
            await _host.AuthorIdsAsync("{ or: [{ genre: { eq: POETRY } }, { rating: { gte: 4.8 } }] }"));
        Assert.Equal(
            Expected(a => a.Genre == Genre.Poetry && a.Active),
            await _host.AuthorIdsAsync("{ and: [{ genre: { eq: POETRY } }, { active: { eq: true } }] }"));
        Assert.Equal(
            Expected(a => a.Active && (a.Genre == Genre.Drama || a.BirthYear is null) && !(a.Name == "zed")),
            await _host.AuthorIdsAsync("{ active: { eq: true }, or: [{ genre: { eq: DRAMA } }, { birthYear: { eq: null } }], and: [{ name: { neq: \"zed\" } }] }"));
        Assert.Equal(
            Expected(a => (a.Genre == Genre.Novel && a.Rating > 4.5m) || (a.Genre == Genre.Drama && a.Books.Count == 0)),
            await _host.AuthorIdsAsync("{ or: [{ and: [{ genre: { eq: NOVEL } }, { rating: { gt: 4.5 } }] }, { genre: { eq: DRAMA }, books: { any: false } }] }"));
    }

    [Fact]
    public async Task Child_list_field_filters_its_elements()
    {
        var data = await _host.DataAsync("{ authors(where: { id: { eq: \"QXV0aG9yOjE3\" } }) { nodes { books(where: { pages: { lt: 1000 } }) { title } } } }");
        Assert.Equal(["Anna Karenina"], data["authors"]!["nodes"]![0]!["books"]!.Select(b => (string)b["title"]!));
    }
}

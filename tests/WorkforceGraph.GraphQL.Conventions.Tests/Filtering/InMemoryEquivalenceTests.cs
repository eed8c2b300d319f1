using WorkforceGraph.GraphQL.Conventions.Tests.Toy.Catalog;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Filtering;

/// <summary>
/// Every predicate in the table gives, through SQL, exactly the rows LINQ-to-objects selects from the seeded rows
/// with the same predicate written in C# (ordinal strings, C# null semantics for the negations, as HC).
/// </summary>
public sealed class InMemoryEquivalenceTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static readonly Dictionary<string, Func<Author, bool>> AuthorPredicates = new()
    {
        ["{ name: { startsWith: \"A\" } }"] = a => a.Name.StartsWith('A'),
        ["{ name: { contains: \"a\" }, active: { eq: true } }"] = a => a.Name.Contains('a', StringComparison.Ordinal) && a.Active,
        ["{ birthYear: { gte: 1800, lt: 1900 } }"] = a => a.BirthYear >= 1800 && a.BirthYear < 1900,
        ["{ birthYear: { nlt: 1800 } }"] = a => !(a.BirthYear < 1800),
        ["{ birthYear: { in: [1775, 1828, null] } }"] = a => a.BirthYear is 1775 or 1828 or null,
        ["{ rating: { gt: 3.9, lte: 4.6 } }"] = a => a.Rating > 3.9m && a.Rating <= 4.6m,
        ["{ rating: { ngte: 3 } }"] = a => !(a.Rating >= 3m),
        ["{ since: { gte: \"2000-01-01\" }, genre: { neq: POETRY } }"] = a => a.Since >= new DateOnly(2000, 1, 1) && a.Genre != Genre.Poetry,
        ["{ since: { ngt: \"1990-01-01\" } }"] = a => !(a.Since > new DateOnly(1990, 1, 1)),
        ["{ genre: { in: [DRAMA] }, nickname: { eq: null } }"] = a => a.Genre == Genre.Drama && a.Nickname is null,
        ["{ or: [{ name: { endsWith: \"e\" } }, { nickname: { startsWith: \"T\" } }] }"] = a => a.Name.EndsWith('e') || (a.Nickname?.StartsWith('T') ?? false),
        ["{ books: { some: { published: { lt: \"1800-01-01\" } } } }"] = a => a.Books.Any(b => b.Published < new DateOnly(1800, 1, 1)),
        ["{ books: { all: { title: { ncontains: \"e\" } } } }"] = a => a.Books.All(b => !b.Title.Contains('e', StringComparison.Ordinal)),
        ["{ books: { none: { pages: { gt: 300 } }, any: true } }"] = a => !a.Books.Any(b => b.Pages > 300) && a.Books.Count > 0,
        ["{ active: { neq: true }, rating: { nin: [1.5, 2] } }"] = a => !a.Active && a.Rating is not (1.5m or 2m),
        ["{ and: [{ name: { nstartsWith: \"A\" } }, { name: { nstartsWith: \"M\" } }], birthYear: { neq: null } }"] = a => !a.Name.StartsWith('A') && !a.Name.StartsWith('M') && a.BirthYear is not null,
        ["{ nickname: { in: [\"\", \"Al\", \"Leo\"] } }"] = a => a.Nickname is "" or "Al" or "Leo",
        ["{ name: { or: [{ contains: \"ë\" }, { contains: \"è\" }, { contains: \"É\" }] } }"] = a => a.Name.Contains('ë', StringComparison.Ordinal) || a.Name.Contains('è', StringComparison.Ordinal) || a.Name.Contains('É', StringComparison.Ordinal),
    };

    private static readonly Dictionary<string, Func<Book, bool>> BookPredicates = new()
    {
        ["{ author: { genre: { eq: NOVEL } }, pages: { ngt: 500 } }"] = b => b.Author!.Genre == Genre.Novel && !(b.Pages > 500),
        ["{ author: { nickname: { eq: null } } }"] = b => b.Author!.Nickname is null,
        ["{ or: [{ title: { startsWith: \"The\" } }, { author: { books: { some: { pages: { gt: 1000 } } } } }] }"] = b => b.Title.StartsWith("The", StringComparison.Ordinal) || b.Author!.Books.Any(x => x.Pages > 1000),
        ["{ published: { gte: \"1850-01-01\", lt: \"1900-01-01\" }, title: { nendsWith: \"s\" } }"] = b => b.Published >= new DateOnly(1850, 1, 1) && b.Published < new DateOnly(1900, 1, 1) && !b.Title.EndsWith('s'),
    };

    private readonly LibraryHost _host = fixture.Host;

    public static TheoryData<string> AuthorCases() => [.. AuthorPredicates.Keys];

    public static TheoryData<string> BookCases() => [.. BookPredicates.Keys];

    [Theory]
    [MemberData(nameof(AuthorCases))]
    public async Task Authors_match_linq_to_objects(string where)
    {
        var expected = LibrarySeed.Authors().Where(AuthorPredicates[where]).Select(a => a.Id).OrderBy(id => id).ToList();
        Assert.Equal(expected, await _host.AuthorIdsAsync(where));
    }

    [Theory]
    [MemberData(nameof(BookCases))]
    public async Task Books_match_linq_to_objects(string where)
    {
        var expected = LibrarySeed.Books().Where(BookPredicates[where]).Select(b => b.Id).OrderBy(id => id).ToList();
        Assert.Equal(expected, await _host.BookIdsAsync(where));
    }

    [Fact]
    public void The_table_has_at_least_15_predicates_and_none_is_trivial()
    {
        var authors = LibrarySeed.Authors();
        var cases = AuthorPredicates.Values.Select(p => authors.Count(p)).ToList();
        Assert.True(cases.Count + BookPredicates.Count >= 15);

        // Each predicate must select some rows but not all, or it could not tell a broken filter from a working one.
        Assert.All(cases, count => Assert.InRange(count, 1, authors.Count - 1));
        var books = LibrarySeed.Books();
        Assert.All(BookPredicates.Values, p => Assert.InRange(books.Count(p), 1, books.Count - 1));
    }
}

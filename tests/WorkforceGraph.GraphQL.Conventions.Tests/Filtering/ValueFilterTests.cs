using WorkforceGraph.GraphQL.Conventions.NodeIds;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy.Catalog;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Filtering;

/// <summary>graphql-conventions.md §3: comparable, Boolean, enum and ID operations, and null handling.</summary>
public sealed class ValueFilterTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static readonly string[] NovelOnly = ["NOVEL"];

    private readonly LibraryHost _host = fixture.Host;

    private static List<int> Expected(Func<Author, bool> predicate) =>
        [.. LibrarySeed.Authors().Where(predicate).Select(a => a.Id).OrderBy(id => id)];

    private static List<int> ExpectedBooks(Func<Book, bool> predicate) =>
        [.. LibrarySeed.Books().Where(predicate).Select(b => b.Id).OrderBy(id => id)];

    [Theory]
    [InlineData("gt", 120)]
    [InlineData("ngt", 120)]
    [InlineData("gte", 120)]
    [InlineData("ngte", 120)]
    [InlineData("lt", 120)]
    [InlineData("nlt", 120)]
    [InlineData("lte", 120)]
    [InlineData("nlte", 120)]
    public async Task Int_comparisons_on_a_non_null_column(string operation, int operand)
    {
        var expected = ExpectedBooks(b => Compare(operation, b.Pages.CompareTo(operand)));
        Assert.Equal(expected, await _host.BookIdsAsync($"{{ pages: {{ {operation}: {operand} }} }}"));
    }

    [Theory]
    [InlineData("gt")]
    [InlineData("ngt")]
    [InlineData("gte")]
    [InlineData("ngte")]
    [InlineData("lt")]
    [InlineData("nlt")]
    [InlineData("lte")]
    [InlineData("nlte")]
    public async Task Int_comparisons_on_a_nullable_column(string operation)
    {
        // HC: `ngt` is `!(x > v)`; on a NULL value C# says `!(null > v)` is true, so negations match NULL.
        var expected = Expected(a => a.BirthYear is { } year ? Compare(operation, year.CompareTo(1828)) : operation.StartsWith('n'));
        Assert.Equal(expected, await _host.AuthorIdsAsync($"{{ birthYear: {{ {operation}: 1828 }} }}"));
    }

    [Theory]
    [InlineData("gt")]
    [InlineData("ngt")]
    [InlineData("gte")]
    [InlineData("ngte")]
    [InlineData("lt")]
    [InlineData("nlt")]
    [InlineData("lte")]
    [InlineData("nlte")]
    public async Task Decimal_comparisons(string operation)
    {
        var expected = Expected(a => Compare(operation, a.Rating.CompareTo(4.5m)));
        Assert.Equal(expected, await _host.AuthorIdsAsync($"{{ rating: {{ {operation}: 4.5 }} }}"));
    }

    [Theory]
    [InlineData("gt")]
    [InlineData("ngt")]
    [InlineData("gte")]
    [InlineData("ngte")]
    [InlineData("lt")]
    [InlineData("nlt")]
    [InlineData("lte")]
    [InlineData("nlte")]
    public async Task Date_comparisons(string operation)
    {
        var operand = new DateOnly(2001, 3, 1);
        var expected = Expected(a => Compare(operation, a.Since.CompareTo(operand)));
        Assert.Equal(expected, await _host.AuthorIdsAsync($"{{ since: {{ {operation}: \"2001-03-01\" }} }}"));
    }

    [Fact]
    public async Task Eq_neq_in_nin_on_comparable_values()
    {
        Assert.Equal([13, 18], await _host.AuthorIdsAsync("{ birthYear: { eq: 1775 } }"));
        Assert.Equal(Expected(a => a.BirthYear != 1775), await _host.AuthorIdsAsync("{ birthYear: { neq: 1775 } }"));
        Assert.Equal([1, 3], await _host.AuthorIdsAsync("{ rating: { eq: 4.5 } }"));
        Assert.Equal(Expected(a => a.Rating is 4.5m or 3.0m), await _host.AuthorIdsAsync("{ rating: { in: [4.5, 3] } }"));
        Assert.Equal(Expected(a => a.Rating is not (4.5m or 3.0m)), await _host.AuthorIdsAsync("{ rating: { nin: [4.5, 3] } }"));
        Assert.Equal([1, 7, 13, 17], await _host.AuthorIdsAsync("{ since: { eq: \"2001-03-01\" } }"));
        Assert.Equal(Expected(a => a.Since == new DateOnly(2001, 3, 1) || a.Since == new DateOnly(2020, 2, 29)), await _host.AuthorIdsAsync("{ since: { in: [\"2001-03-01\", \"2020-02-29\"] } }"));
        Assert.Equal(Expected(a => a.Since != new DateOnly(2001, 3, 1)), await _host.AuthorIdsAsync("{ since: { nin: [\"2001-03-01\"] } }"));
        Assert.Equal(ExpectedBooks(b => b.Pages is 120 or 40), await _host.BookIdsAsync("{ pages: { in: [120, 40] } }"));
        Assert.Equal(ExpectedBooks(b => b.Pages is not (120 or 40)), await _host.BookIdsAsync("{ pages: { nin: [120, 40] } }"));
    }

    [Fact]
    public async Task Boolean_eq_and_neq()
    {
        Assert.Equal(Expected(a => a.Active), await _host.AuthorIdsAsync("{ active: { eq: true } }"));
        Assert.Equal(Expected(a => !a.Active), await _host.AuthorIdsAsync("{ active: { eq: false } }"));
        Assert.Equal(Expected(a => !a.Active), await _host.AuthorIdsAsync("{ active: { neq: true } }"));
        Assert.Equal(Expected(a => a.Active), await _host.AuthorIdsAsync("{ active: { neq: false } }"));
    }

    [Fact]
    public async Task Enum_eq_neq_in_nin()
    {
        Assert.Equal(Expected(a => a.Genre == Genre.Drama), await _host.AuthorIdsAsync("{ genre: { eq: DRAMA } }"));
        Assert.Equal(Expected(a => a.Genre != Genre.Drama), await _host.AuthorIdsAsync("{ genre: { neq: DRAMA } }"));
        Assert.Equal(Expected(a => a.Genre is Genre.Poetry or Genre.Novel), await _host.AuthorIdsAsync("{ genre: { in: [POETRY, NOVEL] } }"));
        Assert.Equal(Expected(a => a.Genre is not (Genre.Poetry or Genre.Novel)), await _host.AuthorIdsAsync("{ genre: { nin: [POETRY, NOVEL] } }"));
    }

    [Fact]
    public async Task Enum_operands_as_variables()
    {
        var data = await _host.DataAsync(
            "query($g: [Genre!]) { authors(first: 50, where: { genre: { in: $g } }) { nodes { id } } }", new { g = NovelOnly });
        Assert.Equal(Expected(a => a.Genre == Genre.Novel), data["authors"]!["nodes"]!.Select(n => LibraryHost.DecodeId("Author", (string)n["id"]!)).ToList());
    }

    [Fact]
    public async Task Id_eq_and_in_take_global_ids()
    {
        Assert.Equal([3], await _host.AuthorIdsAsync($"{{ id: {{ eq: \"{NodeId.Encode("Author", 3)}\" }} }}"));
        Assert.Equal([4, 17], await _host.AuthorIdsAsync($"{{ id: {{ in: [\"{NodeId.Encode("Author", 17)}\", \"{NodeId.Encode("Author", 4)}\"] }} }}"));
        Assert.Equal(Expected(a => a.Id != 3), await _host.AuthorIdsAsync($"{{ id: {{ neq: \"{NodeId.Encode("Author", 3)}\" }} }}"));
        Assert.Equal(Expected(a => a.Id is not (3 or 4)), await _host.AuthorIdsAsync($"{{ id: {{ nin: [\"{NodeId.Encode("Author", 3)}\", \"{NodeId.Encode("Author", 4)}\"] }} }}"));
        Assert.Equal([5], await _host.BookIdsAsync($"{{ author: {{ id: {{ eq: \"{NodeId.Encode("Author", 4)}\" }} }} }}"));
    }

    [Fact]
    public async Task Id_eq_with_an_id_of_another_type_matches_nothing()
    {
        // "Book:3" is well formed; its key is not an Author key, so it cannot match (never author 3).
        Assert.Empty(await _host.AuthorIdsAsync($"{{ id: {{ eq: \"{NodeId.Encode("Book", 3)}\" }} }}"));
    }

    [Theory]
    [InlineData("not-base64!")]
    [InlineData("QXV0aG9y")] // "Author": no colon
    [InlineData("Qm9vazo=")] // "Book:": nothing after the colon
    public async Task Malformed_id_is_INVALID_NODE_ID(string id)
    {
        Assert.Equal("INVALID_NODE_ID", await _host.ErrorCodeAsync($"{{ authors(where: {{ id: {{ eq: \"{id}\" }} }}) {{ nodes {{ id }} }} }}"));
        Assert.Equal("INVALID_NODE_ID", await _host.ErrorCodeAsync($"{{ authors(where: {{ id: {{ in: [\"{id}\"] }} }}) {{ nodes {{ id }} }} }}"));
    }

    [Fact]
    public async Task Id_with_an_unparseable_key_is_INVALID_NODE_ID()
    {
        // "Author:x" decodes but its key is not parseable: §7 calls that malformed (INVALID_NODE_ID), not "no such row".
        const string id = "QXV0aG9yOng=";
        Assert.Equal("INVALID_NODE_ID", await _host.ErrorCodeAsync($"{{ authors(where: {{ id: {{ eq: \"{id}\" }} }}) {{ nodes {{ id }} }} }}"));
    }

    [Fact]
    public async Task Eq_null_and_neq_null_on_nullable_fields()
    {
        Assert.Equal(Expected(a => a.BirthYear is null), await _host.AuthorIdsAsync("{ birthYear: { eq: null } }"));
        Assert.Equal(Expected(a => a.BirthYear is not null), await _host.AuthorIdsAsync("{ birthYear: { neq: null } }"));
        Assert.Equal(Expected(a => a.Nickname is null), await _host.AuthorIdsAsync("{ nickname: { eq: null } }"));
        Assert.Equal(Expected(a => a.Nickname is not null), await _host.AuthorIdsAsync("{ nickname: { neq: null } }"));
    }

    [Fact]
    public async Task Null_item_in_in_matches_null_on_nullable_fields()
    {
        Assert.Equal(Expected(a => a.BirthYear is null or 1775), await _host.AuthorIdsAsync("{ birthYear: { in: [null, 1775] } }"));
        Assert.Equal(Expected(a => a.BirthYear is not (null or 1775)), await _host.AuthorIdsAsync("{ birthYear: { nin: [null, 1775] } }"));
        Assert.Equal(Expected(a => a.Nickname is null or "Al"), await _host.AuthorIdsAsync("{ nickname: { in: [null, \"Al\"] } }"));
    }

    [Theory]
    [InlineData("{ name: { eq: null } }")]
    [InlineData("{ name: { neq: null } }")]
    [InlineData("{ active: { eq: null } }")]
    [InlineData("{ genre: { eq: null } }")]
    [InlineData("{ rating: { eq: null } }")]
    [InlineData("{ since: { neq: null } }")]
    [InlineData("{ name: { in: [null] } }")]
    [InlineData("{ name: { in: null } }")]
    [InlineData("{ birthYear: { nin: null } }")]
    [InlineData("{ nickname: { contains: null } }")]
    [InlineData("{ nickname: { nstartsWith: null } }")]
    [InlineData("{ birthYear: { gt: null } }")]
    [InlineData("{ since: { nlte: null } }")]
    public async Task Null_where_it_is_not_allowed_is_HC0026(string where)
    {
        var body = await _host.PostAsync($"{{ authors(where: {where}) {{ nodes {{ id }} }} }}");
        var error = Assert.Single(body["errors"]!);
        Assert.Equal("HC0026", (string?)error["extensions"]!["code"]);
        Assert.NotNull(error["extensions"]!["filterType"]);
    }

    [Fact]
    public async Task Empty_and_null_where_add_no_condition()
    {
        var all = Expected(_ => true);
        Assert.Equal(all, await _host.AuthorIdsAsync("{}"));
        Assert.Equal(all, await _host.AuthorIdsAsync("null"));
        Assert.Equal(all, await _host.AuthorIdsAsync("{ name: {} }"));
        Assert.Equal(all, await _host.AuthorIdsAsync("{ name: null }"));
        Assert.Equal(all, await _host.AuthorIdsAsync("{ and: [] , or: [] }"));
        Assert.Equal(all, await _host.AuthorIdsAsync("{ books: {} }"));
        Assert.Equal(all, await _host.AuthorIdsAsync("{ books: null }"));
        Assert.Equal(ExpectedBooks(_ => true), await _host.BookIdsAsync("{ author: null }"));
        Assert.Equal(ExpectedBooks(_ => true), await _host.BookIdsAsync("{ author: {} }"));
    }

    [Fact]
    public async Task Omitted_variable_counts_as_omitted_and_null_variable_as_null()
    {
        const string query = "query($y: Int) { authors(first: 50, where: { birthYear: { eq: $y } }) { nodes { id } } }";
        var omitted = await _host.DataAsync(query);
        Assert.Equal(20, omitted["authors"]!["nodes"]!.Count());
        var asNull = await _host.DataAsync(query, new Dictionary<string, object?> { ["y"] = null });
        Assert.Equal(Expected(a => a.BirthYear is null), asNull["authors"]!["nodes"]!.Select(n => LibraryHost.DecodeId("Author", (string)n["id"]!)).ToList());
    }

    private static bool Compare(string operation, int sign) => operation switch
    {
        "gt" => sign > 0,
        "ngt" => !(sign > 0),
        "gte" => sign >= 0,
        "ngte" => !(sign >= 0),
        "lt" => sign < 0,
        "nlt" => !(sign < 0),
        "lte" => sign <= 0,
        "nlte" => !(sign <= 0),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}

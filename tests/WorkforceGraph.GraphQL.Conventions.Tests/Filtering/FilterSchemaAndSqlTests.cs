using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using WorkforceGraph.GraphQL.Conventions.Sdl;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy.Catalog;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Filtering;

/// <summary>The generated input type names (HC 16's) and the translation of filters into one SQL statement.</summary>
public sealed class FilterSchemaAndSqlTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private readonly LibraryHost _host = fixture.Host;

    private string Sdl => SchemaSdlPrinter.Print(_host.App.Services.GetRequiredService<ISchema>());

    [Theory]
    [InlineData("input AuthorFilterInput {")]
    [InlineData("input BookFilterInput {")]
    [InlineData("input StringOperationFilterInput {")]
    [InlineData("input GenreOperationFilterInput {")]
    [InlineData("input ListFilterInputTypeOfBookFilterInput {")]
    [InlineData("input IntOperationFilterInput {")]
    [InlineData("input DecimalOperationFilterInput {")]
    [InlineData("input DateOperationFilterInput {")]
    [InlineData("input BooleanOperationFilterInput {")]
    [InlineData("input IdOperationFilterInput {")]
    [InlineData("input AuthorSortInput {")]
    [InlineData("input BookSortInput {")]
    [InlineData("enum SortEnumType {")]
    public void The_printed_sdl_names_the_generated_types_as_hc(string declaration) =>
        Assert.Contains(declaration, Sdl, StringComparison.Ordinal);

    [Fact]
    public void No_compatibility_mode_names()
    {
        Assert.DoesNotContain("Comparable", Sdl, StringComparison.Ordinal);
        Assert.DoesNotContain("LocalDate", Sdl, StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, string>> InputFieldsAsync(string typeName)
    {
        var data = await _host.DataAsync(
            "query($n: String!) { __type(name: $n) { inputFields { name type { kind name ofType { kind name ofType { kind name } } } } } }",
            new { n = typeName });
        return data["__type"]!["inputFields"]!.ToDictionary(f => (string)f["name"]!, f => TypeText(f["type"]!));
    }

    private static string TypeText(JToken type) => (string)type["kind"]! switch
    {
        "NON_NULL" => TypeText(type["ofType"]!) + "!",
        "LIST" => "[" + TypeText(type["ofType"]!) + "]",
        _ => (string)type["name"]!,
    };

    [Fact]
    public async Task AuthorFilterInput_has_and_or_and_one_input_per_field()
    {
        var fields = await InputFieldsAsync("AuthorFilterInput");
        Assert.Equal("[AuthorFilterInput!]", fields["and"]);
        Assert.Equal("[AuthorFilterInput!]", fields["or"]);
        Assert.Equal("IdOperationFilterInput", fields["id"]);
        Assert.Equal("StringOperationFilterInput", fields["name"]);
        Assert.Equal("IntOperationFilterInput", fields["birthYear"]);
        Assert.Equal("DecimalOperationFilterInput", fields["rating"]);
        Assert.Equal("BooleanOperationFilterInput", fields["active"]);
        Assert.Equal("DateOperationFilterInput", fields["since"]);
        Assert.Equal("GenreOperationFilterInput", fields["genre"]);
        Assert.Equal("StringOperationFilterInput", fields["nickname"]);
        Assert.Equal("ListFilterInputTypeOfBookFilterInput", fields["books"]);
        Assert.Equal("IntOperationFilterInput", fields["bookCount"]); // computed fields filter like columns
        Assert.Equal("IntOperationFilterInput", fields["longBooks"]);
        Assert.Equal("BookFilterInput", fields["latestBook"]);
        Assert.Equal(14, fields.Count);
    }

    [Fact]
    public async Task Operation_inputs_have_hc_operations()
    {
        var text = await InputFieldsAsync("StringOperationFilterInput");
        Assert.Equal(
            ["and", "or", "eq", "neq", "contains", "ncontains", "in", "nin", "startsWith", "nstartsWith", "endsWith", "nendsWith"],
            text.Keys);
        Assert.Equal("[String]", text["in"]);
        Assert.Equal("[StringOperationFilterInput!]", text["and"]);

        var genre = await InputFieldsAsync("GenreOperationFilterInput");
        Assert.Equal(["eq", "neq", "in", "nin"], genre.Keys);
        Assert.Equal("[Genre!]", genre["in"]);

        var integer = await InputFieldsAsync("IntOperationFilterInput");
        Assert.Equal(["eq", "neq", "in", "nin", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"], integer.Keys);
        Assert.Equal("[Int]", integer["in"]);
        Assert.Equal("[Date]", (await InputFieldsAsync("DateOperationFilterInput"))["nin"]);
        Assert.Equal(["eq", "neq"], (await InputFieldsAsync("BooleanOperationFilterInput")).Keys);
        Assert.Equal("[ID]", (await InputFieldsAsync("IdOperationFilterInput"))["in"]);

        var list = await InputFieldsAsync("ListFilterInputTypeOfBookFilterInput");
        Assert.Equal(["all", "none", "some", "any"], list.Keys);
        Assert.Equal("BookFilterInput", list["some"]);
        Assert.Equal("Boolean", list["any"]);
    }

    [Fact]
    public async Task Sort_inputs_nest_references_and_leave_out_lists()
    {
        var author = await InputFieldsAsync("AuthorSortInput");
        Assert.Equal("SortEnumType", author["name"]);
        Assert.Equal("SortEnumType", author["genre"]);
        Assert.False(author.ContainsKey("books"));
        var book = await InputFieldsAsync("BookSortInput");
        Assert.Equal("AuthorSortInput", book["author"]);

        var data = await _host.DataAsync("{ __type(name: \"SortEnumType\") { enumValues { name } } }");
        Assert.Equal(["ASC", "DESC"], data["__type"]!["enumValues"]!.Select(v => (string)v["name"]!));
    }

    [Fact]
    public void Connection_arguments_use_the_generated_inputs()
    {
        var sdl = Sdl;
        Assert.Contains("where: AuthorFilterInput", sdl, StringComparison.Ordinal);
        Assert.Contains("order: [AuthorSortInput!]", sdl, StringComparison.Ordinal);
        Assert.Contains("where: BookFilterInput", sdl, StringComparison.Ordinal);
    }

    private async Task<List<string>> StatementsAsync(string query)
    {
        var body = await _host.PostAsync(query, sqlDiagnostics: true);
        Assert.True(body["errors"] is null, body.ToString());
        var diagnostics = body["extensions"]!["diagnostics"]!;
        var statements = diagnostics["sqlStatements"]!.Values<string>().Select(s => s!).ToList();
        Assert.Equal(statements.Count, (int)diagnostics["sqlStatementCount"]!);
        return statements;
    }

    [Fact]
    public async Task A_filtered_page_is_one_statement_with_the_filter_in_its_where()
    {
        var statements = await StatementsAsync("{ authors(first: 5, where: { name: { startsWith: \"A\" }, genre: { in: [NOVEL] } }, order: [{ name: ASC }]) { nodes { name } } }");
        var sql = Assert.Single(statements);
        Assert.Contains("WHERE", sql, StringComparison.Ordinal);
        Assert.Contains("\"Genre\"", sql, StringComparison.Ordinal);
        Assert.Contains("LIMIT", sql, StringComparison.Ordinal);

        // SQLite's LIKE ignores ASCII case: the conventions require ordinal comparisons instead.
        Assert.DoesNotContain(" LIKE ", sql, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task List_and_nested_filters_stay_in_the_same_statement()
    {
        var authors = await StatementsAsync("{ authors(where: { books: { some: { pages: { gt: 800 } }, none: { title: { contains: \"x\" } } } }) { nodes { name } } }");
        var sql = Assert.Single(authors);
        Assert.Contains("EXISTS", sql, StringComparison.Ordinal);
        Assert.Contains("\"Books\"", sql, StringComparison.Ordinal);

        var books = await StatementsAsync("{ books(where: { author: { name: { endsWith: \"n\" } } }, order: [{ author: { name: ASC } }]) { nodes { title } } }");
        var bookSql = Assert.Single(books);
        Assert.Contains("JOIN \"Authors\"", bookSql, StringComparison.Ordinal);
        Assert.Contains("WHERE", bookSql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operands_are_parameters_not_inlined_text()
    {
        var sql = Assert.Single(await StatementsAsync("{ authors(where: { name: { eq: \"Tolstoy\" } }) { nodes { name } } }"));
        Assert.DoesNotContain("Tolstoy", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TotalCount_is_one_more_statement_with_the_same_filter()
    {
        var statements = await StatementsAsync("{ authors(first: 2, where: { active: { eq: false } }) { totalCount nodes { name } } }");
        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.Contains("WHERE", s, StringComparison.Ordinal));
        var data = await _host.DataAsync("{ authors(first: 2, where: { active: { eq: false } }) { totalCount nodes { name } } }");
        Assert.Equal(LibrarySeed.Authors().Count(a => !a.Active), (int)data["authors"]!["totalCount"]!);
        Assert.Equal(2, data["authors"]!["nodes"]!.Count());
    }
}

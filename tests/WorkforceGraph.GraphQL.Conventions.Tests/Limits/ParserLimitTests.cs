using System.Text;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Limits;

/// <summary>graphql-conventions.md §11: the parser limits (tokens, fields, directives, nesting) are syntax errors, 400 <c>HC0011</c>.</summary>
public sealed class ParserLimitTests
{
    // "{ book(id: 1) { id id … } }": 11 tokens plus one per extra field.
    private static string Fields(int extraIds) => "{ book(id: 1) { id" + string.Concat(Enumerable.Repeat(" id", extraIds)) + " } }";

    [Fact]
    public async Task Tokens_up_to_the_limit_parse_and_one_more_is_HC0011()
    {
        await using var client = await LimitsHost.StartAsync(new Dictionary<string, string> { ["GraphQL:Limits:MaxTokens"] = "20" });

        var under = await client.PostAsync(Fields(9)); // 20 tokens
        var over = await client.PostAsync(Fields(10)); // 21 tokens

        under.AssertRan();
        Assert.Equal(400, over.Status);
        Assert.Equal("HC0011", over.Code());
        Assert.Contains("more than 20 tokens", over.Body!["errors"]![0]!["message"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_token_limit_is_5000()
    {
        await using var client = await LimitsHost.StartAsync(new Dictionary<string, string> { ["GraphQL:Limits:MaxNodeBatch"] = "100000" });

        // "{ lookup(ids: [1 1 …]) { id } }": 12 tokens plus one per id; comments are not tokens.
        static string Lookup(int ids) => "# a comment\n{ lookup(ids: [" + string.Join(' ', Enumerable.Repeat("1", ids)) + "]) { id } }";
        var under = await client.PostAsync(Lookup(4988));
        var over = await client.PostAsync(Lookup(4989));

        under.AssertRan();
        Assert.Equal(400, over.Status);
        Assert.Equal("HC0011", over.Code());
    }

    [Fact]
    public async Task Fields_up_to_the_limit_parse_and_one_more_is_HC0011()
    {
        await using var client = await LimitsHost.StartAsync();

        var under = await client.PostAsync(Fields(2046)); // book + 2,047 ids = 2,048 fields
        var over = await client.PostAsync(Fields(2047));

        under.AssertRan();
        Assert.Equal(400, over.Status);
        Assert.Equal("HC0011", over.Code());
        Assert.Contains("more than 2048 fields", over.Body!["errors"]![0]!["message"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_field_limit_is_configuration()
    {
        await using var client = await LimitsHost.StartAsync(new Dictionary<string, string> { ["GraphQL:Limits:MaxFields"] = "3" });

        (await client.PostAsync(Fields(1))).AssertRan();
        Assert.Equal("HC0011", (await client.PostAsync(Fields(2))).Code());
    }

    [Fact]
    public async Task Four_directives_at_one_location_parse_and_five_are_HC0011()
    {
        await using var client = await LimitsHost.StartAsync();
        const string Four = "@include(if: true) @skip(if: false) @include(if: true) @skip(if: false)";

        // Four parse (the duplicates are then a validation error); a fifth is refused by the parser.
        var under = await client.PostAsync("{ book(id: 1) " + Four + " { id } }");
        var over = await client.PostAsync("{ book(id: 1) " + Four + " @include(if: true) { id } }");

        Assert.Equal(400, under.Status);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", under.Code());
        Assert.Equal(400, over.Status);
        Assert.Equal("HC0011", over.Code());
    }

    [Fact]
    public async Task Fifty_directives_in_a_document_parse_and_fifty_one_are_HC0011()
    {
        await using var client = await LimitsHost.StartAsync();
        static string Document(int fields, string extra = "") =>
            "{ " + string.Concat(Enumerable.Repeat("book(id: 1) @include(if: true) @skip(if: false) { id } ", fields)) + extra + "}";

        var under = await client.PostAsync(Document(25));
        var over = await client.PostAsync(Document(25, "book(id: 1) @include(if: true) { id } "));

        under.AssertRan();
        Assert.Equal(400, over.Status);
        Assert.Equal("HC0011", over.Code());
    }

    [Fact]
    public async Task Nesting_beyond_the_parser_depth_is_HC0011()
    {
        await using var client = await LimitsHost.StartAsync();

        // The syntax tree of a field path is about two levels per field: 80 fields parse (and are then refused by
        // the execution depth rule), 120 do not parse.
        var under = await client.PostAsync(LimitsHost.Nested(80));
        var over = await client.PostAsync(LimitsHost.Nested(120));

        Assert.Equal((400, "MAX_DEPTH_EXCEEDED"), (under.Status, under.Code()));
        Assert.Equal((400, "HC0011"), (over.Status, over.Code()));
        Assert.Contains("nested deeper than 200", over.Body!["errors"]![0]!["message"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_parser_depth_is_configuration()
    {
        await using var client = await LimitsHost.StartAsync(new Dictionary<string, string> { ["GraphQL:Limits:MaxRecursionDepth"] = "20" });

        (await client.PostAsync(LimitsHost.Nested(3))).AssertRan();
        Assert.Equal("HC0011", (await client.PostAsync(LimitsHost.Nested(12))).Code());
    }

    [Fact]
    public async Task Syntax_errors_keep_their_location_when_tokens_are_counted()
    {
        await using var client = await LimitsHost.StartAsync();

        var response = await client.PostAsync("{ book(id: 1) { id } ");

        Assert.Equal(400, response.Status);
        Assert.Equal("HC0011", response.Code());
        Assert.NotNull(response.Body!["errors"]![0]!["locations"]);
    }
}

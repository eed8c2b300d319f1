using Snapshooter;
using Snapshooter.Xunit;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Http;

/// <summary>graphql-conventions.md §1 and §2 over a test server, one behaviour per test.</summary>
public sealed class TransportTests
{
    private static Task<GraphQLHttpClient> StartAsync(string environment = "Production") =>
        GraphQLHttpClient.StartAsync(ToyHost.Build(environment));

    [Fact]
    public async Task Post_query_returns_data_as_graphql_response_json()
    {
        await using var client = await StartAsync();
        var response = await client.PostJsonAsync("""{"query":"{ books { id title genre published addedAt price author { name } } }"}""");
        Snapshot.Match(response);
    }

    [Fact]
    public async Task Post_ignores_unknown_members_and_uses_variables_and_operation_name()
    {
        await using var client = await StartAsync();
        var response = await client.PostJsonAsync(
            """{"query":"query A { books { id } } query B($id: Int!) { book(id: $id) { title } }","operationName":"B","variables":{"id":2},"extensions":{},"somethingElse":[1]}""");
        Snapshot.Match(response);
    }

    [Fact]
    public async Task Document_id_alone_is_400_HC0013_until_persisted_operations_exist()
    {
        await using var client = await StartAsync();
        var alone = await client.PostJsonAsync("""{"id":"abc"}""");
        var withQuery = await client.PostJsonAsync("""{"id":"abc","query":"{ book(id: 1) { id } }"}""");

        Assert.Equal(400, alone.Status);
        Assert.Equal("HC0013", alone.Body!["errors"]![0]!["extensions"]!["code"]!.ToString());
        Assert.Equal(200, withQuery.Status);
    }

    [Fact]
    public async Task Get_query_returns_data()
    {
        await using var client = await StartAsync();
        var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("query($id: Int!) { book(id: $id) { title } }") + "&variables=" + Uri.EscapeDataString("""{"id":1}"""));
        Snapshot.Match(response);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/json")]
    public async Task Legacy_accept_gets_application_json(string? accept)
    {
        await using var client = await StartAsync();
        var response = await client.PostJsonAsync("""{"query":"{ book(id: 1) { title } }"}""", accept);
        Assert.Equal(200, response.Status);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
    }

    [Fact]
    public async Task Accept_listing_graphql_response_json_gets_it()
    {
        await using var client = await StartAsync();
        var response = await client.PostJsonAsync("""{"query":"{ book(id: 1) { title } }"}""", "application/json;q=0.9, application/graphql-response+json;q=0.8");
        Assert.Equal("application/graphql-response+json; charset=utf-8", response.ContentType);
    }

    [Fact]
    public async Task Malformed_json_is_400_HC0011()
    {
        await using var client = await StartAsync();
        Snapshot.Match(await client.PostJsonAsync("""{"query": "{ books { id } }" """));
    }

    [Fact]
    public async Task Malformed_json_with_legacy_accept_is_still_400_HC0011()
    {
        await using var client = await StartAsync();
        Snapshot.Match(await client.PostJsonAsync("""{"query" """, "application/json"));
    }

    [Fact]
    public async Task Missing_query_with_legacy_accept_is_200_HC0013()
    {
        await using var client = await StartAsync();
        var response = await client.PostJsonAsync("""{"variables":{}}""", "application/json");
        Assert.Equal(200, response.Status);
        Assert.Equal("HC0013", response.Body!["errors"]![0]!["extensions"]!["code"]!.ToString());
    }

    [Fact]
    public async Task Missing_query_is_400_HC0013()
    {
        await using var client = await StartAsync();
        Snapshot.Match(await client.PostJsonAsync("""{"operationName":"A"}"""));
    }

    [Fact]
    public async Task Get_without_query_is_400_HC0013()
    {
        await using var client = await StartAsync();
        Snapshot.Match(await client.GetAsync("/graphql"));
    }

    [Fact]
    public async Task Empty_body_is_400_HC0009()
    {
        await using var client = await StartAsync();
        Snapshot.Match(await client.PostJsonAsync(string.Empty));
    }

    [Fact]
    public async Task Array_body_is_400_HC0009()
    {
        await using var client = await StartAsync();
        Snapshot.Match(await client.PostJsonAsync("""[{"query":"{ books { id } }"}]"""));
    }

    [Fact]
    public async Task Array_variables_is_400_HC0009()
    {
        await using var client = await StartAsync();
        Snapshot.Match(await client.PostJsonAsync("""{"query":"query($id: Int!) { book(id: $id) { id } }","variables":[{"id":1}]}"""));
    }

    [Fact]
    public async Task Non_object_variables_is_400_HC0009()
    {
        await using var client = await StartAsync();
        Snapshot.Match(await client.PostJsonAsync("""{"query":"query($id: Int!) { book(id: $id) { id } }","variables":"{\"id\":1}"}"""));
    }

    [Fact]
    public async Task Non_string_query_is_400_HC0009()
    {
        await using var client = await StartAsync();
        Snapshot.Match(await client.PostJsonAsync("""{"query":{"books":true}}"""));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/graphql")]
    [InlineData("multipart/form-data")]
    public async Task Other_content_type_is_415_HC0009(string contentType)
    {
        await using var client = await StartAsync();
        var response = await client.PostJsonAsync("""{"query":"{ books { id } }"}""", contentType: contentType);
        Snapshot.Match(response, SnapshotNameExtension.Create(contentType.Replace('/', '_')));
    }

    [Fact]
    public async Task Unknown_operation_name_is_400_validation_failed()
    {
        await using var client = await StartAsync();
        Snapshot.Match(await client.PostJsonAsync("""{"query":"query A { books { id } }","operationName":"B"}"""));
    }

    [Fact]
    public async Task Syntax_error_is_400_HC0011()
    {
        await using var client = await StartAsync();
        Snapshot.Match(await client.PostJsonAsync("""{"query":"{ books { id }"}"""));
    }

    [Fact]
    public async Task Validation_error_is_400_without_suggestions()
    {
        await using var client = await StartAsync();
        Snapshot.Match(await client.PostJsonAsync("""{"query":"{ book(id: 1) { titl } }"}"""));
    }

    [Fact]
    public async Task Validation_error_keeps_suggestions_in_development()
    {
        await using var client = await StartAsync("Development");
        var response = await client.PostJsonAsync("""{"query":"{ book(id: 1) { titl } }"}""");
        Assert.Contains("Did you mean", response.Body!["errors"]![0]!["message"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutation_over_get_is_405_with_allow_post()
    {
        await using var client = await StartAsync();
        var query = Uri.EscapeDataString("""mutation { addBook(input: {title: "X", published: "2020-01-01"}) { id } }""");
        Snapshot.Match(await client.GetAsync("/graphql?query=" + query));
    }

    [Fact]
    public async Task Mutation_over_post_runs()
    {
        await using var client = await StartAsync();
        Snapshot.Match(await client.PostJsonAsync("""{"query":"mutation { addBook(input: {title: \"X\", published: \"2020-01-01\"}) { id title } }"}"""));
    }

    [Fact]
    public async Task Unacceptable_accept_is_406_HC0063()
    {
        await using var client = await StartAsync();
        Snapshot.Match(await client.PostJsonAsync("""{"query":"{ books { id } }"}""", "text/plain, text/event-stream"));
    }

    [Fact]
    public async Task Malformed_accept_is_400_HC0064()
    {
        await using var client = await StartAsync();
        Snapshot.Match(await client.PostJsonAsync("""{"query":"{ books { id } }"}""", "application/json;;;=, /"));
    }

    [Fact]
    public async Task Body_over_limit_is_413_HC0010()
    {
        await using var client = await GraphQLHttpClient.StartAsync(ToyHost.Build(configure: b =>
            b.Configuration["GraphQL:Limits:MaxRequestBytes"] = "100"));
        var padding = new string(' ', 100);
        Snapshot.Match(await client.PostJsonAsync("{\"query\":\"{ books { id } }\"" + padding + "}"));
    }

    [Fact]
    public async Task Body_at_limit_is_accepted()
    {
        await using var client = await GraphQLHttpClient.StartAsync(ToyHost.Build(configure: b =>
            b.Configuration["GraphQL:Limits:MaxRequestBytes"] = "100"));
        var json = "{\"query\":\"{ books { id } }\"}";
        var response = await client.PostJsonAsync(json + new string(' ', 100 - json.Length));
        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task Variable_of_wrong_type_is_400_HC0001()
    {
        await using var client = await StartAsync();
        Snapshot.Match(await client.PostJsonAsync("""{"query":"query($id: Int!) { book(id: $id) { id } }","variables":{"id":"one"}}"""));
    }

    [Fact]
    public async Task Unexpected_exception_is_masked()
    {
        await using var client = await StartAsync();
        var response = await client.PostJsonAsync("""{"query":"{ boom book(id: 1) { id } }"}""");
        Assert.DoesNotContain("Shelf 7", response.Body!.ToString(), StringComparison.Ordinal);
        Snapshot.Match(response);
    }

    [Fact]
    public async Task Unexpected_exception_is_detailed_in_development()
    {
        await using var client = await StartAsync("Development");
        var response = await client.PostJsonAsync("""{"query":"{ boom }"}""");
        var extensions = response.Body!["errors"]![0]!["extensions"]!;
        Assert.StartsWith("System.InvalidOperationException: Shelf 7 collapsed", extensions["stackTrace"]!.ToString(), StringComparison.Ordinal);
        extensions["stackTrace"] = "(checked above; varies by machine)";
        Snapshot.Match(response);
    }

    [Fact]
    public async Task Coded_error_keeps_its_code_and_extensions()
    {
        await using var client = await StartAsync();
        Snapshot.Match(await client.PostJsonAsync("""{"query":"{ refused }"}"""));
    }

    [Fact]
    public async Task Unsupported_method_is_405()
    {
        await using var client = await StartAsync();
        var response = await client.SendAsync(HttpMethod.Put, "/graphql", GraphQLHttpClient.GraphQLResponseJson, null);
        Assert.Equal(405, response.Status);
        Assert.Equal("GET, POST", response.Allow);
    }
}

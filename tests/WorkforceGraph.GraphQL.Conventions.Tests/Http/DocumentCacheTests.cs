using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.GraphQL.Conventions.Execution;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Http;

/// <summary>
/// The validated-document cache: a repeated document answers as the first time did, and what depends on the request
/// (the GET rule, variables) is still checked for a cached document.
/// </summary>
public sealed class DocumentCacheTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private GraphQLHttpClient _client = null!;

    private int Cached => _app.Services.GetRequiredService<ValidatedDocumentCache>().Count;

    public async Task InitializeAsync()
    {
        _app = ToyHost.Build();
        _client = await GraphQLHttpClient.StartAsync(_app);
    }

    public async Task DisposeAsync() => await _client.DisposeAsync();

    [Fact]
    public async Task A_repeated_query_answers_the_same_from_one_cached_document()
    {
        const string Body = """{"query":"{ books { id title genre author { name } } }"}""";

        var first = await _client.PostJsonAsync(Body);
        var second = await _client.PostJsonAsync(Body);

        Assert.Equal(200, first.Status);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(1, Cached);
    }

    [Fact]
    public async Task A_mutation_cached_from_a_post_is_still_refused_over_get()
    {
        const string Mutation = """mutation { addBook(input: {title: "X", published: "2020-01-01"}) { id } }""";
        var posted = await _client.PostJsonAsync(System.Text.Json.JsonSerializer.Serialize(new { query = Mutation }));
        Assert.Equal(200, posted.Status);
        Assert.Equal(1, Cached);

        var get = await _client.GetAsync("/graphql?query=" + Uri.EscapeDataString(Mutation));

        Assert.Equal(405, get.Status);
        Assert.Equal("POST", get.Allow);
        Assert.Equal("OPERATION_NOT_ALLOWED", get.Body!["errors"]![0]!["extensions"]!["code"]!.ToString());
        Assert.Null(get.Body["data"]);
    }

    [Fact]
    public async Task Variables_of_a_cached_document_are_still_coerced()
    {
        const string Query = "query($id: Int!) { book(id: $id) { title } }";
        var one = await _client.PostJsonAsync(System.Text.Json.JsonSerializer.Serialize(new { query = Query, variables = new { id = 1 } }));
        var two = await _client.PostJsonAsync(System.Text.Json.JsonSerializer.Serialize(new { query = Query, variables = new { id = 2 } }));
        var wrong = await _client.PostJsonAsync(System.Text.Json.JsonSerializer.Serialize(new { query = Query, variables = new { id = "one" } }));

        Assert.Equal(1, Cached);
        Assert.NotEqual(one.Body!["data"]!.ToString(), two.Body!["data"]!.ToString());
        Assert.Equal(400, wrong.Status);
        Assert.Null(wrong.Body!["data"]);
    }

    [Fact]
    public async Task An_invalid_document_is_not_cached_and_fails_every_time()
    {
        const string Body = """{"query":"{ books { noSuchField } }"}""";

        var first = await _client.PostJsonAsync(Body);
        var second = await _client.PostJsonAsync(Body);

        Assert.Equal(400, first.Status);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(0, Cached);
    }
}

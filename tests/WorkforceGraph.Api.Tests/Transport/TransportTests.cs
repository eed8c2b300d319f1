using System.Net;
using Snapshooter;
using Snapshooter.Xunit;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Api.Tests.Transport;

/// <summary>GraphQL over HTTP on the real host: accepted and rejected requests (graphql-conventions.md §1, §2).</summary>
public sealed class TransportTests : IAsyncLifetime
{
    private readonly WorkforceApiFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Post_query_answers_graphql_response_json()
    {
        var response = await _factory.GraphQL().PostAsync("{ regions(first: 1) { totalCount } }");

        Snapshot.Match(response.ToSnapshot());
    }

    [Fact]
    public async Task Get_query_answers_too()
    {
        var response = await _factory.GraphQL().GetAsync("/graphql?query=%7B%20regions(first%3A%201)%20%7B%20totalCount%20%7D%20%7D");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(0, response.Data!["regions"]!["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("malformed_json", "{\"query\": ", "application/json")]
    [InlineData("missing_query", "{\"variables\": {}}", "application/json")]
    [InlineData("array_body", "[{\"query\": \"{ __typename }\"}]", "application/json")]
    [InlineData("variables_not_an_object", "{\"query\": \"{ __typename }\", \"variables\": [1]}", "application/json")]
    [InlineData("syntax_error", "{\"query\": \"{ regions(first: ) }\"}", "application/json")]
    [InlineData("unknown_field", "{\"query\": \"{ spaceships { name } }\"}", "application/json")]
    [InlineData("unknown_operation_name", "{\"query\": \"query A { __typename }\", \"operationName\": \"B\"}", "application/json")]
    [InlineData("wrong_variable_type", "{\"query\": \"query($n: Int) { regions(first: $n) { totalCount } }\", \"variables\": {\"n\": \"ten\"}}", "application/json")]
    [InlineData("wrong_media_type", "query { __typename }", "application/graphql")]
    [InlineData("form_media_type", "query=%7B__typename%7D", "application/x-www-form-urlencoded")]
    public async Task Rejected_requests_get_a_4xx_and_a_code(string name, string body, string contentType)
    {
        var response = await _factory.GraphQL().PostRawAsync(body, contentType);

        Assert.InRange((int)response.Status, 400, 499);
        Assert.All(response.Errors!, e => Assert.False(string.IsNullOrEmpty(e!["extensions"]?["code"]?.GetValue<string>())));
        Snapshot.Match(response.ToSnapshot(), SnapshotNameExtension.Create(name));
    }

    [Fact]
    public async Task A_mutation_over_get_is_405()
    {
        var response = await _factory.GraphQL().GetAsync("/graphql?query=mutation%20%7B%20__typename%20%7D");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("OPERATION_NOT_ALLOWED", response.FirstErrorCode);
    }

    [Fact]
    public async Task Legacy_json_accept_answers_200_with_the_error()
    {
        var response = await _factory.GraphQL().PostRawAsync("{\"query\": \"{ regions(first: ) }\"}", accept: "application/json");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        Assert.Equal("HC0011", response.FirstErrorCode);
    }

    [Fact]
    public async Task Chinese_text_is_sent_as_utf8_not_escaped()
    {
        await _factory.WithDbAsync(db =>
        {
            new WorkforceBuilder(db).Province("32", "江苏省");
            return Task.CompletedTask;
        });

        var response = await _factory.GraphQL().PostAsync("{ regions(first: 1) { nodes { name } } }");

        Assert.Contains("江苏省", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sdl_is_served_as_text()
    {
        using var response = await _factory.CreateClient().GetAsync(new Uri("/graphql?sdl", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Schema.RepositoryRoot.Path, "schema", "schema.graphql")), await response.Content.ReadAsStringAsync());
    }
}

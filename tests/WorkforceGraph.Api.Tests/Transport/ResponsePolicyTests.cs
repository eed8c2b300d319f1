using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Api.Tests.Transport;

/// <summary>Compression of large results and the caching policy of responses that may carry personal data.</summary>
public sealed class ResponsePolicyTests : IAsyncLifetime
{
    private const string LargeQuery = "{ __schema { types { name description fields { name description type { name kind ofType { name kind } } } } } }";

    private readonly WorkforceApiFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<HttpResponseMessage> PostAsync(string query, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", GraphQLHttpClient.GraphQLResponseJson);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await _factory.CreateClient().SendAsync(request);
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    public async Task Large_results_are_compressed_when_the_client_accepts_it(string acceptEncoding, string expected)
    {
        using var plain = await PostAsync(LargeQuery, acceptEncoding: null);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync();
        using var response = await PostAsync(LargeQuery, acceptEncoding);

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(expected, Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync();
        await using Stream decoder = expected == "br"
            ? new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var reader = new StreamReader(decoder, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();

        Assert.Equal(Encoding.UTF8.GetString(plainBytes), text);
        Assert.NotNull(JsonNode.Parse(text)!["data"]!["__schema"]);
        Assert.True(compressed.Length * 4 < plainBytes.Length, $"{plainBytes.Length} bytes compressed to {compressed.Length}");
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Fact]
    public async Task Every_graphql_response_says_no_store()
    {
        using var ok = await PostAsync("{ __typename }", acceptEncoding: null);
        using var failed = await PostAsync("{ nope }", acceptEncoding: null);
        using var get = await _factory.CreateClient().GetAsync(new Uri("/graphql?query=%7B__typename%7D", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        Assert.All([ok, failed, get], response => Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store"));
    }

    [Fact]
    public async Task A_refused_call_says_no_store_too()
    {
        await using var production = new WorkforceApiFactory { Environment = "Production" };

        var response = await production.GraphQL().PostAsync("{ __typename }");
        using var raw = await production.CreateClient().PostAsync(
            new Uri("/graphql", UriKind.Relative), new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.True(raw.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task The_schema_is_not_personal_data_and_keeps_its_etag_revalidation()
    {
        using var sdl = await _factory.CreateClient().GetAsync(new Uri("/graphql?sdl", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, sdl.StatusCode);
        Assert.NotNull(sdl.Headers.ETag);
        Assert.False(sdl.Headers.CacheControl?.NoStore ?? false);
    }
}

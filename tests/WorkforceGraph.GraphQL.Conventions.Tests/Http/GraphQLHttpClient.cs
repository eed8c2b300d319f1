using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Http;

/// <summary>What a test compares: status, content type, the headers that matter, and the parsed body.</summary>
public sealed record HttpExchange(int Status, string? ContentType, string? Allow, JToken? Body, string? Text);

/// <summary>Speaks to a test host as a GraphQL client would.</summary>
public sealed class GraphQLHttpClient : IAsyncDisposable
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    private readonly WebApplication _app;
    private readonly HttpClient _client;

    private GraphQLHttpClient(WebApplication app)
    {
        _app = app;
        _client = app.GetTestClient();
    }

    public static async Task<GraphQLHttpClient> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        return new GraphQLHttpClient(app);
    }

    public Task<HttpExchange> PostJsonAsync(string json, string? accept = GraphQLResponseJson, string contentType = "application/json", Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Post, "/graphql", accept, new StringContent(json, Encoding.UTF8, contentType), configure);

    public Task<HttpExchange> GetAsync(string pathAndQuery, string? accept = GraphQLResponseJson, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Get, pathAndQuery, accept, null, configure);

    public async Task<HttpExchange> SendAsync(HttpMethod method, string pathAndQuery, string? accept, HttpContent? content, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery) { Content = content };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        configure?.Invoke(request);
        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        JToken? body = mediaType is not null && mediaType.EndsWith("json", StringComparison.Ordinal) && text.Length > 0
            ? JsonConvert.DeserializeObject<JToken>(text, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })
            : null;
        return new HttpExchange(
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.ToString(),
            response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : null,
            body,
            body is null ? text : null);
    }

    public async Task<HttpResponseMessage> SendRawAsync(string pathAndQuery, string? ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await _client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }
}

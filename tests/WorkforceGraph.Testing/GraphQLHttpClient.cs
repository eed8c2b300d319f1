using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;

namespace WorkforceGraph.Testing;

/// <summary>Speaks GraphQL over HTTP as a client would, returning status, headers and the parsed body.</summary>
public sealed class GraphQLHttpClient(HttpClient http)
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public HttpClient Http { get; } = http;

    /// <summary>POSTs a JSON GraphQL request.</summary>
    public Task<GraphQLResponse> PostAsync(
        string query, object? variables = null, string? operationName = null, string accept = GraphQLResponseJson, IDictionary<string, string>? headers = null)
    {
        var body = new Dictionary<string, object?> { ["query"] = query };
        if (variables is not null)
        {
            body["variables"] = variables;
        }

        if (operationName is not null)
        {
            body["operationName"] = operationName;
        }

        return PostRawAsync(JsonSerializer.Serialize(body), "application/json", accept, headers);
    }

    /// <summary>POSTs a raw body with the given content type.</summary>
    public async Task<GraphQLResponse> PostRawAsync(string body, string? contentType = "application/json", string? accept = GraphQLResponseJson, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return await SendAsync(request, accept, headers);
    }

    /// <summary>GETs <c>/graphql</c> with a query string.</summary>
    public async Task<GraphQLResponse> GetAsync(string pathAndQuery, string? accept = GraphQLResponseJson, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        return await SendAsync(request, accept, headers);
    }

    private async Task<GraphQLResponse> SendAsync(HttpRequestMessage request, string? accept, IDictionary<string, string>? headers)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), text);
    }
}

/// <summary>A response: status, content type, raw text and parsed JSON (when it is JSON).</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, string? ContentType, string Text)
{
    public JsonNode? Json => Text.Length > 0 && (ContentType?.Contains("json", StringComparison.Ordinal) ?? false) ? JsonNode.Parse(Text) : null;

    public JsonNode? Data => Json?["data"];

    public JsonArray? Errors => Json?["errors"] as JsonArray;

    /// <summary>The first error's <c>extensions.code</c>.</summary>
    public string? FirstErrorCode => Errors?[0]?["extensions"]?["code"]?.GetValue<string>();

    /// <summary>A stable object for Snapshooter: status, content type and body.</summary>
    public JObject ToSnapshot() => new()
    {
        ["status"] = (int)Status,
        ["contentType"] = ContentType,
        ["body"] = Text.Length > 0 && (ContentType?.Contains("json", StringComparison.Ordinal) ?? false) ? JToken.Parse(Text) : Text,
    };

    /// <summary>Fails with the body when the response has errors or a non-200 status.</summary>
    public GraphQLResponse EnsureSuccess()
    {
        if (Status != HttpStatusCode.OK || Errors is { Count: > 0 })
        {
            throw new InvalidOperationException($"GraphQL request failed ({(int)Status}): {Text}");
        }

        return this;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorkforceGraph.Benchmarks;

/// <summary>POSTs GraphQL requests as a client would; the measured path reads the whole body and nothing more.</summary>
internal sealed class GraphQLClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;

    public GraphQLClient(Uri endpoint, int connections)
    {
        _endpoint = endpoint;
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        })
        {
            // National-scale statistics and a first request behind a post-load checkpoint take seconds, not minutes.
            Timeout = RequestTimeout,
        };
    }

    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The request body, built once per query so the loop measures only the exchange.</summary>
    public static byte[] Body(string query) => JsonSerializer.SerializeToUtf8Bytes(new { query });

    /// <summary>Sends one request and returns the body; a non-2xx status is an exception.</summary>
    public Task<byte[]> SendAsync(byte[] body, bool diagnostics = false, CancellationToken cancellationToken = default) =>
        SendToAsync(_endpoint, body, diagnostics, cancellationToken);

    /// <summary>The same exchange with another endpoint (the hand-written SQL over HTTP), on the same connection pool settings.</summary>
    public async Task<byte[]> SendToAsync(Uri endpoint, byte[] body, bool diagnostics = false, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            Version = HttpVersion.Version11,
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (diagnostics)
        {
            request.Headers.Add("X-Diagnostics", "sql");
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchmarkException($"no answer from {_endpoint} within {RequestTimeout.TotalSeconds:F0} s (HttpClient timeout).", e);
        }

        using var _ = response;
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchmarkException($"HTTP {(int)response.StatusCode} from {endpoint}: {Truncate(Encoding.UTF8.GetString(bytes))}");
        }

        return bytes;
    }

    /// <summary>Sends <paramref name="query"/> and returns the parsed response, failing on any GraphQL error.</summary>
    public async Task<JsonNode> QueryAsync(string query, bool diagnostics = false, CancellationToken cancellationToken = default)
    {
        var bytes = await SendAsync(Body(query), diagnostics, cancellationToken);
        return CheckNoErrors(bytes, query);
    }

    public static JsonNode CheckNoErrors(byte[] bytes, string query)
    {
        var node = JsonNode.Parse(bytes) ?? throw new BenchmarkException($"empty response to {query}");
        if (node["errors"] is JsonArray { Count: > 0 } errors)
        {
            throw new BenchmarkException($"GraphQL errors for {query}: {Truncate(errors.ToJsonString())}");
        }

        return node;
    }

    /// <summary>Whether <c>Query.workers</c> takes a <c>where</c> argument (introspection).</summary>
    public async Task<(bool Where, bool Order)> WorkersArgumentsAsync(CancellationToken cancellationToken)
    {
        var response = await QueryAsync("{ __type(name: \"Query\") { fields { name args { name } } } }", cancellationToken: cancellationToken);
        var workers = response["data"]?["__type"]?["fields"]?.AsArray()
            .FirstOrDefault(f => f?["name"]?.GetValue<string>() == "workers")
            ?? throw new BenchmarkException("the schema has no Query.workers field.");
        var names = workers["args"]!.AsArray().Select(a => a?["name"]?.GetValue<string>()).ToHashSet();
        return (names.Contains("where"), names.Contains("order"));
    }

    /// <summary><c>extensions.diagnostics.sqlStatementCount</c> for <paramref name="query"/>, or null when the server does not report it.</summary>
    public async Task<int?> SqlStatementCountAsync(string query, CancellationToken cancellationToken)
    {
        var response = await QueryAsync(query, diagnostics: true, cancellationToken);
        return response["extensions"]?["diagnostics"]?["sqlStatementCount"] is JsonValue value && value.TryGetValue<int>(out var count)
            ? count
            : null;
    }

    public void Dispose() => _http.Dispose();

    private static string Truncate(string text) => text.Length > 600 ? text[..600] + "…" : text;
}

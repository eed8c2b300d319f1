using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Http;

/// <summary>
/// Responses up to <c>GraphQL:Limits:ResponseBufferBytes</c> go out in one write with their Content-Length; larger ones
/// stream (chunked) past the buffer, whole and byte for byte the same. Over real Kestrel, where the framing shows.
/// </summary>
public sealed class ResponseBufferingTests
{
    private const string BooksQuery = "{ books { id title genre published addedAt price author { name } } }";

    private static async Task<(WebApplication App, HttpClient Client)> StartAsync(int? bufferBytes = null)
    {
        var app = ToyHost.Build(
            configure: builder =>
            {
                if (bufferBytes is { } bytes)
                {
                    builder.Configuration["GraphQL:Limits:ResponseBufferBytes"] = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            },
            useTestServer: false);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }

    private static async Task<(HttpResponseMessage Response, byte[] Body)> PostAsync(HttpClient client, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", GraphQLHttpClient.GraphQLResponseJson);
        var response = await client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The Content-Length header as the server sent it (HttpContent computes one for a read body otherwise).</summary>
    private static string? SentContentLength(HttpResponseMessage response) =>
        response.Content.Headers.NonValidated.TryGetValues("Content-Length", out var values) ? values.ToString() : null;

    [Fact]
    public async Task A_result_within_the_buffer_is_sent_with_its_content_length()
    {
        var (app, client) = await StartAsync();
        await using var _ = app;
        using var __ = client;

        var (response, body) = await PostAsync(client, BooksQuery);
        using var ___ = response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), SentContentLength(response));
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.True(JsonNode.Parse(body)!["data"]!["books"]!.AsArray().Count > 0);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Errors_are_sent_with_their_content_length_too()
    {
        var (app, client) = await StartAsync();
        await using var _ = app;
        using var __ = client;

        var (response, body) = await PostAsync(client, "{ nope }");
        using var ___ = response;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), SentContentLength(response));
        Assert.NotNull(JsonNode.Parse(body)!["errors"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(64)]
    public async Task A_result_larger_than_the_buffer_streams_whole_and_unchanged(int bufferBytes)
    {
        var (bufferedApp, buffered) = await StartAsync();
        await using var _ = bufferedApp;
        using var __ = buffered;
        var (streamingApp, streaming) = await StartAsync(bufferBytes);
        await using var ___ = streamingApp;
        using var ____ = streaming;

        var (whole, wholeBody) = await PostAsync(buffered, BooksQuery);
        using var _____ = whole;
        var (streamed, streamedBody) = await PostAsync(streaming, BooksQuery);
        using var ______ = streamed;

        Assert.True(wholeBody.Length > 64, $"the toy result has {wholeBody.Length} bytes, not more than the small buffer");
        Assert.Equal(HttpStatusCode.OK, streamed.StatusCode);
        Assert.True(streamed.Headers.TransferEncodingChunked, "a result past the buffer streams chunked");
        Assert.Null(SentContentLength(streamed));
        Assert.Equal(Encoding.UTF8.GetString(wholeBody), Encoding.UTF8.GetString(streamedBody));
    }
}

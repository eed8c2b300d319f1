using System.Net;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Api.Tests.Security;

/// <summary>Per-caller rate limit: by <c>sub</c>, else by client address; 429 with <c>RATE_LIMITED</c>.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly WorkforceApiFactory _factory = new();

    public Task InitializeAsync()
    {
        _factory.Settings["RateLimiting:RequestsPerMinute"] = "3";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_caller_over_the_limit_gets_429_while_others_go_on()
    {
        var first = _factory.GraphQL(WorkforceApiFactory.TokenFor("platform-a", "viewer", "32"));
        var second = _factory.GraphQL(WorkforceApiFactory.TokenFor("platform-b", "viewer", "32"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await first.PostAsync("{ __typename }")).Status);
        }

        var limited = await first.PostAsync("{ __typename }");
        var other = await second.PostAsync("{ __typename }");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("RATE_LIMITED", limited.FirstErrorCode);
        Assert.StartsWith("application/graphql-response+json", limited.ContentType, StringComparison.Ordinal);
        other.EnsureSuccess();
    }

    [Fact]
    public async Task Anonymous_development_callers_share_their_address_bucket_and_see_retry_after()
    {
        var client = _factory.CreateClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await client.PostAsync("/graphql", new StringContent("{\"query\":\"{ __typename }\"}", System.Text.Encoding.UTF8, "application/json"));
        }

        using (last)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
            Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero, last.Headers.ToString());
            Assert.True(last.Headers.CacheControl?.NoStore, "every /graphql response is Cache-Control: no-store");
        }
    }
}

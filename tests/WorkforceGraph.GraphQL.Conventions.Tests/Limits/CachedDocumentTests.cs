namespace WorkforceGraph.GraphQL.Conventions.Tests.Limits;

/// <summary>
/// GraphQL.NET skips <c>ValidationRules</c> for a document its cache has seen and runs only
/// <c>CachedDocumentValidationRules</c>: the limits that depend on variables, the caller or the method must be there.
/// </summary>
public sealed class CachedDocumentTests
{
    [Fact]
    public async Task A_cached_document_is_still_refused_over_cost_every_time()
    {
        var cache = new TestDocumentCache();
        await using var client = await LimitsHost.StartAsync(new Dictionary<string, string> { ["GraphQL:Limits:MaxTypeCost"] = "10" }, cache: cache);
        const string Query = "query($ids: [Int!]!) { lookup(ids: $ids) { id } }";

        var cheap = await client.PostAsync(Query, new { ids = Enumerable.Repeat(1, 1) });
        var first = await client.PostAsync(Query, new { ids = Enumerable.Repeat(1, 11) });
        var second = await client.PostAsync(Query, new { ids = Enumerable.Repeat(1, 11) });

        Assert.Equal(200, cheap.Status);
        Assert.Equal(2, cache.Hits);
        Assert.Equal((400, "HC0047"), (first.Status, first.Code()));
        Assert.Equal((400, "HC0047"), (second.Status, second.Code()));
    }

    [Fact]
    public async Task A_cached_document_is_still_refused_over_the_batch_limit()
    {
        var cache = new TestDocumentCache();
        await using var client = await LimitsHost.StartAsync(cache: cache);
        const string Query = "query($ids: [Int!]!) { lookup(ids: $ids) { id } }";

        await client.PostAsync(Query, new { ids = Enumerable.Repeat(1, 1) });
        var over = await client.PostAsync(Query, new { ids = Enumerable.Repeat(1, 51) });

        Assert.Equal(1, cache.Hits);
        Assert.Equal("HC0076", over.Code());
    }

    [Fact]
    public async Task A_cached_introspection_document_is_still_refused_to_anonymous_callers()
    {
        var cache = new TestDocumentCache();
        await using var client = await LimitsHost.StartAsync(cache: cache);
        const string Query = "{ __schema { queryType { name } } }";

        var authenticated = await client.PostAsync(Query, user: "platform-1");
        var anonymous = await client.PostAsync(Query);

        Assert.Equal(200, authenticated.Status);
        Assert.Equal(1, cache.Hits);
        Assert.Equal("HC0046", anonymous.Code());
    }

    [Fact]
    public async Task A_cached_mutation_document_is_still_refused_over_get()
    {
        var cache = new TestDocumentCache();
        await using var client = await LimitsHost.StartAsync(cache: cache);

        // The GET rule is per request too: a document first seen by POST does not run by GET.
        await client.PostAsync("{ book(id: 1) { id } }");
        var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ book(id: 1) { id } }"));

        Assert.Equal(200, response.Status);
        Assert.Equal(1, cache.Hits);
    }
}

namespace WorkforceGraph.GraphQL.Conventions.Tests.Limits;

/// <summary>graphql-conventions.md §11: the batch lookup limit, the execution timeout, and suggestions outside Development.</summary>
public sealed class RequestLimitTests
{
    private const string Lookup = "query($ids: [Int!]!) { lookup(ids: $ids) { id } }";

    [Fact]
    public async Task Fifty_ids_run_and_fifty_one_are_HC0076_before_execution()
    {
        await using var client = await LimitsHost.StartAsync();

        var under = await client.PostAsync(Lookup, new { ids = Enumerable.Repeat(1, 50) });
        var over = await client.PostAsync(Lookup, new { ids = Enumerable.Repeat(1, 51) });

        under.AssertRan();
        Assert.Equal(50, under.Body!["data"]!["lookup"]!.Count());
        Assert.Equal(400, over.Status);
        Assert.Equal("HC0076", over.Code());
        Assert.Null(over.Body!["data"]);
    }

    [Fact]
    public async Task The_batch_limit_applies_to_literals_and_is_configuration()
    {
        await using var client = await LimitsHost.StartAsync(new Dictionary<string, string> { ["GraphQL:Limits:MaxNodeBatch"] = "2" });

        (await client.PostAsync("{ lookup(ids: [1, 2]) { id } }")).AssertRan();
        Assert.Equal("HC0076", (await client.PostAsync("{ lookup(ids: [1, 2, 1]) { id } }")).Code());
    }

    [Fact]
    public async Task A_request_over_the_execution_timeout_is_HC0045()
    {
        await using var client = await LimitsHost.StartAsync(new Dictionary<string, string> { ["GraphQL:Limits:ExecutionTimeout"] = "00:00:00.200" });

        var started = System.Diagnostics.Stopwatch.StartNew();
        var response = await client.PostAsync("{ slow }");

        Assert.Equal("HC0045", response.Code());
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), started.Elapsed.ToString());
    }

    [Fact]
    public async Task Outside_development_validation_messages_carry_no_suggestions()
    {
        await using var client = await LimitsHost.StartAsync();

        var response = await client.PostAsync("{ book(id: 1) { titl } }");

        Assert.Equal("GRAPHQL_VALIDATION_FAILED", response.Code());
        Assert.DoesNotContain("Did you mean", response.Body!.ToString(), StringComparison.Ordinal);
    }
}

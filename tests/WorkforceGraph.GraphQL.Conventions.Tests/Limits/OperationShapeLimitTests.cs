namespace WorkforceGraph.GraphQL.Conventions.Tests.Limits;

/// <summary>graphql-conventions.md §11: execution depth, field cycles and aliases are validation errors, 400.</summary>
public sealed class OperationShapeLimitTests
{
    // Book.author/Author.books recurse (and each unpaged Author.books multiplies the cost by 10): lift the cycle and
    // cost limits so that depth alone is measured.
    private static readonly Dictionary<string, string> NoCycleLimit = new()
    {
        ["GraphQL:Limits:MaxFieldCycleDepth"] = "100",
        ["GraphQL:Limits:MaxFieldCost"] = "1e15",
        ["GraphQL:Limits:MaxTypeCost"] = "1e15",
    };

    [Fact]
    public async Task Depth_12_runs_and_depth_13_is_MAX_DEPTH_EXCEEDED()
    {
        await using var client = await LimitsHost.StartAsync(NoCycleLimit);

        var under = await client.PostAsync(LimitsHost.Nested(12));
        var over = await client.PostAsync(LimitsHost.Nested(13));

        under.AssertRan();
        Assert.Equal(400, over.Status);
        var error = over.Body!["errors"]![0]!;
        Assert.Equal("MAX_DEPTH_EXCEEDED", error["extensions"]!["code"]!.ToString());
        Assert.Equal(12, (int)error["extensions"]!["allowedExecutionDepth"]!);
        Assert.Equal(13, (int)error["extensions"]!["detectedExecutionDepth"]!);
        Assert.Null(over.Body["data"]);
    }

    [Fact]
    public async Task Depth_follows_fragments()
    {
        await using var client = await LimitsHost.StartAsync(NoCycleLimit);

        // book(1) author(2) books(3), then the fragment: author(4) … author(12) id(13).
        var response = await client.PostAsync(
            "{ book(id: 1) { author { books { ...Deep } } } } "
            + "fragment Deep on Book { author { books { author { books { author { books { author { books { author { id } } } } } } } } } }");

        Assert.Equal("MAX_DEPTH_EXCEEDED", response.Code());
    }

    [Fact]
    public async Task Introspection_fields_do_not_count_toward_depth()
    {
        await using var client = await LimitsHost.StartAsync(new Dictionary<string, string> { ["GraphQL:Introspection"] = "Enabled" });

        // 15 levels, all introspection; within the introspection limits.
        var response = await client.PostAsync(
            "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } } }");

        response.AssertRan();
    }

    [Fact]
    public async Task The_depth_limit_is_configuration()
    {
        await using var client = await LimitsHost.StartAsync(new Dictionary<string, string>(NoCycleLimit) { ["GraphQL:Limits:MaxDepth"] = "5" });

        (await client.PostAsync(LimitsHost.Nested(5))).AssertRan();
        var over = await client.PostAsync(LimitsHost.Nested(6));
        var deeper = await client.PostAsync(LimitsHost.Nested(9));
        Assert.Equal("MAX_DEPTH_EXCEEDED", over.Code());
        Assert.Equal(5, (int)over.Body!["errors"]![0]!["extensions"]!["allowedExecutionDepth"]!);
        Assert.Equal(9, (int)deeper.Body!["errors"]![0]!["extensions"]!["detectedExecutionDepth"]!);
    }

    [Fact]
    public async Task A_field_three_times_on_a_path_runs_and_four_times_is_HC0087()
    {
        await using var client = await LimitsHost.StartAsync();

        // Book.author occurs 3 times / 4 times on the path.
        var under = await client.PostAsync(LimitsHost.Nested(7));
        var over = await client.PostAsync(LimitsHost.Nested(9));

        under.AssertRan();
        Assert.Equal(400, over.Status);
        Assert.Equal("HC0087", over.Code());
    }

    [Fact]
    public async Task The_field_cycle_limit_is_configuration()
    {
        await using var client = await LimitsHost.StartAsync(new Dictionary<string, string> { ["GraphQL:Limits:MaxFieldCycleDepth"] = "4" });

        (await client.PostAsync(LimitsHost.Nested(9))).AssertRan();
        Assert.Equal("HC0087", (await client.PostAsync(LimitsHost.Nested(11))).Code());
    }

    private static string Aliases(int count) =>
        "{ " + string.Concat(Enumerable.Range(1, count).Select(i => $"a{i}: book(id: 1) {{ id }} ")) + "}";

    [Fact]
    public async Task Thirty_aliases_run_and_thirty_one_are_MAX_ALIASES_EXCEEDED()
    {
        await using var client = await LimitsHost.StartAsync();

        var under = await client.PostAsync(Aliases(30));
        var over = await client.PostAsync(Aliases(31));

        under.AssertRan();
        Assert.Equal(400, over.Status);
        Assert.Equal("MAX_ALIASES_EXCEEDED", over.Code());
    }

    [Fact]
    public async Task Aliases_in_a_fragment_count_once_per_spread()
    {
        await using var client = await LimitsHost.StartAsync();

        // 16 aliases, spread twice under two different parents: 32.
        var fragment = "fragment Many on Book { " + string.Concat(Enumerable.Range(1, 30).Select(i => $"t{i}: title ")) + "}";
        var once = await client.PostAsync("{ book(id: 1) { ...Many } } " + fragment);
        var twice = await client.PostAsync("{ book(id: 1) { ...Many } other: book(id: 2) { ...Many } } " + fragment);

        once.AssertRan();
        Assert.Equal("MAX_ALIASES_EXCEEDED", twice.Code());
    }

    [Fact]
    public async Task The_alias_limit_is_configuration()
    {
        await using var client = await LimitsHost.StartAsync(new Dictionary<string, string> { ["GraphQL:Limits:MaxAliases"] = "2" });

        (await client.PostAsync(Aliases(2))).AssertRan();
        Assert.Equal("MAX_ALIASES_EXCEEDED", (await client.PostAsync(Aliases(3))).Code());
    }

    // Expanding 2^30 spreads would take hours; the timeout only guards against that hang (no speed claim: a loaded
    // 2-core machine may take seconds).
    [Fact(Timeout = 120_000)]
    public async Task A_fragment_bomb_is_refused_without_being_expanded()
    {
        await using var client = await LimitsHost.StartAsync();

        // 2^30 spreads of F0 from a 1 KB document: every walk stops at its visit budget and the cost rule refuses it.
        var fragments = string.Concat(Enumerable.Range(1, 30).Select(i => $"fragment F{i} on Book {{ ...F{i - 1} ...F{i - 1} }} "));
        var response = await client.PostAsync("{ book(id: 1) { ...F30 } } fragment F0 on Book { id title } " + fragments);

        Assert.Equal((400, "HC0047"), (response.Status, response.Code()));
    }

    [Fact]
    public async Task At_most_five_validation_errors_are_reported()
    {
        await using var client = await LimitsHost.StartAsync();

        var response = await client.PostAsync("{ book(id: 1) { a b c d e f g h } }");

        Assert.Equal(400, response.Status);
        Assert.Equal(5, response.Body!["errors"]!.Count());
    }
}

using Newtonsoft.Json.Linq;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy.Catalog;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Limits;

/// <summary>
/// graphql-conventions.md §11 cost on the toy library (root connections, a nested connection over a navigation, an
/// unpaged child list, a reference): the same shapes as the WorkforceGraph schema.
/// </summary>
public sealed class CostTests
{
    // §11's worked example, on the toy model: 50 authors × 50 books with a reference each.
    private const string Example = "{ authors(first: 50) { nodes { name bookPage(first: 50) { totalCount nodes { title author { name } } } } } }";

    // The example plus an unpaged child list (Author.books, 10 by default, weight 10) on each of the 2,500 books.
    private const string OverBudget = "{ authors(first: 50) { nodes { name bookPage(first: 50) { totalCount nodes { title author { name books { title } } } } } } }";

    private static (double Field, double Type) CostOf(JObject body) =>
        ((double)body["extensions"]!["operationCost"]!["fieldCost"]!, (double)body["extensions"]!["operationCost"]!["typeCost"]!);

    [Fact]
    public async Task The_worked_example_costs_3561_and_5101_and_runs()
    {
        await using var host = await LibraryHost.StartAsync();

        var body = await host.PostAsync(Example, cost: "report");

        Assert.Equal(200, host.LastStatus);
        Assert.Null(body["errors"]);
        Assert.NotNull(body["data"]!["authors"]);
        // authors 10 + nodes 1 + 50 × (bookPage 10 + totalCount 10 + nodes 1 + 50 × author 1) = 3,561;
        // types: connection 1 + 50 × (author 1 + connection 1 + 50 × (book 1 + author 1)) = 5,101.
        Assert.Equal((3561d, 5101d), CostOf(body));
    }

    [Fact]
    public async Task Over_the_field_budget_is_HC0047_with_the_costs()
    {
        await using var host = await LibraryHost.StartAsync();

        var body = await host.PostAsync(OverBudget);

        Assert.Equal(400, host.LastStatus);
        Assert.Null(body["data"]);
        var extensions = body["errors"]![0]!["extensions"]!;
        Assert.Equal("HC0047", (string?)extensions["code"]);
        // 10 + 1 + 50 × (10 + 10 + 1 + 50 × (author 1 + books 10)) = 28,561.
        Assert.Equal(28561d, (double)extensions["fieldCost"]!);
        Assert.Equal(20000d, (double)extensions["maxFieldCost"]!);
    }

    [Fact]
    public async Task The_field_budget_is_configuration_and_inclusive()
    {
        await using var exact = await LibraryHost.StartAsync(b => FieldBudget(b, "28561"));
        await using var below = await LibraryHost.StartAsync(b => FieldBudget(b, "28560"));

        var ran = await exact.PostAsync(OverBudget);
        var refused = await below.PostAsync(OverBudget);

        Assert.True(exact.LastStatus == 200 && ran["errors"] is null, ran.ToString());
        Assert.Equal(400, below.LastStatus);
        Assert.Equal("HC0047", (string?)refused["errors"]![0]!["extensions"]!["code"]);
    }

    private static void FieldBudget(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder, string maxFieldCost)
    {
        builder.Configuration["GraphQL:Limits:MaxFieldCost"] = maxFieldCost;
        builder.Configuration["GraphQL:Limits:MaxTypeCost"] = "1000000";
    }

    [Fact]
    public async Task Over_the_type_budget_is_HC0047_with_the_type_costs()
    {
        await using var host = await LibraryHost.StartAsync(b => b.Configuration["GraphQL:Limits:MaxTypeCost"] = "5100");

        var body = await host.PostAsync(Example);

        Assert.Equal(400, host.LastStatus);
        var extensions = body["errors"]![0]!["extensions"]!;
        Assert.Equal("HC0047", (string?)extensions["code"]);
        Assert.Equal(5101d, (double)extensions["typeCost"]!);
        Assert.Equal(5100d, (double)extensions["maxTypeCost"]!);
        Assert.Null(extensions["fieldCost"]);
    }

    [Fact]
    public async Task Page_sizes_come_from_variables_and_default_to_the_page_size()
    {
        await using var host = await LibraryHost.StartAsync();
        const string Query = "query($n: Int) { authors(first: $n) { nodes { name bookPage { nodes { title } } } } }";

        var three = CostOf(await host.PostAsync(Query, new { n = 3 }, cost: "report"));
        var omitted = CostOf(await host.PostAsync(Query, new { }, cost: "report"));

        // 10 + 1 + n × (10 + 1 + 10 × 0); bookPage without first: the default page size (10).
        Assert.Equal(10 + 1 + (3 * 11d), three.Field);
        Assert.Equal(10 + 1 + (10 * 11d), omitted.Field);
    }

    [Fact]
    public async Task Each_filter_operation_costs_10()
    {
        await using var host = await LibraryHost.StartAsync();

        var plain = CostOf(await host.PostAsync("{ authors(first: 1) { nodes { name } } }", cost: "report"));
        var filtered = CostOf(await host.PostAsync(
            """{ authors(first: 1, where: { name: { eq: "x" }, or: [{ birthYear: { gt: 1900 } }, { books: { some: { pages: { in: [1, 2] } } } }] }) { nodes { name } } }""",
            cost: "report"));

        Assert.Equal(11d, plain.Field);
        Assert.Equal(11d + 30, filtered.Field);
    }

    [Fact]
    public async Task Validate_returns_only_the_cost_without_executing()
    {
        await using var host = await LibraryHost.StartAsync();

        var body = await host.PostAsync(Example, cost: "validate");

        Assert.Equal(200, host.LastStatus);
        Assert.Null(body["data"]);
        Assert.Null(body["errors"]);
        Assert.Equal((3561d, 5101d), CostOf(body));
    }

    [Fact]
    public async Task Validate_over_budget_is_HC0047_with_the_cost()
    {
        await using var host = await LibraryHost.StartAsync();

        var body = await host.PostAsync(OverBudget, cost: "validate");

        Assert.Equal(400, host.LastStatus);
        Assert.Equal("HC0047", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(28561d, CostOf(body).Field);
    }

    [Fact]
    public async Task Without_the_header_no_cost_is_reported()
    {
        await using var host = await LibraryHost.StartAsync();

        var body = await host.PostAsync(Example);

        Assert.Null(body["extensions"]);
    }
}

using System.Text;
using Microsoft.AspNetCore.TestHost;
using Newtonsoft.Json.Linq;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Diagnostics;

/// <summary><c>X-Diagnostics: sql</c> on the toy shelf host (contracts.md, Diagnostics).</summary>
public sealed class SqlDiagnosticsTests
{
    private const string VolumesWithShelves = "{ volumes { title shelf { label } } }";

    private static async Task<JObject> PostAsync(ShelfHost host, string query, string? diagnostics)
    {
        using var client = host.App.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(new JObject { ["query"] = query }.ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json");
        if (diagnostics is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Diagnostics", diagnostics);
        }

        using var response = await client.SendAsync(request);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Null(body["errors"]);
        return body;
    }

    [Fact]
    public async Task Without_the_header_the_response_has_no_diagnostics()
    {
        await using var host = await ShelfHost.StartAsync("Development");

        var body = await PostAsync(host, VolumesWithShelves, diagnostics: null);

        Assert.Equal(3, body["data"]!["volumes"]!.Count());
        Assert.Null(body["extensions"]);
    }

    [Theory]
    [InlineData("sql")]
    [InlineData("SQL")]
    [InlineData("timing, Sql")]
    public async Task In_development_the_header_lists_each_statement_including_batch_loaders(string header)
    {
        await using var host = await ShelfHost.StartAsync("Development");

        var body = await PostAsync(host, VolumesWithShelves, header);

        var diagnostics = body["extensions"]!["diagnostics"]!;
        var statements = diagnostics["sqlStatements"]!.Values<string>().ToList();
        Assert.Equal(statements.Count, diagnostics["sqlStatementCount"]!.Value<int>());
        // One for the list, one for the batch loader GraphQL.NET awaits after the level: never one per volume.
        Assert.Equal(2, statements.Count);
        Assert.StartsWith("SELECT", statements[0], StringComparison.Ordinal);
        Assert.Contains("FROM \"Volumes\"", statements[0], StringComparison.Ordinal);
        Assert.Contains("FROM \"Shelves\"", statements[1], StringComparison.Ordinal);
        Assert.Contains(" IN ", statements[1], StringComparison.Ordinal);
        Assert.DoesNotContain("'", statements[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_without_database_fields_runs_no_statements()
    {
        await using var host = await ShelfHost.StartAsync("Development");

        var body = await PostAsync(host, "{ __typename }", "sql");

        Assert.Equal(0, body["extensions"]!["diagnostics"]!["sqlStatementCount"]!.Value<int>());
        Assert.Empty(body["extensions"]!["diagnostics"]!["sqlStatements"]!);
    }

    [Fact]
    public async Task Concurrent_requests_each_see_only_their_own_statements()
    {
        await using var host = await ShelfHost.StartAsync("Development");

        var bodies = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            PostAsync(host, i % 2 == 0 ? VolumesWithShelves : "{ volumes { title } }", "sql")));

        for (var i = 0; i < bodies.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? 2 : 1, bodies[i]["extensions"]!["diagnostics"]!["sqlStatementCount"]!.Value<int>());
        }
    }

    [Fact]
    public async Task Outside_development_the_header_is_ignored()
    {
        await using var host = await ShelfHost.StartAsync("Production");

        var body = await PostAsync(host, VolumesWithShelves, "sql");

        Assert.Equal(3, body["data"]!["volumes"]!.Count());
        Assert.Null(body["extensions"]);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using WorkforceGraph.GraphQL.Conventions.Ide;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Http;

/// <summary>contracts.md: <c>GET /graphql</c> with <c>Accept: text/html</c> serves the IDE, offline.</summary>
public sealed class IdeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("wg-ide-").FullName;

    public IdeTests()
    {
        File.WriteAllText(Path.Combine(_root, "index.html"), "<!doctype html><html><head><title>IDE</title><script defer src=\"static/js/main.js\"></script></head><body></body></html>");
        Directory.CreateDirectory(Path.Combine(_root, "static", "js"));
        File.WriteAllText(Path.Combine(_root, "static", "js", "main.js"), "console.log('ide');");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Task<GraphQLHttpClient> StartAsync() =>
        GraphQLHttpClient.StartAsync(ToyHost.Build(configure: b => b.Services.AddGraphQLIde(o => o.RootPath = _root)));

    [Fact]
    public async Task Serves_index_with_a_base_pointing_at_the_endpoint()
    {
        await using var client = await StartAsync();
        var response = await client.GetAsync("/graphql", "text/html,application/xhtml+xml,*/*;q=0.8");

        Assert.Equal(200, response.Status);
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        Assert.Contains("<head><base href=\"/graphql/\"/>", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serves_assets_and_a_config_without_telemetry()
    {
        await using var client = await StartAsync();
        var asset = await client.GetAsync("/graphql/static/js/main.js", "*/*");
        var config = await client.GetAsync("/graphql/bcp-config.json", "*/*");
        var missing = await client.GetAsync("/graphql/static/js/nope.js", "*/*");
        var traversal = await client.GetAsync("/graphql/..%2F..%2Fetc%2Fpasswd", "*/*");

        Assert.Equal(200, asset.Status);
        Assert.Equal("console.log('ide');", asset.Text);
        Assert.True(config.Body!["disableTelemetry"]!.Value<bool>());
        Assert.True(config.Body["useBrowserUrlAsEndpoint"]!.Value<bool>());
        Assert.Equal(404, missing.Status);
        Assert.Equal(404, traversal.Status);
    }

    [Fact]
    public async Task Query_requests_are_not_answered_with_the_ide()
    {
        await using var client = await StartAsync();
        var response = await client.GetAsync("/graphql?query=%7Bbooks%7Bid%7D%7D", "text/html, application/json");

        Assert.Equal("application/json; charset=utf-8", response.ContentType);
    }
}

using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.GraphQL.Conventions.Sdl;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Http;

/// <summary>graphql-conventions.md §10: <c>?sdl</c> and <c>/graphql/schema.graphql</c>.</summary>
public sealed class SdlEndpointTests
{
    [Theory]
    [InlineData("/graphql?sdl")]
    [InlineData("/graphql?SDL")]
    [InlineData("/graphql/schema.graphql")]
    public async Task Serves_the_printer_output_as_plain_text(string path)
    {
        var app = ToyHost.Build(configure: ToyHost.EnableIntrospection);
        await using var client = await GraphQLHttpClient.StartAsync(app);
        var expected = SchemaSdlPrinter.Print(app.Services.GetRequiredService<global::GraphQL.Types.ISchema>());

        var response = await client.GetAsync(path, accept: null);

        Assert.Equal(200, response.Status);
        Assert.Equal("text/plain; charset=utf-8", response.ContentType);
        Assert.Equal(expected, response.Text);
        Assert.StartsWith("schema {\n  query: Query\n  mutation: Mutation\n}\n\n", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_304_when_the_etag_matches()
    {
        await using var client = await GraphQLHttpClient.StartAsync(ToyHost.Build(configure: ToyHost.EnableIntrospection));
        using var first = await client.SendRawAsync("/graphql?sdl", null);
        var etag = first.Headers.ETag?.Tag;
        Assert.NotNull(etag);

        using var second = await client.SendRawAsync("/graphql?sdl", etag);
        using var other = await client.SendRawAsync("/graphql?sdl", "\"something-else\"");

        Assert.Equal(304, (int)second.StatusCode);
        Assert.Equal(200, (int)other.StatusCode);
    }
}

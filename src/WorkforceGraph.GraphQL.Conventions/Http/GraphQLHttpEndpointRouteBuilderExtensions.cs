using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace WorkforceGraph.GraphQL.Conventions.Http;

/// <summary>Maps the GraphQL-over-HTTP endpoint (graphql-conventions.md §1, §10; contracts.md).</summary>
public static class GraphQLHttpEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET</c>/<c>POST {path}</c> (GraphQL, <c>?sdl</c>, and the IDE for <c>Accept: text/html</c>),
    /// <c>GET {path}/schema.graphql</c> and the IDE's assets under <c>{path}/</c>.
    /// Requires <see cref="GraphQLHttpServiceCollectionExtensions.AddGraphQLHttp"/> and an <c>ISchema</c> service.
    /// </summary>
    /// <param name="endpoints">The route builder (e.g. the <c>WebApplication</c>).</param>
    /// <param name="path">The endpoint path, <c>/graphql</c> by default.</param>
    /// <returns>A builder that applies conventions to every mapped endpoint.</returns>
    public static GraphQLEndpointConventionBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder endpoints, string path = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        path = "/" + path.Trim('/');
        var handler = endpoints.ServiceProvider.GetService<GraphQLHttpHandler>()
            ?? throw new InvalidOperationException("Call services.AddGraphQLHttp() before MapGraphQLEndpoint().");

        var graphql = endpoints.Map(path, context => handler.HandleAsync(context, path))
            .WithDisplayName("GraphQL " + path);
        var schemaFile = endpoints.MapGet(path + "/schema.graphql", handler.WriteSdlAsync)
            .WithDisplayName("GraphQL SDL " + path);
        var assets = endpoints.MapGet(path + "/{**asset}", (RequestDelegate)(context =>
                handler.HandleAssetAsync(context, path, context.Request.RouteValues["asset"] as string)))
            .WithDisplayName("GraphQL IDE " + path);
        return new GraphQLEndpointConventionBuilder(graphql, schemaFile, assets);
    }
}

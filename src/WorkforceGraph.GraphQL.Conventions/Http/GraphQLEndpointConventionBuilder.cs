using Microsoft.AspNetCore.Builder;

namespace WorkforceGraph.GraphQL.Conventions.Http;

/// <summary>
/// The endpoints mapped by <c>MapGraphQLEndpoint</c> (the GraphQL endpoint, its SDL file and the IDE's
/// assets); a convention added here (e.g. <c>RequireAuthorization</c>, CORS) applies to all of them.
/// </summary>
public sealed class GraphQLEndpointConventionBuilder : IEndpointConventionBuilder
{
    private readonly IEndpointConventionBuilder[] _builders;

    internal GraphQLEndpointConventionBuilder(params IEndpointConventionBuilder[] builders) => _builders = builders;

    /// <inheritdoc />
    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var builder in _builders)
        {
            builder.Add(convention);
        }
    }

    /// <inheritdoc />
    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        foreach (var builder in _builders)
        {
            builder.Finally(finallyConvention);
        }
    }
}

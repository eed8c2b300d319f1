using Microsoft.Extensions.DependencyInjection;

namespace WorkforceGraph.GraphQL.Conventions.Ide;

/// <summary>Registers the Banana Cake Pop IDE served by <c>MapGraphQLEndpoint</c>.</summary>
public static class IdeServiceCollectionExtensions
{
    /// <summary>Configures the IDE, e.g. its <see cref="IdeOptions.RootPath"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddGraphQLIde(this IServiceCollection services, Action<IdeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkforceGraph.GraphQL.Conventions.Http;

namespace WorkforceGraph.GraphQL.Conventions.PersistedOperations;

/// <summary>Registers persisted operations.</summary>
public static class PersistedOperationServiceCollectionExtensions
{
    /// <summary>
    /// Adds operations by id and APQ: <see cref="PersistedOperationOptions"/> bind from <c>GraphQL:PersistedOperations</c>,
    /// the store is a <see cref="FileSystemPersistedOperationStore"/> unless another <see cref="IPersistedOperationStore"/>
    /// is registered, and the request configurator runs where it is added in the configurator order (after
    /// authentication).
    /// </summary>
    public static IServiceCollection AddPersistedOperations(this IServiceCollection services, Action<PersistedOperationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PersistedOperationOptions>().BindConfiguration(PersistedOperationOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<IPersistedOperationStore, FileSystemPersistedOperationStore>();
        services.TryAddSingleton<AutomaticPersistedQueries>();
        return services.AddGraphQLRequestConfigurator<PersistedOperationRequestConfigurator>();
    }
}

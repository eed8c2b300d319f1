using System.Text.Encodings.Web;
using System.Text.Unicode;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkforceGraph.GraphQL.Conventions.Diagnostics;
using WorkforceGraph.GraphQL.Conventions.Errors;
using WorkforceGraph.GraphQL.Conventions.Execution;
using WorkforceGraph.GraphQL.Conventions.Ide;
using WorkforceGraph.GraphQL.Conventions.Limits;
using WorkforceGraph.GraphQL.Conventions.Scalars;
using WorkforceGraph.GraphQL.Conventions.Sdl;

namespace WorkforceGraph.GraphQL.Conventions.Http;

/// <summary>Registers the GraphQL-over-HTTP layer.</summary>
public static class GraphQLHttpServiceCollectionExtensions
{
    /// <summary>
    /// Registers the transport, GraphQL.NET's executer with the System.Text.Json serializer, the
    /// <see cref="ConventionsErrorInfoProvider"/>, the convention scalars and their CLR type
    /// mappings, the <see cref="ValidatedDocumentCache"/>, and the IDE. <see cref="GraphQLHttpOptions"/> bind from <c>GraphQL:Limits</c>; the
    /// host still registers its schema (e.g. <c>services.AddGraphQL(b =&gt; b.AddSchema&lt;T&gt;())</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional changes applied after configuration binding.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddGraphQLHttp(this IServiceCollection services, Action<GraphQLHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GraphQLHttpOptions>().BindConfiguration(GraphQLHttpOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddOptions<IdeOptions>();
        services.AddGraphQL(builder => builder
            // Non-ASCII text (Chinese names) goes out as UTF-8, as HotChocolate sends it; HTML-sensitive
            // characters stay escaped. Results as deep as a configured MaxDepth allows (the default JSON depth is 64).
            .AddSystemTextJson(json =>
            {
                json.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
                json.MaxDepth = 1024;
            })
            .AddErrorInfoProvider<ConventionsErrorInfoProvider>()
            // Lists of plain columns and joined relations are completed in one pass (ProjectedExecutionStrategy).
            .AddExecutionStrategy<ProjectedExecutionStrategy>(OperationType.Query)
            .AddExecutionStrategy<ProjectedSerialExecutionStrategy>(OperationType.Mutation));
        // The parser limits of §11; replaces GraphQL.NET's builder (registered with TryAdd above).
        services.Replace(ServiceDescriptor.Singleton<IDocumentBuilder, LimitedDocumentBuilder>());
        services.AddOptions<IntrospectionOptions>().Configure<IConfiguration>((introspection, configuration) =>
        {
            var setting = configuration[IntrospectionOptions.ConfigurationKey];
            if (!string.IsNullOrWhiteSpace(setting))
            {
                introspection.Policy = Enum.TryParse<IntrospectionPolicy>(setting, ignoreCase: true, out var policy)
                    ? policy
                    : throw new InvalidOperationException($"{IntrospectionOptions.ConfigurationKey} must be Enabled, Authenticated or Disabled, not '{setting}'.");
            }
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGraphTypeMappingProvider, ConventionScalarMappingProvider>());
        services.TryAddTransient<DateScalarType>();
        services.TryAddTransient<DateTimeScalarType>();
        services.TryAddTransient<DecimalScalarType>();
        services.TryAddSingleton<SdlCache>();
        services.TryAddSingleton<IdeServer>();
        services.TryAddSingleton<GraphQLHttpHandler>();
        // The endpoint's instruments (GraphQLTelemetry.SourceName); a host exports them if it listens.
        services.AddMetrics();
        services.TryAddSingleton<GraphQLMetrics>();

        // Repeated documents skip parsing and the spec's validation rules (request-dependent rules still run).
        if (!services.Any(d => d.ServiceType == typeof(ValidatedDocumentCache)))
        {
            services.AddSingleton(_ => new ValidatedDocumentCache());
            services.AddSingleton<IConfigureExecution>(provider => provider.GetRequiredService<ValidatedDocumentCache>());
        }

        return services;
    }

    /// <summary>
    /// Adds a request configurator; configurators run in registration order for every request
    /// (see <see cref="IGraphQLRequestConfigurator"/>).
    /// </summary>
    /// <typeparam name="T">The configurator type, resolved from the request's scope.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddGraphQLRequestConfigurator<T>(this IServiceCollection services)
        where T : class, IGraphQLRequestConfigurator
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<IGraphQLRequestConfigurator, T>();
        return services;
    }
}

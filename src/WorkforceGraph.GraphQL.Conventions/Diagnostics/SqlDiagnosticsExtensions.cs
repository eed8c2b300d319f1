using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.GraphQL.Conventions.Http;

namespace WorkforceGraph.GraphQL.Conventions.Diagnostics;

/// <summary>Registers SQL diagnostics (<c>X-Diagnostics: sql</c>, Development only).</summary>
public static class SqlDiagnosticsExtensions
{
    /// <summary>
    /// Adds the <see cref="SqlDiagnosticsRequestConfigurator"/>. The statements are only seen by contexts
    /// whose options carry the interceptor: see <see cref="AddSqlDiagnostics(DbContextOptionsBuilder)"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddSqlDiagnostics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddGraphQLRequestConfigurator<SqlDiagnosticsRequestConfigurator>();
    }

    /// <summary>
    /// Adds <see cref="SqlDiagnosticsInterceptor.Instance"/> to the context options. It costs one
    /// <see cref="AsyncLocal{T}"/> read per command when nothing collects; hosts add it in Development only.
    /// </summary>
    /// <param name="options">The context options being built (pooled options included: the interceptor is stateless).</param>
    /// <returns>The options builder.</returns>
    public static DbContextOptionsBuilder AddSqlDiagnostics(this DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AddInterceptors(SqlDiagnosticsInterceptor.Instance);
    }
}

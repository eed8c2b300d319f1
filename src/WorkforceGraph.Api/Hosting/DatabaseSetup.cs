using WorkforceGraph.Data;
using WorkforceGraph.GraphQL.Conventions.Diagnostics;

namespace WorkforceGraph.Api.Hosting;

/// <summary>Reads <c>Database:Provider</c> and <c>ConnectionStrings:Workforce</c> (contracts.md).</summary>
internal static class DatabaseSetup
{
    /// <summary>
    /// Registers the database; in Development the contexts also carry the SQL diagnostics interceptor
    /// (<c>X-Diagnostics: sql</c>, contracts.md), elsewhere they pay nothing for it.
    /// </summary>
    public static IServiceCollection AddWorkforceDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment? environment = null)
    {
        Action<IServiceProvider, Microsoft.EntityFrameworkCore.DbContextOptionsBuilder>? configure = environment?.IsDevelopment() == true
            ? (_, options) => options.AddSqlDiagnostics()
            : null;
        return services.AddWorkforceDatabase(Provider(configuration), configuration.GetConnectionString("Workforce"), configure);
    }

    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var text = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(text, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider must be 'Sqlite' or 'Postgres', not '{text}'.");
    }
}

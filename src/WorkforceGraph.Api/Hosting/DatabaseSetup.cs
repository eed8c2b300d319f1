using WorkforceGraph.Data;
using WorkforceGraph.GraphQL.Conventions.Diagnostics;

namespace WorkforceGraph.Api.Hosting;

/// <summary>Reads <c>Database:Provider</c> and <c>ConnectionStrings:Workforce</c> (contracts.md).</summary>
internal static class DatabaseSetup
{
    /// <summary>
    /// Registers the database. The web host's contexts (<paramref name="withSqlDiagnostics"/>; the command line's
    /// do without) carry the SQL diagnostics interceptor in every environment: it counts each
    /// GraphQL request's statements and rows (request log, metrics), makes a SQL span per command when traces are
    /// exported, and keeps the text for <c>X-Diagnostics: sql</c> (Development only, contracts.md). With no request
    /// collecting and no trace listening it costs an <see cref="AsyncLocal{T}"/> read per command.
    /// </summary>
    /// <param name="bulkWrites">The import command's contexts: SQLite commits without waiting for the disk (<see cref="BulkWriteDurability"/>).</param>
    public static IServiceCollection AddWorkforceDatabase(this IServiceCollection services, IConfiguration configuration, bool withSqlDiagnostics = false, bool bulkWrites = false)
    {
        Action<IServiceProvider, Microsoft.EntityFrameworkCore.DbContextOptionsBuilder>? configure = null;
        if (withSqlDiagnostics || bulkWrites)
        {
            configure = (_, options) =>
            {
                if (withSqlDiagnostics)
                {
                    options.AddSqlDiagnostics();
                }

                if (bulkWrites)
                {
                    options.UseBulkWriteDurability();
                }
            };
        }

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

using WorkforceGraph.Data;

namespace WorkforceGraph.Api.Hosting;

/// <summary>Reads <c>Database:Provider</c> and <c>ConnectionStrings:Workforce</c> (contracts.md).</summary>
internal static class DatabaseSetup
{
    public static IServiceCollection AddWorkforceDatabase(this IServiceCollection services, IConfiguration configuration) =>
        services.AddWorkforceDatabase(Provider(configuration), configuration.GetConnectionString("Workforce"));

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

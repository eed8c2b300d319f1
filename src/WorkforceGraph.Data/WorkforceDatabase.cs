using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data.Querying;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Seeding;

namespace WorkforceGraph.Data;

/// <summary>Database providers selectable with <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Every provider-specific decision lives here: which context subclass (and so which migration set),
/// which EF provider, and provider options.
/// </summary>
public static class WorkforceDatabase
{
    /// <summary>The embedded default: a SQLite file under data/.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/workforcegraph.db";

    /// <summary>Registers the pooled provider-specific factory and the <see cref="IDbContextFactory{WorkforceDbContext}"/> every resolver uses.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="provider">The database provider.</param>
    /// <param name="connectionString">The connection string; null or blank for the provider's default.</param>
    /// <param name="configure">
    /// Optional host additions to the (pooled, so shared) context options after the provider's own, e.g.
    /// interceptors; it receives the root service provider.
    /// </param>
    public static IServiceCollection AddWorkforceDatabase(
        this IServiceCollection services,
        DatabaseProvider provider,
        string? connectionString,
        Action<IServiceProvider, DbContextOptionsBuilder>? configure = null)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString : connectionString;
                EnsureSqliteDirectory(sqlite);
                AddPools<SqliteWorkforceDbContext>(services, options => ConfigureSqlite(options, sqlite), configure);
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider 'Postgres' needs ConnectionStrings:Workforce (e.g. Host=…;Database=…;Username=…;Password=…).");
                }

                AddPools<PostgresWorkforceDbContext>(services, options => ConfigurePostgres(options, connectionString), configure);
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'; use 'Sqlite' or 'Postgres'.");
        }

        services.AddTransient<DataSeeder>();
        return services;
    }

    // Two pools of the provider's context (see WorkforceDbContextFactory): the scoped one, and the national one whose
    // options carry the marker that drops the scope filters; both exposed as the base type.
    private static void AddPools<TContext>(
        IServiceCollection services, Action<DbContextOptionsBuilder> configureProvider, Action<IServiceProvider, DbContextOptionsBuilder>? configure)
        where TContext : WorkforceDbContext
    {
        services.AddPooledDbContextFactory<TContext>((serviceProvider, options) =>
        {
            configureProvider(options);
            configure?.Invoke(serviceProvider, options);
        });
        services.AddSingleton(serviceProvider =>
        {
            var options = new DbContextOptionsBuilder<TContext>().UseApplicationServiceProvider(serviceProvider);
            configureProvider(options);
            configure?.Invoke(serviceProvider, options);
            ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new UnscopedModelExtension());
            return new WorkforceDbContextFactory<TContext>(
                serviceProvider.GetRequiredService<IDbContextFactory<TContext>>(),
                new PooledDbContextFactory<TContext>(options.Options));
        });
        services.AddSingleton<IWorkforceDbContextFactory>(serviceProvider => serviceProvider.GetRequiredService<WorkforceDbContextFactory<TContext>>());
        services.AddSingleton<IDbContextFactory<WorkforceDbContext>>(serviceProvider => serviceProvider.GetRequiredService<WorkforceDbContextFactory<TContext>>());
    }

    /// <summary>
    /// The provider's bulk writer for the seeder, over the context's connection (which must be open).
    /// The one place a bulk writer is chosen; PostgreSQL COPY joins here.
    /// </summary>
    public static IBulkWriter CreateBulkWriter(WorkforceDbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => new SqliteBulkWriter((SqliteConnection)context.Database.GetDbConnection(), context.Model),
            "Npgsql.EntityFrameworkCore.PostgreSQL" => new PostgresBulkWriter((Npgsql.NpgsqlConnection)context.Database.GetDbConnection(), context.Model),
            var name => throw new NotSupportedException($"No bulk writer for the provider '{name}' yet."),
        };
    }

    /// <summary>
    /// SQLite options: binary (code point) string order is SQLite's default collation. Models are cached per
    /// context type and per presence of the scope filters (<see cref="IWorkforceDbContextFactory"/>).
    /// </summary>
    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(WorkforceDatabase).Assembly.FullName))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .ReplaceService<IModelCacheKeyFactory, WorkforceModelCacheKeyFactory>();

    /// <summary>
    /// PostgreSQL options; code-point order comes from the "C" collation of every text column (the model), and
    /// <c>Contains</c> on a character-indexed column reads its GIN index (<see cref="CharacterIndex"/>).
    /// </summary>
    public static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(WorkforceDatabase).Assembly.FullName))
            .UseCharacterIndexes()
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .ReplaceService<IModelCacheKeyFactory, WorkforceModelCacheKeyFactory>();

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(dataSource) || dataSource == ":memory:"
            || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}

/// <summary>
/// Creates workforce contexts for a caller's region scope; also the <see cref="IDbContextFactory{WorkforceDbContext}"/>
/// every resolver, command and the seeder use.
/// </summary>
public interface IWorkforceDbContextFactory : IDbContextFactory<WorkforceDbContext>
{
    /// <summary>
    /// A context narrowed to <paramref name="scope"/>. A national scope gets a context whose model has no scope
    /// filters at all (cheaper queries) and that refuses to be narrowed later; any other scope gets the filtered model.
    /// </summary>
    WorkforceDbContext CreateDbContext(RegionScope scope);
}

/// <summary>
/// Hands out the provider-specific context as the base type; the one place every context is created. Two pools of
/// the same context type: one whose model carries the region-scope filters, and one without them that serves only
/// national scopes. Which model a context has is fixed by its pool's options (so also across pooled reuse), never by
/// <see cref="WorkforceDbContext.Scope"/>. Contexts are pooled, so each one leaves here with the scope set anew.
/// </summary>
internal sealed class WorkforceDbContextFactory<TContext>(IDbContextFactory<TContext> scoped, IDbContextFactory<TContext> national) : IWorkforceDbContextFactory
    where TContext : WorkforceDbContext
{
    /// <summary>A national context that may still be narrowed by setting <see cref="WorkforceDbContext.Scope"/>.</summary>
    public WorkforceDbContext CreateDbContext()
    {
        var context = scoped.CreateDbContext();
        context.Scope = RegionScope.National;
        return context;
    }

    public WorkforceDbContext CreateDbContext(RegionScope scope)
    {
        var context = scope.IsNational ? national.CreateDbContext() : scoped.CreateDbContext();
        context.Scope = scope;
        return context;
    }
}

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteWorkforceDbContext</c> build the model without the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWorkforceDbContext>
{
    public SqliteWorkforceDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteWorkforceDbContext>();
        WorkforceDatabase.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteWorkforceDbContext(options.Options);
    }
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresWorkforceDbContext</c> build the model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWorkforceDbContext>
{
    public PostgresWorkforceDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresWorkforceDbContext>();
        WorkforceDatabase.ConfigurePostgres(options, "Host=localhost;Database=workforcegraph_design");
        return new PostgresWorkforceDbContext(options.Options);
    }
}

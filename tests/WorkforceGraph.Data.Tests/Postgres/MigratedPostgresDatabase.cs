using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace WorkforceGraph.Data.Tests.Postgres;

/// <summary>
/// A fresh, migrated PostgreSQL database per test class on the server of <see cref="PostgresFactAttribute"/>, with the
/// services the app registers for it; dropped on dispose. Null when no server is configured (the tests skip).
/// </summary>
internal sealed class MigratedPostgresDatabase : IAsyncDisposable
{
    private MigratedPostgresDatabase(string name, ServiceProvider services)
    {
        Name = name;
        Services = services;
    }

    /// <summary>The database's name on the server.</summary>
    public string Name { get; }

    public ServiceProvider Services { get; }

    public IDbContextFactory<WorkforceDbContext> Factory => Services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>();

    public string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresFactAttribute.Server) { Database = Name }.ConnectionString;

    /// <summary>Creates and migrates a database named <paramref name="prefix"/> plus a unique suffix, or null without a server.</summary>
    public static async Task<MigratedPostgresDatabase?> CreateAsync(string prefix)
    {
        if (PostgresFactAttribute.Server is not { } server)
        {
            return null;
        }

        var name = $"{prefix}_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var database = new MigratedPostgresDatabase(name, new ServiceCollection().AddWorkforceDatabase(DatabaseProvider.Postgres, connectionString).BuildServiceProvider());
        await using var context = await database.Factory.CreateDbContextAsync();
        await context.Database.MigrateAsync();
        return database;
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns, as text, on the context's connection (opened if closed, and left open for session settings).</summary>
    public static async Task<List<string>> StringsAsync(DbContext context, string sql)
    {
        var connection = context.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await context.Database.OpenConnectionAsync();
        }

        return await StringsAsync(connection, sql);
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns, as text, on an open connection.</summary>
    public static async Task<List<string>> StringsAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresFactAttribute.Server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE);";
        await command.ExecuteNonQueryAsync();
    }
}

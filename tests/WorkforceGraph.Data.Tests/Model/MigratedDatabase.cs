using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace WorkforceGraph.Data.Tests.Model;

/// <summary>
/// A fresh, migrated database per test: a named shared-cache in-memory SQLite database that lives as
/// long as <see cref="Connection"/> stays open (style.md, Tests). Migrations only, never EnsureCreated.
/// </summary>
internal sealed class MigratedDatabase : IAsyncDisposable
{
    private MigratedDatabase(string connectionString, SqliteConnection connection)
    {
        ConnectionString = connectionString;
        Connection = connection;
    }

    public string ConnectionString { get; }

    /// <summary>The keep-alive connection; raw SQL checks may use it too.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>Creates an empty database without applying migrations.</summary>
    public static async Task<MigratedDatabase> CreateEmptyAsync()
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = $"workforce-{Guid.NewGuid():N}",
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return new MigratedDatabase(connectionString, connection);
    }

    /// <summary>Creates a database and applies every migration.</summary>
    public static async Task<MigratedDatabase> CreateAsync()
    {
        var database = await CreateEmptyAsync();
        await using var context = database.CreateContext();
        await context.Database.MigrateAsync();
        return database;
    }

    public SqliteWorkforceDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<SqliteWorkforceDbContext>();
        WorkforceDatabase.ConfigureSqlite(options, ConnectionString);
        return new SqliteWorkforceDbContext(options.Options);
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public async Task<List<string>> StringsAsync(string sql)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

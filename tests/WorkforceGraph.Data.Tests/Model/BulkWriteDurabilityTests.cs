using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace WorkforceGraph.Data.Tests.Model;

/// <summary>The import's SQLite commit mode: NORMAL while it writes, everything checkpointed and synced at the end.</summary>
public sealed class BulkWriteDurabilityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("wf-durability-").FullName;

    [Fact]
    public async Task Bulk_contexts_commit_with_normal_sync_others_keep_full_and_the_end_checkpoints_the_wal()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "wf.db") }.ToString();
        await using (var plain = Context(connectionString, bulk: false))
        {
            await plain.Database.MigrateAsync();
            await plain.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            Assert.Equal(2L, await PragmaAsync(plain, "synchronous")); // FULL: SQLite's default, kept for the API's writes
        }

        await using (var bulk = Context(connectionString, bulk: true))
        {
            Assert.Equal(1L, await PragmaAsync(bulk, "synchronous")); // NORMAL
            await bulk.Database.ExecuteSqlRawAsync("INSERT INTO \"Regions\" (\"Code\", \"Name\", \"Level\") VALUES ('110000000000', '北京市', 'Province');");
        }

        // Held open so that closing the last connection does not checkpoint on its own.
        await using var keeper = new SqliteConnection(connectionString);
        await keeper.OpenAsync();
        Assert.True(new FileInfo(Path.Combine(_directory, "wf.db-wal")).Length > 0);
        await using (var bulk = Context(connectionString, bulk: true))
        {
            Assert.True(await BulkWriteDurability.MakeDurableAsync(bulk, CancellationToken.None));
        }

        await using var check = keeper.CreateCommand();
        check.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await check.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(reader.GetInt64(1), reader.GetInt64(2)); // every WAL frame is in the database file
        SqliteConnection.ClearAllPools();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static SqliteWorkforceDbContext Context(string connectionString, bool bulk)
    {
        var options = new DbContextOptionsBuilder<SqliteWorkforceDbContext>();
        WorkforceDatabase.ConfigureSqlite(options, connectionString);
        if (bulk)
        {
            options.UseBulkWriteDurability();
        }

        return new SqliteWorkforceDbContext(options.Options);
    }

    private static async Task<long> PragmaAsync(DbContext db, string name)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

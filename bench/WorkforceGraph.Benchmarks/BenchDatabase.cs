using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Seeding;

namespace WorkforceGraph.Benchmarks;

/// <summary>What the marker file beside a seeded database records: the inputs and the seeding time.</summary>
internal sealed record SeedRecord(string Scale, int RandomSeed, DateOnly AsOf, DateTime SeededAtUtc, double Seconds, long TotalRows);

/// <summary>
/// A SQLite file per scale, seed and as-of date, seeded through the project's <see cref="DataSeeder"/>.
/// The marker is written only after a complete seed, so an interrupted run reseeds instead of reusing.
/// </summary>
internal sealed class BenchDatabase
{
    private BenchDatabase(string path, SeedRecord seed, bool reused)
    {
        FilePath = path;
        Seed = seed;
        Reused = reused;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString();
    }

    public string FilePath { get; }

    public SeedRecord Seed { get; }

    public bool Reused { get; }

    /// <summary>Read-only connection string for the raw-SQL baseline and look-ups.</summary>
    public string ConnectionString { get; }

    public static async Task<BenchDatabase> PrepareAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.DataDirectory);
        var name = string.Create(CultureInfo.InvariantCulture, $"workforce-{options.ScaleName}-{options.RandomSeed}-{BenchOptions.AsOf:yyyyMMdd}");
        var path = Path.Combine(options.DataDirectory, name + ".db");
        var markerPath = path + ".seeded.json";

        if (!options.Reseed && File.Exists(path) && File.Exists(markerPath))
        {
            var existing = JsonSerializer.Deserialize<SeedRecord>(await File.ReadAllTextAsync(markerPath, cancellationToken));
            if (existing is not null)
            {
                Console.WriteLine($"database: reusing {path} (seeded {existing.SeededAtUtc:yyyy-MM-dd HH:mm} UTC)");
                return new BenchDatabase(path, existing, reused: true);
            }
        }

        foreach (var stale in new[] { markerPath, path, path + "-wal", path + "-shm" })
        {
            File.Delete(stale);
        }

        Console.WriteLine($"database: seeding {options.ScaleName} into {path} ...");
        var services = new ServiceCollection()
            .AddWorkforceDatabase(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString())
            .BuildServiceProvider();
        await using (services)
        {
            var factory = services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>();
            await using (var context = await factory.CreateDbContextAsync(cancellationToken))
            {
                await context.Database.MigrateAsync(cancellationToken);
            }

            var seeder = services.GetRequiredService<DataSeeder>();
            var result = await seeder.SeedAsync(
                new SeedOptions { Scale = options.Scale, RandomSeed = options.RandomSeed, AsOf = BenchOptions.AsOf },
                progress: null,
                cancellationToken);
            var record = new SeedRecord(options.ScaleName, options.RandomSeed, BenchOptions.AsOf, DateTime.UtcNow, result.Elapsed.TotalSeconds, result.TotalRows);
            await File.WriteAllTextAsync(markerPath, JsonSerializer.Serialize(record), cancellationToken);
            Console.WriteLine($"database: seeded {result.TotalRows:N0} rows in {result.Elapsed.TotalSeconds:F1} s");
            return new BenchDatabase(path, record, reused: false);
        }
    }

    /// <summary>Rows per table, in the order SQLite lists them (the migrations history left out).</summary>
    public async Task<IReadOnlyList<(string Table, long Rows)>> CountRowsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock') ORDER BY rowid";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new List<(string, long)>();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            counts.Add((table, Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture)));
        }

        return counts;
    }

    /// <summary>A real community with posts and current workers: the one with the most posts among the first ones.</summary>
    public async Task<string> SampleCommunityCodeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.Code FROM Communities c JOIN Posts p ON p.CommunityId = c.Id
            WHERE c.Id IN (SELECT Id FROM Communities ORDER BY Id LIMIT 100)
            GROUP BY c.Id ORDER BY COUNT(*) DESC, c.Id LIMIT 1
            """;
        return await command.ExecuteScalarAsync(cancellationToken) as string
            ?? throw new BenchmarkException("the database has no community with posts; reseed with --reseed.");
    }

    /// <summary>Keys of <paramref name="count"/> workers spread over the whole table.</summary>
    public async Task<IReadOnlyList<int>> SampleWorkerIdsAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Id FROM (SELECT Id, ROW_NUMBER() OVER (ORDER BY Id) AS n, COUNT(*) OVER () AS total FROM Workers)
            WHERE (n - 1) % MAX(1, total / $count) = 0 ORDER BY Id LIMIT $count
            """;
        command.Parameters.AddWithValue("$count", count);
        var ids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids.Count == count ? ids : throw new BenchmarkException($"the database holds fewer than {count} workers.");
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}

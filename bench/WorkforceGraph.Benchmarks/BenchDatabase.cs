using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Seeding;

namespace WorkforceGraph.Benchmarks;

/// <summary>What the marker file beside a seeded database records: the inputs and the seeding time.</summary>
internal sealed record SeedRecord(string Scale, int RandomSeed, DateOnly AsOf, DateTime SeededAtUtc, double Seconds, long TotalRows);

/// <summary>
/// A SQLite file, or a PostgreSQL database, per scale, seed and as-of date, seeded through the project's
/// <see cref="DataSeeder"/>. The marker (a file beside the SQLite file, the PostgreSQL database's comment) is written
/// only after a complete seed, so an interrupted run reseeds instead of reusing.
/// </summary>
internal sealed class BenchDatabase
{
    private BenchDatabase(BenchProvider provider, string path, string apiConnectionString, string readConnectionString, SeedRecord seed, bool reused)
    {
        Provider = provider;
        FilePath = path;
        ApiConnectionString = apiConnectionString;
        ConnectionString = readConnectionString;
        Seed = seed;
        Reused = reused;
    }

    public BenchProvider Provider { get; }

    /// <summary>The SQLite file, or the PostgreSQL database's name.</summary>
    public string FilePath { get; }

    /// <summary>What the API process and the command-line runs get as <c>ConnectionStrings:Workforce</c>.</summary>
    public string ApiConnectionString { get; }

    public SeedRecord Seed { get; }

    public bool Reused { get; }

    /// <summary>Connection string for the raw-SQL baseline and look-ups (read-only on SQLite).</summary>
    public string ConnectionString { get; }

    public bool IsPostgres => Provider == BenchProvider.Postgres;

    /// <summary>The <c>Database:Provider</c> setting of the API for this database.</summary>
    public string ProviderSetting => IsPostgres ? "Postgres" : "Sqlite";

    public static Task<BenchDatabase> PrepareAsync(BenchOptions options, CancellationToken cancellationToken) =>
        options.Provider == BenchProvider.Postgres ? PreparePostgresAsync(options, cancellationToken) : PrepareSqliteAsync(options, cancellationToken);

    private static string Name(BenchOptions options) =>
        string.Create(CultureInfo.InvariantCulture, $"workforce-{options.ScaleName}-{options.RandomSeed}-{BenchOptions.AsOf:yyyyMMdd}");

    private static async Task<BenchDatabase> PrepareSqliteAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.DataDirectory);
        var path = Path.Combine(options.DataDirectory, Name(options) + ".db");
        var markerPath = path + ".seeded.json";
        var apiConnection = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        var readConnection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString();

        if (!options.Reseed && File.Exists(path) && File.Exists(markerPath))
        {
            var existing = JsonSerializer.Deserialize<SeedRecord>(await File.ReadAllTextAsync(markerPath, cancellationToken));
            if (existing is not null)
            {
                Console.WriteLine($"database: reusing {path} (seeded {existing.SeededAtUtc:yyyy-MM-dd HH:mm} UTC)");
                return new BenchDatabase(BenchProvider.Sqlite, path, apiConnection, readConnection, existing, reused: true);
            }
        }

        foreach (var stale in new[] { markerPath, path, path + "-wal", path + "-shm" })
        {
            File.Delete(stale);
        }

        Console.WriteLine($"database: seeding {options.ScaleName} into {path} ...");
        var record = await SeedAsync(options, DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString(), cancellationToken);
        await File.WriteAllTextAsync(markerPath, JsonSerializer.Serialize(record), cancellationToken);
        return new BenchDatabase(BenchProvider.Sqlite, path, apiConnection, readConnection, record, reused: false);
    }

    /// <summary>
    /// One database per data set on the server; the marker is the database's comment (the seed record as JSON), set
    /// only after a complete seed.
    /// </summary>
    private static async Task<BenchDatabase> PreparePostgresAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var name = Name(options).Replace('-', '_');
        var server = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString);
        var connection = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString) { Database = name }.ToString();
        var display = $"{name} on {server.Host}:{server.Port}";
        await using (var admin = await OpenAdminAsync(server, cancellationToken))
        {
            var comment = await ScalarAsync(admin, "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = @name", cancellationToken, ("name", name));
            if (!options.Reseed && comment is string json && json.StartsWith('{'))
            {
                var existing = JsonSerializer.Deserialize<SeedRecord>(json);
                if (existing is not null)
                {
                    Console.WriteLine($"database: reusing {display} (seeded {existing.SeededAtUtc:yyyy-MM-dd HH:mm} UTC)");
                    return new BenchDatabase(BenchProvider.Postgres, name, connection, connection, existing, reused: true);
                }
            }

            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {QuoteIdentifier(name)} WITH (FORCE)", cancellationToken);
            await ExecuteAsync(admin, $"CREATE DATABASE {QuoteIdentifier(name)} TEMPLATE template0 ENCODING 'UTF8'", cancellationToken);
        }

        Console.WriteLine($"database: seeding {options.ScaleName} into {display} ...");
        var record = await SeedAsync(options, DatabaseProvider.Postgres, connection, cancellationToken);
        await using (var admin = await OpenAdminAsync(server, cancellationToken))
        {
            await ExecuteAsync(admin, $"COMMENT ON DATABASE {QuoteIdentifier(name)} IS {QuoteLiteral(JsonSerializer.Serialize(record))}", cancellationToken);
        }

        return new BenchDatabase(BenchProvider.Postgres, name, connection, connection, record, reused: false);
    }

    private static async Task<SeedRecord> SeedAsync(BenchOptions options, DatabaseProvider provider, string connectionString, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection().AddWorkforceDatabase(provider, connectionString).BuildServiceProvider();
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
                new ConsoleProgress(),
                cancellationToken);
            Console.WriteLine($"database: seeded {result.TotalRows:N0} rows in {result.Elapsed.TotalSeconds:F1} s");
            return new SeedRecord(options.ScaleName, options.RandomSeed, BenchOptions.AsOf, DateTime.UtcNow, result.Elapsed.TotalSeconds, result.TotalRows);
        }
    }

    /// <summary>A connection to the server's maintenance database (the connection string's own, else <c>postgres</c>).</summary>
    public static async Task<NpgsqlConnection> OpenAdminAsync(NpgsqlConnectionStringBuilder server, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = server.Database ?? "postgres", Pooling = false }.ToString());
        await admin.OpenAsync(cancellationToken);
        return admin;
    }

    public static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string QuoteLiteral(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is DBNull ? null : result;
    }

    /// <summary>Rows per table, in the order the database lists them (the migrations history left out).</summary>
    public async Task<IReadOnlyList<(string Table, long Rows)>> CountRowsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = IsPostgres
                ? "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock') ORDER BY c.oid"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock') ORDER BY rowid";
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
            count.CommandText = $"SELECT COUNT(*) FROM {QuoteIdentifier(table)}";
            count.CommandTimeout = 0;
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
            SELECT c."Code" FROM "Communities" c JOIN "Posts" p ON p."CommunityId" = c."Id"
            WHERE c."Id" IN (SELECT "Id" FROM "Communities" ORDER BY "Id" LIMIT 100)
            GROUP BY c."Id", c."Code" ORDER BY COUNT(*) DESC, c."Id" LIMIT 1
            """;
        return await command.ExecuteScalarAsync(cancellationToken) as string
            ?? throw new BenchmarkException("the database has no community with posts; reseed with --reseed.");
    }

    /// <summary>Keys of <paramref name="count"/> workers spread over the whole table.</summary>
    public async Task<IReadOnlyList<int>> SampleWorkerIdsAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT "Id" FROM (SELECT "Id", ROW_NUMBER() OVER (ORDER BY "Id") AS n, COUNT(*) OVER () AS total FROM "Workers") AS numbered
            WHERE (n - 1) % {(IsPostgres ? "GREATEST" : "MAX")}(1, total / @count) = 0 ORDER BY "Id" LIMIT @count
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "count";
        parameter.Value = count;
        command.Parameters.Add(parameter);
        var ids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids.Count == count ? ids : throw new BenchmarkException($"the database holds fewer than {count} workers.");
    }

    /// <summary>An open connection of the database's provider (read-only on SQLite).</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>An open pooled connection of the database's provider (read-only on SQLite), for the baselines.</summary>
    public DbConnection Open()
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>The server's version and the settings that shape the figures (PostgreSQL only).</summary>
    public async Task<IReadOnlyList<(string Name, string Value)>> ServerSettingsAsync(CancellationToken cancellationToken)
    {
        if (!IsPostgres)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT 'version', current_setting('server_version')
            UNION ALL SELECT name, setting || COALESCE(' ' || unit, '') FROM pg_settings
            WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'max_connections', 'fsync', 'synchronous_commit', 'full_page_writes', 'jit', 'lc_collate')
            """;
        var settings = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            settings.Add((reader.GetString(0), reader.GetString(1)));
        }

        return settings;
    }

    /// <summary>Seeding progress on one console line, every tenth of the counties (reported on the seeding thread).</summary>
    private sealed class ConsoleProgress : IProgress<SeedProgress>
    {
        private int _lastTenth = -1;

        public void Report(SeedProgress value)
        {
            var tenth = value.CountiesTotal == 0 ? 10 : value.CountiesDone * 10 / value.CountiesTotal;
            if (tenth != _lastTenth)
            {
                _lastTenth = tenth;
                Console.WriteLine($"database: {value.CountiesDone}/{value.CountiesTotal} counties, {value.RowsWritten:N0} rows, {value.RowsPerSecond:N0} rows/s");
            }
        }
    }
}

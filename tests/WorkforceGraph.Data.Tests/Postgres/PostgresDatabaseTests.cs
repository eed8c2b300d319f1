using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Seeding;
using WorkforceGraph.Data.Tests.Seeding;

namespace WorkforceGraph.Data.Tests.Postgres;

/// <summary>The PostgreSQL provider: its migrations, code-point order, COPY seeding equal to SQLite's.</summary>
public sealed class PostgresDatabaseTests : IAsyncLifetime
{
    private static readonly DateOnly AsOf = new(2025, 11, 15);

    private MigratedPostgresDatabase? _db;

    private IDbContextFactory<WorkforceDbContext> Factory => _db!.Factory;

    public async Task InitializeAsync() => _db = await MigratedPostgresDatabase.CreateAsync("wg_data");

    public async Task DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task Every_text_column_compares_by_code_point()
    {
        await using var context = await Factory.CreateDbContextAsync();
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type IN ('text', 'character varying') AND table_name <> '__EFMigrationsHistory'
              AND coalesce(collation_name, '') <> 'C'
            """;
        var others = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                others.Add(reader.GetString(0));
            }
        }

        Assert.Empty(others);

        // The same order as SQLite's binary collation, whatever the database's default.
        string[] names = ["b", "B", "a", "é", "中", "Z", "_", "10", "9"];
        var expected = names.Order(StringComparer.Ordinal).ToList();
        var region = await context.Regions.SingleOrDefaultAsync();
        Assert.Null(region);
        context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var codes = names.Select((_, i) => DivisionCode.From(32, i + 1).Value).ToList();
        context.Regions.AddRange(names.Select((n, i) => new Region { Code = codes[i], Name = n, Level = RegionLevel.Prefecture }));
        await context.SaveChangesAsync();
        Assert.Equal(expected, await context.Regions.OrderBy(r => r.Name).Select(r => r.Name).ToListAsync());
    }

    [PostgresFact]
    public async Task Copy_seeding_writes_the_same_rows_as_the_sqlite_seeder_and_keys_continue_after_them()
    {
        await _db!.Services.GetRequiredService<DataSeeder>().SeedAsync(new SeedOptions { Scale = SeedScale.Demo, AsOf = AsOf });
        await using var sqlite = await SeedTestDatabase.CreateAsync();
        await sqlite.Seeder.SeedAsync(new SeedOptions { Scale = SeedScale.Demo, AsOf = AsOf });

        await using var context = await Factory.CreateDbContextAsync();
        await using var reference = await sqlite.Factory.CreateDbContextAsync();
        Assert.Equal(await reference.Workers.CountAsync(), await context.Workers.CountAsync());
        Assert.Equal(await reference.Posts.CountAsync(), await context.Posts.CountAsync());
        Assert.Equal(await reference.TrainingRecords.CountAsync(), await context.TrainingRecords.CountAsync());
        Assert.Equal(await reference.Assessments.CountAsync(), await context.Assessments.CountAsync());
        Assert.Equal(
            await reference.Workers.OrderBy(w => w.Id).Select(w => w.Name + w.BirthDate + w.Status + w.CommunityId).ToListAsync(),
            await context.Workers.OrderBy(w => w.Id).Select(w => w.Name + w.BirthDate + w.Status + w.CommunityId).ToListAsync());
        Assert.Equal(
            await reference.Workers.OrderBy(w => w.Id).Select(w => w.IdNumber).ToListAsync(),
            await context.Workers.OrderBy(w => w.Id).Select(w => w.IdNumber).ToListAsync());

        // The identity sequences were moved past the copied keys: a new row gets the next key.
        var max = await context.Regions.MaxAsync(r => r.Id);
        context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var added = new Region { Code = "329900000000", Name = "测试市", Level = RegionLevel.Prefecture };
        context.Regions.Add(added);
        await context.SaveChangesAsync();
        Assert.Equal(max + 1, added.Id);
    }

    [PostgresFact]
    public async Task Seeding_drops_foreign_keys_and_indexes_only_for_the_load_and_restores_them_as_migrated()
    {
        const string Schema = """
            SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
            UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()
            ORDER BY 1
            """;
        var migrated = await StringsAsync(Schema);
        Assert.Contains(migrated, d => d.Contains("FOREIGN KEY (\"WorkerId\") REFERENCES \"Workers\"(\"Id\")", StringComparison.Ordinal));

        await _db!.Services.GetRequiredService<DataSeeder>().SeedAsync(new SeedOptions { Scale = SeedScale.Demo, AsOf = AsOf });

        Assert.Equal(migrated, await StringsAsync(Schema));
        // The constraints are enforced again: a training record of an unknown worker is refused.
        var exception = await Assert.ThrowsAsync<PostgresException>(() => StringsAsync(
            """INSERT INTO "TrainingRecords" ("WorkerId", "TrainingId", "Hours", "Passed") SELECT -1, MIN("Id"), 1, true FROM "Trainings" RETURNING 'x'"""));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, exception.SqlState);
    }

    private async Task<List<string>> StringsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_db!.ConnectionString);
        await connection.OpenAsync();
        return await MigratedPostgresDatabase.StringsAsync(connection, sql);
    }

    [PostgresFact]
    public async Task The_dashboard_indexes_carry_the_community_and_leave_active_workers_to_the_community_codes()
    {
        await using var context = await Factory.CreateDbContextAsync();
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await connection.OpenAsync();

        Task<List<string>> Strings(string sql) => MigratedPostgresDatabase.StringsAsync(context, sql);

        var definitions = await Strings("SELECT indexdef FROM pg_indexes WHERE tablename = 'Workers' AND indexname IN ('IX_Workers_Name_Id', 'IX_Workers_Status_BirthDate_Id') ORDER BY indexname");
        Assert.Equal(2, definitions.Count);
        Assert.EndsWith("""USING btree ("Name", "Id") INCLUDE ("CommunityId")""", definitions[0], StringComparison.Ordinal);
        Assert.Contains("""USING btree ("Status", "BirthDate", "Id") WHERE (("Status")::text <> 'Active'::text)""", definitions[1], StringComparison.Ordinal);

        // The planner can prove the partial index's predicate for a minority status, not for ACTIVE (sequential scans
        // and sorts priced out so that the tiny empty table does not decide).
        await Strings("SELECT set_config(name, 'off', false) FROM (VALUES ('enable_seqscan'), ('enable_sort'), ('enable_bitmapscan')) AS s(name)");
        const string Page = """EXPLAIN SELECT "Id" FROM "Workers" WHERE "Status" = '{0}' ORDER BY "BirthDate", "Id" LIMIT 50""";
        Assert.Contains(await Strings(string.Format(System.Globalization.CultureInfo.InvariantCulture, Page, "Probation")), line => line.Contains("IX_Workers_Status_BirthDate_Id", StringComparison.Ordinal));
        Assert.DoesNotContain(await Strings(string.Format(System.Globalization.CultureInfo.InvariantCulture, Page, "Active")), line => line.Contains("IX_Workers_Status_BirthDate_Id", StringComparison.Ordinal));
        Assert.Contains(
            await Strings("""EXPLAIN SELECT "CommunityId" FROM "Workers" WHERE "Name" >= '王' AND "Name" < '玌'"""),
            line => line.Contains("Index Only Scan using \"IX_Workers_Name_Id\"", StringComparison.Ordinal));
    }
}

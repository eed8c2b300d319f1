using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Seeding;
using WorkforceGraph.Data.Trainings;

namespace WorkforceGraph.Data.Tests.Seeding;

public sealed class SqliteBulkWriterTests
{
    [Fact]
    public async Task Writes_the_same_stored_values_as_EF_SaveChanges()
    {
        await using var viaEf = await SeedTestDatabase.CreateAsync();
        await using (var context = await viaEf.Factory.CreateDbContextAsync())
        {
            context.AddRange(NewRows());
            await context.SaveChangesAsync();
        }

        await using var viaWriter = await SeedTestDatabase.CreateAsync();
        await using (var context = await viaWriter.Factory.CreateDbContextAsync())
        {
            await context.Database.OpenConnectionAsync();
            await using var writer = WorkforceDatabase.CreateBulkWriter(context);
            await writer.BeginAsync(CancellationToken.None);
            foreach (var row in NewRows())
            {
                if (row is Region region)
                {
                    writer.Write(region);
                }
                else
                {
                    writer.Write((Training)row);
                }
            }

            await writer.CompleteAsync(CancellationToken.None);
            Assert.Equal([new SeedTableCount("Regions", 1), new SeedTableCount("Trainings", 2)], writer.Counts);
        }

        Assert.Equal(await viaEf.DumpHashAsync(), await viaWriter.DumpHashAsync());
    }

    [Fact]
    public async Task Recreates_the_migrations_indexes_after_a_load_and_after_a_failed_one()
    {
        await using var database = await SeedTestDatabase.CreateAsync();
        var before = await IndexesAsync(database);
        Assert.NotEmpty(before);

        await database.Seeder.SeedAsync(new SeedOptions { AsOf = new DateOnly(2025, 11, 15) });
        Assert.Equal(before, await IndexesAsync(database));

        await using (var context = await database.Factory.CreateDbContextAsync())
        {
            await context.Database.OpenConnectionAsync();
            await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(async () =>
            {
                await using var writer = WorkforceDatabase.CreateBulkWriter(context);
                await writer.BeginAsync(CancellationToken.None);
                writer.Write(new Region { Id = 1, Code = "110000000000", Name = "北京市", Level = RegionLevel.Province });
            });
        }

        Assert.Equal(before, await IndexesAsync(database));
    }

    private static async Task<List<string>> IndexesAsync(SeedTestDatabase database)
    {
        await using var command = database.Connection.CreateCommand();
        command.CommandText = "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name";
        var indexes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            indexes.Add(reader.GetString(0));
        }

        return indexes;
    }

    private static object[] NewRows() =>
    [
        new Region { Id = 1, Code = "320000000000", Name = "江苏省", Level = RegionLevel.Province },
        new Training
        {
            Id = 1, Code = "TR-32-2025-01", Title = "示范培训", Level = TrainingLevel.Provincial, Kind = TrainingKind.InService, Mode = TrainingMode.Offline,
            OrganizerId = 1, StartDate = new DateOnly(2025, 3, 4), EndDate = new DateOnly(2025, 3, 7), Hours = 22.5m,
        },
        new Training
        {
            Id = 2, Code = "TR-00-2025-01", Title = "网络培训", Level = TrainingLevel.National, Kind = TrainingKind.Special, Mode = TrainingMode.Online,
            StartDate = new DateOnly(2025, 4, 1), EndDate = new DateOnly(2025, 4, 30), Hours = 16m,
        },
    ];
}

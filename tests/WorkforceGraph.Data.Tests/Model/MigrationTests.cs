using Microsoft.EntityFrameworkCore;

namespace WorkforceGraph.Data.Tests.Model;

public sealed class MigrationTests
{
    private static readonly string[] Tables =
    [
        "Assessments", "ChangeLog", "Communities", "GradeRanges", "GradeSchemes", "PiiReadAudits", "Posts", "Regions", "TrainingRecords", "Trainings", "Workers",
    ];

    [Fact]
    public async Task An_empty_database_starts_without_tables()
    {
        await using var database = await MigratedDatabase.CreateEmptyAsync();
        await using var context = database.CreateContext();

        Assert.Empty(await database.StringsAsync("SELECT name FROM sqlite_master WHERE type = 'table'"));
        Assert.NotEmpty(await context.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Migrating_an_empty_database_creates_every_table()
    {
        await using var database = await MigratedDatabase.CreateAsync();

        var tables = await database.StringsAsync(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND substr(name, 1, 4) <> '__EF' ORDER BY name");

        Assert.Equal(Tables, tables);
    }

    [Fact]
    public async Task Every_entity_type_has_its_table_after_migrating()
    {
        await using var database = await MigratedDatabase.CreateAsync();
        await using var context = database.CreateContext();

        var tables = await database.StringsAsync("SELECT name FROM sqlite_master WHERE type = 'table'");
        var mapped = context.Model.GetEntityTypes().Select(e => e.GetTableName()).Distinct().ToList();

        Assert.Equal(Tables.Length, mapped.Count);
        Assert.All(mapped, table => Assert.Contains(table, tables));
    }

    [Fact]
    public async Task Migrating_leaves_no_pending_migration()
    {
        await using var database = await MigratedDatabase.CreateAsync();
        await using var context = database.CreateContext();

        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
    }

    [Theory]
    [InlineData("Regions", "Code")]
    [InlineData("Communities", "Code")]
    [InlineData("Workers", "IdNumber")]
    public async Task Natural_keys_have_a_unique_index(string table, string column)
    {
        await using var database = await MigratedDatabase.CreateAsync();

        var uniqueIndexes = await database.StringsAsync(
            $"SELECT name FROM pragma_index_list('{table}') WHERE \"unique\" = 1 AND origin = 'c'");
        var onColumn = new List<string>();
        foreach (var index in uniqueIndexes)
        {
            var columns = await database.StringsAsync($"SELECT name FROM pragma_index_info('{index}')");
            if (columns.SequenceEqual([column]))
            {
                onColumn.Add(index);
            }
        }

        Assert.Equal([$"IX_{table}_{column}"], onColumn);
    }

    [Fact]
    public async Task The_unique_index_rejects_a_second_region_with_the_same_code()
    {
        await using var database = await MigratedDatabase.CreateAsync();
        await using (var context = database.CreateContext())
        {
            context.Regions.Add(new Regions.Region { Code = "320000000000", Name = "江苏省", Level = Regions.RegionLevel.Province });
            await context.SaveChangesAsync();
        }

        await using (var context = database.CreateContext())
        {
            context.Regions.Add(new Regions.Region { Code = "320000000000", Name = "again", Level = Regions.RegionLevel.Province });
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task Name_search_has_an_index_on_name_then_key_and_the_planner_uses_it_for_a_prefix_in_name_order()
    {
        await using var database = await MigratedDatabase.CreateAsync();

        Assert.Equal(["Name", "Id"], await database.StringsAsync("SELECT name FROM pragma_index_info('IX_Workers_Name_Id') ORDER BY seqno"));
        // startsWith is a range on the column (FilterOperations); with the order by name and key it needs no sort.
        await using var command = database.Connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN SELECT Id FROM Workers WHERE Name >= '王' AND Name < '玌' ORDER BY Name, Id LIMIT 50";
        var details = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                details.Add(reader.GetString(reader.GetOrdinal("detail")));
            }
        }

        var plan = string.Join("\n", details);
        Assert.Contains("IX_Workers_Name_Id", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }
}

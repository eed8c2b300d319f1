using WorkforceGraph.Data.Seeding;

namespace WorkforceGraph.Data.Tests.Seeding;

public sealed class DataSeederDeterminismTests
{
    private static readonly DateOnly AsOf = new(2025, 11, 15);

    [Fact]
    public async Task Same_seed_and_as_of_give_identical_rows()
    {
        var first = await SeedAndHashAsync(new SeedOptions { AsOf = AsOf });
        var second = await SeedAndHashAsync(new SeedOptions { AsOf = AsOf });

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Different_seed_gives_different_rows()
    {
        var first = await SeedAndHashAsync(new SeedOptions { AsOf = AsOf });
        var other = await SeedAndHashAsync(new SeedOptions { AsOf = AsOf, RandomSeed = 7 });

        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Different_as_of_gives_different_rows()
    {
        var first = await SeedAndHashAsync(new SeedOptions { AsOf = AsOf });
        var other = await SeedAndHashAsync(new SeedOptions { AsOf = AsOf.AddDays(1) });

        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Refuses_a_non_empty_database_unless_forced_and_force_replaces_the_rows()
    {
        await using var database = await SeedTestDatabase.CreateAsync();
        await database.Seeder.SeedAsync(new SeedOptions { AsOf = AsOf, RandomSeed = 7 });

        await Assert.ThrowsAsync<InvalidOperationException>(() => database.Seeder.SeedAsync(new SeedOptions { AsOf = AsOf }));
        Assert.Null(await database.Seeder.SeedIfEmptyAsync(new SeedOptions { AsOf = AsOf }));

        await database.Seeder.SeedAsync(new SeedOptions { AsOf = AsOf, Force = true });
        Assert.Equal(await SeedAndHashAsync(new SeedOptions { AsOf = AsOf }), await database.DumpHashAsync());
    }

    private static async Task<string> SeedAndHashAsync(SeedOptions options)
    {
        await using var database = await SeedTestDatabase.CreateAsync();
        await database.Seeder.SeedAsync(options);
        return await database.DumpHashAsync();
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Seeding;
using WorkforceGraph.Data.Tests.Seeding;
using WorkforceGraph.Data.Workers;

namespace WorkforceGraph.Data.Tests.Model;

/// <summary>
/// National callers get contexts whose model has no region-scope filters; scoped callers must always get the
/// filtered model, whatever contexts the two pools handed out before.
/// </summary>
public sealed class ScopeModelTests : IAsyncLifetime
{
    private static readonly RegionScope Nanjing = RegionScope.Parse("3201");

    private SeedTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SeedTestDatabase.CreateAsync();
        await _database.Seeder.SeedAsync(new SeedOptions { Scale = SeedScale.Demo, AsOf = DemoDataFixture.AsOf });
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_national_context_has_no_scope_filters_and_refuses_to_be_narrowed()
    {
        await using var national = _database.ScopedFactory.CreateDbContext(RegionScope.National);
        await using var scoped = _database.ScopedFactory.CreateDbContext(Nanjing);

        Assert.Empty(national.Model.FindEntityType(typeof(Worker))!.GetDeclaredQueryFilters());
        Assert.NotEmpty(scoped.Model.FindEntityType(typeof(Worker))!.GetDeclaredQueryFilters());
        Assert.NotSame(national.Model, scoped.Model);
        Assert.Throws<InvalidOperationException>(() => national.Scope = Nanjing);
        Assert.True(national.Scope.IsNational);
        Assert.Equal(await WorkersUnderAsync(""), await national.Workers.CountAsync());
    }

    [Fact]
    public async Task Scoped_contexts_stay_filtered_while_national_ones_are_reused_from_the_pools()
    {
        var all = await WorkersUnderAsync("");
        var inScope = await WorkersUnderAsync("3201");
        Assert.InRange(inScope, 1, all - 1);

        // Interleaved, so that pooled instances of both kinds are handed out again after use.
        for (var round = 0; round < 5; round++)
        {
            await using (var national = _database.ScopedFactory.CreateDbContext(RegionScope.National))
            {
                Assert.Equal(all, await national.Workers.CountAsync());
            }

            await using (var scoped = _database.ScopedFactory.CreateDbContext(Nanjing))
            {
                Assert.Equal(inScope, await scoped.Workers.CountAsync());
                Assert.All(await scoped.Posts.Select(p => p.Community!.Code).Distinct().ToListAsync(), c => Assert.StartsWith("3201", c, StringComparison.Ordinal));
            }

            // The plain factory's contexts keep the filters, so narrowing them after creation still works.
            await using (var narrowed = _database.Factory.CreateDbContext())
            {
                narrowed.Scope = Nanjing;
                Assert.Equal(inScope, await narrowed.Workers.CountAsync());
                narrowed.Scope = RegionScope.National;
                Assert.Equal(all, await narrowed.Workers.CountAsync());
            }
        }
    }

    [Fact]
    public async Task National_and_scoped_contexts_read_the_same_rows_for_a_national_caller()
    {
        await using var national = _database.ScopedFactory.CreateDbContext(RegionScope.National);
        await using var filtered = _database.Factory.CreateDbContext();

        Assert.Equal(
            await filtered.Posts.OrderBy(p => p.Id).Select(p => new { p.Id, p.WorkerId, p.CommunityId }).ToListAsync(),
            await national.Set<Post>().OrderBy(p => p.Id).Select(p => new { p.Id, p.WorkerId, p.CommunityId }).ToListAsync());
    }

    // Counted in SQL without EF, so without any query filter.
    private async Task<long> WorkersUnderAsync(string prefix)
    {
        await using var command = _database.Connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM Workers AS w LEFT JOIN Communities AS c ON c.Id = w.CommunityId
            WHERE $prefix = '' OR c.Code LIKE $prefix || '%'
            """;
        command.Parameters.Add(new SqliteParameter("$prefix", prefix));
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.GradeSchemes;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Seeding;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Data.Workers;

namespace WorkforceGraph.Data.Tests.Seeding;

/// <summary>
/// The demo data set seeded once into its own database and loaded through EF (which also proves EF reads
/// back what the bulk writer wrote). Read-only: the validity tests only inspect it.
/// </summary>
public sealed class DemoDataFixture : IAsyncLifetime
{
    public static readonly DateOnly AsOf = new(2025, 11, 15);

    public SeedResult Result { get; private set; } = null!;

    public List<Region> Regions { get; private set; } = [];

    public List<Community> Communities { get; private set; } = [];

    public List<Worker> Workers { get; private set; } = [];

    public List<Post> Posts { get; private set; } = [];

    public List<GradeScheme> Schemes { get; private set; } = [];

    public List<Training> Trainings { get; private set; } = [];

    public List<TrainingRecord> TrainingRecords { get; private set; } = [];

    public List<Assessment> Assessments { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await using var database = await SeedTestDatabase.CreateAsync();
        Result = await database.Seeder.SeedAsync(new SeedOptions { Scale = SeedScale.Demo, AsOf = AsOf });
        await using var context = await database.Factory.CreateDbContextAsync();
        Regions = await context.Regions.OrderBy(r => r.Id).ToListAsync();
        Communities = await context.Communities.OrderBy(c => c.Id).ToListAsync();
        Workers = await context.Workers.OrderBy(w => w.Id).ToListAsync();
        Posts = await context.Posts.OrderBy(p => p.Id).ToListAsync();
        Schemes = await context.GradeSchemes.Include(s => s.Ranges).OrderBy(s => s.Id).ToListAsync();
        Trainings = await context.Trainings.OrderBy(t => t.Id).ToListAsync();
        TrainingRecords = await context.TrainingRecords.OrderBy(r => r.Id).ToListAsync();
        Assessments = await context.Assessments.OrderBy(a => a.Id).ToListAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static bool IsCurrent(Post post) => post.StartDate <= AsOf && (post.EndDate is null || post.EndDate >= AsOf);
}

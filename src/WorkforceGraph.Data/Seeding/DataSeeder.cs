using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data.Regions;

namespace WorkforceGraph.Data.Seeding;

/// <summary>
/// Generates the deterministic demo, province or national data set into the database (domain brief,
/// "Demo data"). Refuses a non-empty database unless <see cref="SeedOptions.Force"/> clears it first.
/// </summary>
public sealed class DataSeeder(IDbContextFactory<WorkforceDbContext> contextFactory)
{
    /// <summary>Whether the database holds no regions, communities, workers or schemes.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return !await context.Regions.AnyAsync(cancellationToken)
            && !await context.Communities.AnyAsync(cancellationToken)
            && !await context.Workers.AnyAsync(cancellationToken)
            && !await context.GradeSchemes.AnyAsync(cancellationToken)
            && !await context.Trainings.AnyAsync(cancellationToken);
    }

    /// <summary>Seeds only when the database is empty (first start, <c>Seed:Scale</c>); null when it was not.</summary>
    public async Task<SeedResult?> SeedIfEmptyAsync(SeedOptions options, IProgress<SeedProgress>? progress = null, CancellationToken cancellationToken = default) =>
        await IsEmptyAsync(cancellationToken) ? await SeedAsync(options with { Force = false }, progress, cancellationToken) : null;

    /// <summary>Generates and bulk-writes the data set; the database must be migrated.</summary>
    /// <exception cref="InvalidOperationException">The database is not empty and <see cref="SeedOptions.Force"/> is off.</exception>
    public async Task<SeedResult> SeedAsync(SeedOptions options, IProgress<SeedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        if (!await IsEmptyAsync(cancellationToken))
        {
            if (!options.Force)
            {
                throw new InvalidOperationException("The database already holds data; seed with --force to replace it.");
            }

            await ClearAsync(cancellationToken);
        }

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var writer = new PipelinedBulkWriter(WorkforceDatabase.CreateBulkWriter(context));
            await writer.BeginAsync(cancellationToken);
            var generator = new SeedGenerator(options, writer);
            generator.Layout();
            var total = generator.CountyCount;
            progress?.Report(new SeedProgress(0, total, writer.RowsWritten, stopwatch.Elapsed));
            generator.Run(done => progress?.Report(new SeedProgress(done, total, writer.RowsWritten, stopwatch.Elapsed)), cancellationToken);
            await writer.CompleteAsync(cancellationToken);
            progress?.Report(new SeedProgress(total, total, writer.RowsWritten, stopwatch.Elapsed));
            return new SeedResult(writer.Counts, stopwatch.Elapsed);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Deletes every generated row, children first (provider-neutral set-based deletes).</summary>
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await context.Assessments.ExecuteDeleteAsync(cancellationToken);
        await context.TrainingRecords.ExecuteDeleteAsync(cancellationToken);
        await context.Posts.ExecuteDeleteAsync(cancellationToken);
        await context.Workers.ExecuteDeleteAsync(cancellationToken);
        await context.Trainings.ExecuteDeleteAsync(cancellationToken);
        await context.GradeRanges.ExecuteDeleteAsync(cancellationToken);
        await context.GradeSchemes.ExecuteDeleteAsync(cancellationToken);
        await context.Communities.ExecuteDeleteAsync(cancellationToken);
        // The parent key is ON DELETE RESTRICT, checked row by row: remove regions from the bottom level up.
        foreach (var level in new[] { RegionLevel.Township, RegionLevel.County, RegionLevel.Prefecture, RegionLevel.Province })
        {
            await context.Regions.Where(r => r.Level == level).ExecuteDeleteAsync(cancellationToken);
        }
    }
}

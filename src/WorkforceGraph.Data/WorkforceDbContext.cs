using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.GradeSchemes;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Data.Workers;

namespace WorkforceGraph.Data;

/// <summary>
/// The workforce database. Provider-specific subclasses (<see cref="SqliteWorkforceDbContext"/>) own one
/// migration set each; code depends on this base type only.
/// </summary>
public abstract class WorkforceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Community> Communities => Set<Community>();

    public DbSet<Worker> Workers => Set<Worker>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<GradeScheme> GradeSchemes => Set<GradeScheme>();

    public DbSet<GradeRange> GradeRanges => Set<GradeRange>();

    public DbSet<Training> Trainings => Set<Training>();

    public DbSet<TrainingRecord> TrainingRecords => Set<TrainingRecord>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL, safe against member reordering, same on every provider.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<IdNumber>().HaveConversion<IdNumberConverter>().HaveMaxLength(18);
        configurationBuilder.Properties<decimal>().HavePrecision(9, 2);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkforceDbContext).Assembly);
}

/// <summary>The SQLite flavour (embedded default); owns Migrations/Sqlite.</summary>
public sealed class SqliteWorkforceDbContext(DbContextOptions<SqliteWorkforceDbContext> options) : WorkforceDbContext(options);

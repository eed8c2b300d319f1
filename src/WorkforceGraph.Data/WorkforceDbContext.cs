using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Audit;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.GradeSchemes;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Querying;
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

    public DbSet<PiiReadAudit> PiiReadAudits => Set<PiiReadAudit>();

    public DbSet<ChangeLogEntry> ChangeLog => Set<ChangeLogEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL, safe against member reordering, same on every provider.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<IdNumber>().HaveConversion<IdNumberConverter>().HaveMaxLength(18);
        configurationBuilder.Properties<decimal>().HavePrecision(9, 2);
    }

    /// <summary>
    /// The caller's region scope, applied by query filters to every query of this context (contracts.md): rows
    /// outside it behave as if they did not exist. National unless the request's caller says otherwise; the one
    /// place scope is enforced, so that no field, loader or command can forget it.
    /// </summary>
    public RegionScope Scope
    {
        get;
        set
        {
            if (!HasScopeFilters && !value.IsNational)
            {
                throw new InvalidOperationException(
                    "This context's model has no region-scope filters (national callers only); create a scoped context with IWorkforceDbContextFactory.CreateDbContext(scope).");
            }

            field = value;
            ScopeIsNational = value.IsNational;
            ScopeFrom = value.From;
            ScopeTo = value.To;
            ScopeAncestors = [.. value.AncestorCodes];
        }
    }

    /// <summary>
    /// Whether the model has the region-scope query filters: false only for the contexts handed to national callers
    /// (<see cref="IWorkforceDbContextFactory.CreateDbContext(RegionScope)"/>), which then refuse any other scope.
    /// </summary>
    internal bool HasScopeFilters { get; } = options.FindExtension<UnscopedModelExtension>() is null;

    // The scope as query parameters: EF Core reads these members of the current context for every query.
    internal bool ScopeIsNational { get; private set; } = true;

    internal string ScopeFrom { get; private set; } = "";

    internal string ScopeTo { get; private set; } = "";

    internal string[] ScopeAncestors { get; private set; } = [];

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkforceDbContext).Assembly);
        if (HasScopeFilters)
        {
            AddScopeFilters(modelBuilder);
        }
    }

    private void AddScopeFilters(ModelBuilder modelBuilder)
    {
        // Region scope. Codes compare as ranges [From, To) so that the code indexes serve them. Regions above the
        // scope stay visible (names of one's own province and prefecture); a worker is in scope by the community
        // of record; rules and courses organised above the scope apply within it. Visibility is closed under the
        // non-null references of the schema: a post, an assessment or a training record is visible only when
        // everything it points to is (its worker, its community, its course), so no visible row dangles.
        modelBuilder.Entity<Region>().HasQueryFilter(r =>
            ScopeIsNational
            || (string.Compare(r.Code, ScopeFrom) >= 0 && string.Compare(r.Code, ScopeTo) < 0)
            || ScopeAncestors.Contains(r.Code));
        modelBuilder.Entity<Community>().HasQueryFilter(c =>
            ScopeIsNational || (string.Compare(c.Code, ScopeFrom) >= 0 && string.Compare(c.Code, ScopeTo) < 0));
        modelBuilder.Entity<Worker>().HasQueryFilter(w =>
            ScopeIsNational
            || (w.Community != null && string.Compare(w.Community.Code, ScopeFrom) >= 0 && string.Compare(w.Community.Code, ScopeTo) < 0));
        modelBuilder.Entity<Post>().HasQueryFilter(p =>
            ScopeIsNational
            || (string.Compare(p.Community!.Code, ScopeFrom) >= 0 && string.Compare(p.Community.Code, ScopeTo) < 0
                && p.Worker!.Community != null
                && string.Compare(p.Worker.Community.Code, ScopeFrom) >= 0 && string.Compare(p.Worker.Community.Code, ScopeTo) < 0));
        modelBuilder.Entity<Assessment>().HasQueryFilter(a =>
            ScopeIsNational
            || (string.Compare(a.Community!.Code, ScopeFrom) >= 0 && string.Compare(a.Community.Code, ScopeTo) < 0
                && a.Worker!.Community != null
                && string.Compare(a.Worker.Community.Code, ScopeFrom) >= 0 && string.Compare(a.Worker.Community.Code, ScopeTo) < 0));
        modelBuilder.Entity<TrainingRecord>().HasQueryFilter(t =>
            ScopeIsNational
            || (t.Worker!.Community != null
                && string.Compare(t.Worker.Community.Code, ScopeFrom) >= 0 && string.Compare(t.Worker.Community.Code, ScopeTo) < 0
                && (t.Training!.OrganizerId == null
                    || (string.Compare(t.Training.Organizer!.Code, ScopeFrom) >= 0 && string.Compare(t.Training.Organizer.Code, ScopeTo) < 0)
                    || ScopeAncestors.Contains(t.Training.Organizer.Code))));
        modelBuilder.Entity<GradeScheme>().HasQueryFilter(g =>
            ScopeIsNational
            || (string.Compare(g.Region!.Code, ScopeFrom) >= 0 && string.Compare(g.Region.Code, ScopeTo) < 0)
            || ScopeAncestors.Contains(g.Region.Code));
        modelBuilder.Entity<Training>().HasQueryFilter(t =>
            ScopeIsNational
            || t.OrganizerId == null
            || (string.Compare(t.Organizer!.Code, ScopeFrom) >= 0 && string.Compare(t.Organizer.Code, ScopeTo) < 0)
            || ScopeAncestors.Contains(t.Organizer.Code));
        // Changes to rows of the scope and to the regions above it; empty scope codes (national courses) are everyone's.
        modelBuilder.Entity<ChangeLogEntry>().HasQueryFilter(c =>
            ScopeIsNational
            || c.ScopeCode == ""
            || (string.Compare(c.ScopeCode, ScopeFrom) >= 0 && string.Compare(c.ScopeCode, ScopeTo) < 0)
            || ScopeAncestors.Contains(c.ScopeCode!));
        // The trail of reads made by callers within the scope.
        modelBuilder.Entity<PiiReadAudit>().HasQueryFilter(a =>
            ScopeIsNational || (string.Compare(a.CallerScope, ScopeFrom) >= 0 && string.Compare(a.CallerScope, ScopeTo) < 0));
    }
}

/// <summary>The SQLite flavour (embedded default); owns Migrations/Sqlite.</summary>
public sealed class SqliteWorkforceDbContext(DbContextOptions<SqliteWorkforceDbContext> options) : WorkforceDbContext(options);

/// <summary>The PostgreSQL flavour (production); owns Migrations/Postgres.</summary>
public sealed class PostgresWorkforceDbContext(DbContextOptions<PostgresWorkforceDbContext> options) : WorkforceDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Text compares and sorts by code point on both providers (graphql-conventions.md), whatever the database's
        // default collation: every text column, enums and ID numbers included (they are stored as text), uses "C".
        // With it, B-tree indexes on codes also serve prefix ranges and LIKE 'prefix%'.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (type == typeof(string) || type.IsEnum || type == typeof(IdNumber))
            {
                property.SetCollation("C");
            }
        }

        // National scale (docs/scale.md, EXPLAIN on 1.2M workers). The name index also carries the community, so a
        // name prefix within a region prefix is counted from the index alone.
        var worker = modelBuilder.Entity<Worker>();
        worker.HasIndex(w => new { w.Name, w.Id }).IncludeProperties(w => w.CommunityId);

        // Pages and counts of the minority statuses (probation, left) ordered by birth date, from the index alone. Not
        // for ACTIVE (~90% of workers): a full (Status, BirthDate) index makes the planner walk the birth-date order
        // and probe each worker's community for "active in 3202…, oldest first", 24,000 buffers instead of 3,000 by
        // the communities' code range. The status is a parameter, so only the custom plans (the first five per prepared
        // statement, and whenever the generic plan costs more) can prove the predicate; the generic plan for a minority
        // status costs far more without the index, so PostgreSQL keeps choosing custom plans.
        worker.HasIndex(w => new { w.Status, w.BirthDate, w.Id }).HasFilter("\"Status\" <> 'Active'");

        // name: { contains } (one or two characters of a two- or three-character name): a GIN index over the name's
        // characters, which the Contains translation reads (CharacterIndex; created by the CharacterIndex migration:
        // EF Core models no expression indexes). A B-tree serves no '%明%' and a trigram index no term shorter than 3.
        worker.Property(w => w.Name).HasCharacterIndex();
    }
}

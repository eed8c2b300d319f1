using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WorkforceGraph.Data;

namespace WorkforceGraph.Api.Hosting;

/// <summary>How far the start-up preparation of the database got (migrations, then seeding).</summary>
internal sealed class StartupReadiness
{
    private volatile bool _migrated;
    private volatile bool _seeded;

    public bool Migrated => _migrated;

    public bool Seeded => _seeded;

    public void MarkMigrated() => _migrated = true;

    public void MarkSeeded() => _seeded = true;
}

/// <summary>
/// Ready when start-up applied the migrations and finished seeding, and the database has no pending migration
/// (a database restored from an older backup, or a second instance behind a newer migration, is not ready).
/// </summary>
internal sealed class StartupHealthCheck(StartupReadiness readiness, IDbContextFactory<WorkforceDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.Migrated)
        {
            return HealthCheckResult.Unhealthy("The database migrations have not been applied yet.");
        }

        if (!readiness.Seeded)
        {
            return HealthCheckResult.Unhealthy("Start-up seeding has not finished.");
        }

        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending} database migration(s) are pending.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}

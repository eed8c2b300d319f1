using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WorkforceGraph.Api.Hosting;
using WorkforceGraph.Data;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Api.Tests.Health;

public sealed class HealthTests : IAsyncLifetime
{
    private readonly WorkforceApiFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Body, string? CacheControl)> GetAsync(string path)
    {
        using var response = await _factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Healthz_answers_200_when_the_database_answers()
    {
        var (status, body, cacheControl) = await GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body);
        Assert.Contains("no-store", cacheControl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_answers_200_once_migrations_are_applied_and_seeding_finished()
    {
        var (status, body, _) = await GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task Readyz_answers_503_while_a_migration_is_pending_and_healthz_stays_200()
    {
        await _factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = (SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\")"));

        var (status, body, _) = await GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/healthz")).Status);
    }

    [Fact]
    public async Task The_startup_check_is_unhealthy_until_migrations_and_seeding_are_done()
    {
        var readiness = new StartupReadiness();
        var check = new StartupHealthCheck(readiness, _factory.Services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>());
        var context = new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("startup", check, HealthStatus.Unhealthy, [WorkforceGraphHosting.ReadyTag]),
        };

        var beforeMigrations = await check.CheckHealthAsync(context);
        readiness.MarkMigrated();
        var whileSeeding = await check.CheckHealthAsync(context);
        readiness.MarkSeeded();
        var ready = await check.CheckHealthAsync(context);

        Assert.Equal(HealthStatus.Unhealthy, beforeMigrations.Status);
        Assert.Contains("migrations", beforeMigrations.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, whileSeeding.Status);
        Assert.Contains("seeding", whileSeeding.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, ready.Status);
        Assert.True(_factory.Services.GetRequiredService<StartupReadiness>() is { Migrated: true, Seeded: true });
    }
}

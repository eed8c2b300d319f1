using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkforceGraph.Data;

namespace WorkforceGraph.Testing;

/// <summary>
/// Boots the real host in-process with its own database: a named, shared-cache in-memory SQLite database,
/// migrated by the host's own start-up, kept alive by one open connection, never seeded. Development
/// environment, invariant culture, a pinned clock and logs collected in memory. With <c>WORKFORCE_TEST_PROVIDER=Postgres</c>
/// and <c>WORKFORCE_TEST_POSTGRES</c> set to a server's connection string (no database), each factory gets a fresh
/// PostgreSQL database instead, dropped on dispose (test.sh runs the PostgreSQL lane that way).
/// </summary>
public class WorkforceApiFactory : WebApplicationFactory<Program>
{
    /// <summary>The pinned "now" of every test unless a test sets another: 2025-06-15 10:00 China time.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2025, 6, 15, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The PostgreSQL server of the PostgreSQL test lane, or null for SQLite.</summary>
    public static readonly string? PostgresServer =
        System.Environment.GetEnvironmentVariable("WORKFORCE_TEST_PROVIDER") is "Postgres" && System.Environment.GetEnvironmentVariable("WORKFORCE_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : null;

    private readonly SqliteConnection? _keepAlive;
    private readonly string? _postgresDatabase;

    public WorkforceApiFactory()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        if (PostgresServer is { } server)
        {
            _postgresDatabase = $"wg_test_{Guid.NewGuid():N}";
            ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ConnectionString;
            Provider = DatabaseProvider.Postgres;
            return;
        }

        ConnectionString = $"Data Source=wg-test-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        _keepAlive = new SqliteConnection(ConnectionString);
        _keepAlive.Open();
    }

    public string ConnectionString { get; }

    /// <summary>The provider this factory's host runs on.</summary>
    public DatabaseProvider Provider { get; } = DatabaseProvider.Sqlite;

    public FixedTimeProvider Time { get; } = new(DefaultNow);

    public ConcurrentQueue<CapturedLog> Logs { get; } = new();

    /// <summary>The environment the host runs in (Development unless a test is about production behaviour).</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Extra configuration for this factory's host.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Runs an action on a tracked context of the test database (to build rows).</summary>
    public async Task WithDbAsync(Func<WorkforceDbContext, Task> action)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>();
        await using var db = factory.CreateDbContext();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        await action(db);
        await db.SaveChangesAsync();
    }

    /// <summary>The HMAC key the test hosts sign and check bearer tokens with (never a Development key file).</summary>
    public const string TestSigningKey = "d29ya2ZvcmNlZ3JhcGgtdGVzdC1zaWduaW5nLWtleS0wMTIzNDU2Nzg5YWJjZGVm";

    /// <summary>A GraphQL client for this host; with a token, every request carries it as a bearer token.</summary>
    public GraphQLHttpClient GraphQL(string? token = null)
    {
        var http = CreateClient();
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return new GraphQLHttpClient(http);
    }

    /// <summary>A token for this host as the <c>token</c> command would mint it, valid for an hour from the pinned clock's real now.</summary>
    public static string Token(string role, string region, params string[] scopes) => TokenFor($"test-{role}-{region}", role, region, scopes);

    /// <summary>A token with an explicit subject.</summary>
    public static string TokenFor(string subject, string role, string region, params string[] scopes)
    {
        if (!WorkforceGraph.Features.Security.WorkforceClaims.TryParseRole(role, out var parsed))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }

        var caller = new WorkforceGraph.Features.Security.Caller(
            subject, parsed, WorkforceGraph.Data.Regions.RegionScope.Parse(region), scopes.ToHashSet(StringComparer.Ordinal));
        var settings = new WorkforceGraph.Api.Security.AuthSettings(
            Convert.FromBase64String(TestSigningKey), WorkforceGraph.Api.Security.AuthSettings.DefaultIssuer, WorkforceGraph.Api.Security.AuthSettings.DefaultIssuer);
        return WorkforceGraph.Api.Security.TokenIssuer.Issue(settings, caller, TimeSpan.FromHours(1));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Workforce", ConnectionString);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Seed:Scale", "none");
        builder.UseSetting("Auth:SigningKey", TestSigningKey);
        // Off unless a test is about it: a test class sends far more than a caller's minute of requests.
        builder.UseSetting("RateLimiting:RequestsPerMinute", "0");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _keepAlive?.Dispose();
            DropPostgresDatabase();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _keepAlive?.Dispose();
        DropPostgresDatabase();
        GC.SuppressFinalize(this);
    }

    private void DropPostgresDatabase()
    {
        if (_postgresDatabase is null || PostgresServer is null)
        {
            return;
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        using var connection = new Npgsql.NpgsqlConnection(PostgresServer);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE);";
        command.ExecuteNonQuery();
    }
}

/// <summary>A clock tests pin and move.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>One captured log entry, formatted.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, string? Exception);

internal sealed class CapturingLoggerProvider(ConcurrentQueue<CapturedLog> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, sink);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLog> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), exception?.ToString()));
    }
}

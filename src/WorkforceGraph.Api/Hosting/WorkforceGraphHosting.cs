using System.IO.Compression;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Api.Security;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Seeding;
using WorkforceGraph.Features;
using WorkforceGraph.Features.Common;
using WorkforceGraph.Features.Security;
using WorkforceGraph.GraphQL.Conventions.Diagnostics;
using WorkforceGraph.GraphQL.Conventions.Http;
using WorkforceGraph.GraphQL.Conventions.PersistedOperations;

namespace WorkforceGraph.Api.Hosting;

/// <summary>The host's table of contents: services, start-up database preparation, endpoints.</summary>
internal static partial class WorkforceGraphHosting
{
    /// <summary>The URL served when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says otherwise (contracts.md).</summary>
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>Health check tag: part of <c>/healthz</c> (the service and its database answer).</summary>
    public const string LiveTag = "live";

    /// <summary>Health check tag: part of <c>/readyz</c> (also migrations applied and start-up seeding finished).</summary>
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddWorkforceGraph(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Defaults live in code (the content root differs between dotnet run, a published build and tests);
        // Logging:LogLevel settings in configuration still override them.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // ASP.NET Core's own request lines carry the full URL, query string (a GET's document and variables)
        // included; RequestLogging writes the one line per request instead.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        if (!builder.Environment.IsDevelopment() && string.IsNullOrEmpty(builder.Configuration["Logging:Console:FormatterName"]))
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
            });
        }

        builder.AddWorkforceTelemetry();
        builder.Services.AddWorkforceDatabase(builder.Configuration, withSqlDiagnostics: true);
        // Security first: its request configurator refuses anonymous calls before any other runs.
        builder.AddWorkforceSecurity();
        // Operations by id and APQ, after authentication; under GraphQL:PersistedOperations:Only administrators may
        // still send text (the IDE).
        builder.Services.AddPersistedOperations(options => options.MayRunAnyOperation =
            user => Caller.TryFrom(user, out var caller, out _) && caller.Role == WorkforceRole.Admin);
        builder.Services.AddWorkforceSchema(builder.Configuration);
        builder.Services.AddSqlDiagnostics();
        builder.Services.AddSingleton<StartupReadiness>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [LiveTag, ReadyTag])
            .AddCheck<StartupHealthCheck>("startup", tags: [ReadyTag]);
        builder.Services.AddResponseCompression(options =>
        {
            // Bearer tokens, not cookies, authenticate: a cross-site page cannot make the browser send an
            // authenticated request, so compressing HTTPS responses does not open BREACH-style guessing.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/graphql-response+json"];
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return builder;
    }

    /// <summary>Applies migrations, then seeds an empty database with <c>Seed:Scale</c> (default demo).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        var readiness = app.Services.GetRequiredService<StartupReadiness>();
        readiness.MarkMigrated();

        var setting = app.Configuration["Seed:Scale"];
        if (!SeedOptions.TryParseScaleSetting(setting, out var scale))
        {
            throw new InvalidOperationException($"Seed:Scale must be none, demo, province or national, not '{setting}'.");
        }

        if (scale is not null)
        {
            var today = app.Services.GetRequiredService<WorkforceClock>().Today;
            var seeded = await app.Services.GetRequiredService<DataSeeder>()
                .SeedIfEmptyAsync(new SeedOptions { Scale = scale.Value, AsOf = today });
            if (seeded is not null)
            {
                LogSeeded(app.Logger, scale.Value, seeded.TotalRows, seeded.Elapsed.TotalSeconds);
            }
        }

        readiness.MarkSeeded();
    }

    public static WebApplication MapWorkforceGraph(this WebApplication app)
    {
        app.UseWorkforceRequestLogging();
        app.UseResponseCompression();
        app.UseWorkforceSecurity();
        app.MapGraphQLEndpoint("/graphql").RequireRateLimiting(SecuritySetup.RateLimitPolicy);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
            {
                LogIde(app.Logger, url, "/graphql");
            }
        });
        return app;
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Seeded the empty database with the {Scale} data set: {Rows} rows in {Seconds:F1} s")]
    private static partial void LogSeeded(ILogger logger, SeedScale scale, long rows, double seconds);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "WorkforceGraph is serving GraphQL and the Banana Cake Pop IDE at {BaseUrl}{Path}")]
    private static partial void LogIde(ILogger logger, string baseUrl, string path);
}

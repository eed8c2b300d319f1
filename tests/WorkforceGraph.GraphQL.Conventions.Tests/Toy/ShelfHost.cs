using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkforceGraph.GraphQL.Conventions.Batching;
using WorkforceGraph.GraphQL.Conventions.Diagnostics;
using WorkforceGraph.GraphQL.Conventions.Http;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Toy;

// A toy schema backed by EF Core on in-memory SQLite, for the SQL diagnostics: a list field that queries
// the database and a to-one reference served by a batch loader (awaited by GraphQL.NET after the level).

public sealed class Shelf
{
    public int Id { get; set; }

    public required string Label { get; set; }
}

public sealed class Volume
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public int ShelfId { get; set; }
}

public sealed class ShelfDbContext(DbContextOptions<ShelfDbContext> options) : DbContext(options)
{
    public DbSet<Shelf> Shelves => Set<Shelf>();

    public DbSet<Volume> Volumes => Set<Volume>();
}

public sealed class ShelfSchema : Schema
{
    public ShelfSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<ShelfQuery>();
    }
}

public sealed class ShelfGraphType : ObjectGraphType<Shelf>
{
    public ShelfGraphType()
    {
        Name = "Shelf";
        Field(s => s.Id);
        Field(s => s.Label);
    }
}

public sealed class VolumeGraphType : ObjectGraphType<Volume>
{
    public VolumeGraphType()
    {
        Name = "Volume";
        Field(v => v.Id);
        Field(v => v.Title);
        Field<NonNullGraphType<ShelfGraphType>>("shelf").Resolve(ctx =>
        {
            var factory = ctx.RequestServices!.GetRequiredService<IDbContextFactory<ShelfDbContext>>();
            var loader = ctx.RequestServices!.GetRequiredService<BatchLoaderRegistry>().GetOrAdd<int, Shelf?>(
                "shelf",
                async (ids, cancellationToken) =>
                {
                    await using var db = await factory.CreateDbContextAsync(cancellationToken);
                    return await db.Shelves.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => (Shelf?)s, cancellationToken);
                },
                null);
            return loader.Load(ctx.Source.ShelfId);
        });
    }
}

public sealed class ShelfQuery : ObjectGraphType
{
    public ShelfQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VolumeGraphType>>>>("volumes").ResolveAsync(async ctx =>
        {
            var factory = ctx.RequestServices!.GetRequiredService<IDbContextFactory<ShelfDbContext>>();
            await using var db = await factory.CreateDbContextAsync(ctx.CancellationToken);
            return await db.Volumes.OrderBy(v => v.Id).ToListAsync(ctx.CancellationToken);
        });
    }
}

/// <summary>A web host serving <see cref="ShelfSchema"/> over its own in-memory SQLite database, with SQL diagnostics.</summary>
public sealed class ShelfHost : IAsyncDisposable
{
    private readonly SqliteConnection _keepAlive;

    private ShelfHost(WebApplication app, SqliteConnection keepAlive)
    {
        App = app;
        _keepAlive = keepAlive;
    }

    public WebApplication App { get; }

    public static async Task<ShelfHost> StartAsync(string environment)
    {
        var connectionString = $"Data Source=shelf-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        var keepAlive = new SqliteConnection(connectionString);
        await keepAlive.OpenAsync();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseKestrelCore().UseTestServer();
        builder.Services.AddRoutingCore();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPooledDbContextFactory<ShelfDbContext>(options => options
            .UseSqlite(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddSqlDiagnostics());
        builder.Services.AddScoped<BatchLoaderRegistry>();
        builder.Services.AddGraphQLHttp();
        builder.Services.AddGraphQL(b => b.AddSchema<ShelfSchema>().AddGraphTypes(typeof(ShelfSchema).Assembly));
        builder.Services.AddSqlDiagnostics();

        var app = builder.Build();
        app.UseRouting();
        app.MapGraphQLEndpoint();

        var factory = app.Services.GetRequiredService<IDbContextFactory<ShelfDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.EnsureCreatedAsync();
            db.Shelves.AddRange(new Shelf { Id = 1, Label = "A" }, new Shelf { Id = 2, Label = "B" });
            db.Volumes.AddRange(
                new Volume { Id = 1, Title = "One", ShelfId = 1 },
                new Volume { Id = 2, Title = "Two", ShelfId = 2 },
                new Volume { Id = 3, Title = "Three", ShelfId = 1 });
            await db.SaveChangesAsync();
        }

        await app.StartAsync();
        return new ShelfHost(app, keepAlive);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await _keepAlive.DisposeAsync();
    }
}

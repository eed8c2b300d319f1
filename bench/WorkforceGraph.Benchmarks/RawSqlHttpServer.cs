using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WorkforceGraph.Benchmarks;

/// <summary>
/// The like-for-like baseline: the hand-written SQL of <see cref="RawSqlDashboard"/> served over HTTP by a minimal
/// ASP.NET Core endpoint on Kestrel, hosted by the harness on loopback (a port the OS picks). It takes the very
/// request the GraphQL endpoint takes (a POST of <c>{"query": …}</c> as <c>application/json</c>), reads and parses
/// the body, picks the SQL paired with that query text in <see cref="DashboardQueries"/>, and answers the same JSON
/// bytes with the same content type. No parsing of GraphQL, no validation, no authentication, no rate limiter: it is
/// what the page costs over HTTP when every line is written by hand for it.
/// </summary>
internal sealed class RawSqlHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RawSqlHttpServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The endpoint to POST to.</summary>
    public Uri Endpoint { get; }

    public static async Task<RawSqlHttpServer> StartAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var raw = new RawSqlDashboard(database);
        var byQuery = DashboardQueries.All.ToDictionary(q => q.GraphQL, StringComparer.Ordinal);
        app.MapPost("/sql", async context =>
        {
            using var request = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (!request.RootElement.TryGetProperty("query", out var text) || text.GetString() is not { } query
                || !byQuery.TryGetValue(query, out var dashboard))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            byte[] body;
            // RawSqlDashboard is not thread-safe (its enum-name memo); the baseline is measured sequentially.
            lock (raw)
            {
                body = raw.Run(dashboard);
            }

            context.Response.ContentType = "application/graphql-response+json; charset=utf-8";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new BenchmarkException("the raw-SQL HTTP baseline did not report the address it listens on.");
        var endpoint = new Uri(address.TrimEnd('/') + "/sql");
        Console.WriteLine($"baseline: hand-written SQL over HTTP at {endpoint}");
        return new RawSqlHttpServer(app, endpoint);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using System.Security.Claims;
using GraphQL;
using GraphQL.DI;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkforceGraph.GraphQL.Conventions.Http;
using WorkforceGraph.GraphQL.Conventions.Limits;
using WorkforceGraph.GraphQL.Conventions.Tests.Http;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Limits;

/// <summary>
/// The toy books (Book.author ↔ Author.books recurse) plus what the generic limits need: a batch lookup declared
/// with <see cref="FieldCost.BatchOf{TSource, TReturn}"/> and a slow field.
/// </summary>
public sealed class LimitsQuery : ObjectGraphType
{
    public LimitsQuery()
    {
        Name = "Query";
        Field<BookGraphType>("book")
            .Argument<NonNullGraphType<IntGraphType>>("id", "The id.")
            .Resolve(ctx => Library.Books.SingleOrDefault(b => b.Id == ctx.GetArgument<int>("id")));
        Field<NonNullGraphType<ListGraphType<BookGraphType>>>("lookup")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("ids", "Book ids.")
            .BatchOf("ids")
            .Resolve(ctx => ctx.GetArgument<List<int>>("ids").Select(id => Library.Books.SingleOrDefault(b => b.Id == id)).ToList());
        Field<StringGraphType>("slow")
            .ResolveAsync(async ctx =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10), ctx.CancellationToken);
                return "late";
            });
    }
}

public sealed class LimitsSchema : Schema
{
    public LimitsSchema(IServiceProvider services, LimitsQuery query)
        : base(services)
    {
        Query = query;
    }
}

/// <summary>
/// A document cache that behaves as GraphQL.NET's <c>MemoryDocumentCache</c> (GraphQL.MemoryCache): on a hit it
/// reuses the parsed document and runs only <see cref="ExecutionOptions.CachedDocumentValidationRules"/>.
/// </summary>
public sealed class TestDocumentCache : IConfigureExecution
{
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);
    private int _hits;

    public int Hits => _hits;

    // Before the server's own ValidatedDocumentCache (200), so that this one sees and counts the hits.
    public float SortOrder => 100;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is null)
        {
            return await next(options);
        }

        var query = options.Query;
        if (_documents.TryGetValue(query, out var cached))
        {
            Interlocked.Increment(ref _hits);
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
        }

        var result = await next(options);
        if (result.Executed && cached is null && result.Document is not null)
        {
            _documents[query] = result.Document;
        }

        return result;
    }
}

public static class LimitsHost
{
    /// <summary>A header that makes the caller authenticated (what a bearer token does in the real host).</summary>
    public const string TestUserHeader = "X-Test-User";

    public static async Task<GraphQLHttpClient> StartAsync(
        IDictionary<string, string>? settings = null, string environment = "Production", TestDocumentCache? cache = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseKestrelCore().UseTestServer();
        builder.Services.AddRoutingCore();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.Configuration[key] = value;
        }

        builder.Services.AddGraphQLHttp();
        builder.Services.AddSingleton<LimitsQuery>();
        builder.Services.AddGraphQL(b => b
            .AddSchema<LimitsSchema>()
            .AddGraphTypes(typeof(BookSchema).Assembly));
        if (cache is not null)
        {
            builder.Services.AddSingleton<IConfigureExecution>(cache);
        }

        var app = builder.Build();
        app.UseRouting();
        app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue(TestUserHeader, out var name))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", name.ToString())], "Test"));
            }

            return next(context);
        });
        app.MapGraphQLEndpoint();
        return await GraphQLHttpClient.StartAsync(app);
    }

    public static Task<HttpExchange> PostAsync(this GraphQLHttpClient client, string query, object? variables = null, string? user = null, string? cost = null)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?> { ["query"] = query, ["variables"] = variables });
        return client.SendAsync(HttpMethod.Post, "/graphql", GraphQLHttpClient.GraphQLResponseJson, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), request =>
        {
            if (user is not null)
            {
                request.Headers.TryAddWithoutValidation(TestUserHeader, user);
            }

            if (cost is not null)
            {
                request.Headers.TryAddWithoutValidation("GraphQL-Cost", cost);
            }
        });
    }

    /// <summary>Asserts a 200 without errors, showing the body otherwise.</summary>
    public static void AssertRan(this HttpExchange response) =>
        Assert.True(response.Status == 200 && response.Body?["errors"] is null, $"{response.Status}: {response.Body}");

    /// <summary>The first error's code, or null when the response has no errors.</summary>
    public static string? Code(this HttpExchange response) => response.Body?["errors"]?[0]?["extensions"]?["code"]?.ToString();

    /// <summary><c>{ book(id: 1) { author { books { author … { id } } } } }</c>: <paramref name="depth"/> fields on the path, leaf included.</summary>
    public static string Nested(int depth)
    {
        var open = new System.Text.StringBuilder("{ book(id: 1) ");
        var close = new System.Text.StringBuilder();
        for (var level = 2; level < depth; level++)
        {
            open.Append("{ ").Append(level % 2 == 0 ? "author " : "books ");
            close.Append("} ");
        }

        return open.Append("{ id } ").Append(close).Append('}').ToString();
    }
}

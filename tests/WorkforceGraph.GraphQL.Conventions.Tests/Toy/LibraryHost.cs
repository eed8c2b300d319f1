using System.Text;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WorkforceGraph.GraphQL.Conventions.Batching;
using WorkforceGraph.GraphQL.Conventions.Diagnostics;
using WorkforceGraph.GraphQL.Conventions.Filtering;
using WorkforceGraph.GraphQL.Conventions.Http;
using WorkforceGraph.GraphQL.Conventions.NodeIds;
using WorkforceGraph.GraphQL.Conventions.Paging;
using WorkforceGraph.GraphQL.Conventions.Sorting;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Toy.Catalog;

// A toy library (authors 1—n books) on the generic layer — EntityGraphType, AddConnection, filtering, sorting,
// keyset paging — wired as WorkforceGraph.Features wires its schema, over in-memory SQLite. No domain types.

/// <summary>Declared in this order on purpose: declaration order (Poetry &lt; Drama &lt; Novel) is not alphabetical.</summary>
public enum Genre
{
    Poetry,
    Drama,
    Novel,
}

public sealed class Author
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public int? BirthYear { get; set; }

    public decimal Rating { get; set; }

    public bool Active { get; set; }

    public DateOnly Since { get; set; }

    public Genre Genre { get; set; }

    public string? Nickname { get; set; }

    public List<Book> Books { get; set; } = [];
}

public sealed class Book
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public int Pages { get; set; }

    public DateOnly Published { get; set; }

    public int AuthorId { get; set; }

    public Author? Author { get; set; }
}

public sealed class LibraryDbContext(DbContextOptions<LibraryDbContext> options) : DbContext(options)
{
    public DbSet<Author> Authors => Set<Author>();

    public DbSet<Book> Books => Set<Book>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // As WorkforceDbContext: enums stored by name, so a naive ORDER BY would be alphabetical.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Author>().Property(a => a.Id).ValueGeneratedNever();
        modelBuilder.Entity<Book>().Property(b => b.Id).ValueGeneratedNever();
        modelBuilder.Entity<Book>().HasOne(b => b.Author).WithMany(a => a.Books).HasForeignKey(b => b.AuthorId);
    }
}

public sealed class GenreGraphType : EnumerationGraphType<Genre>
{
    public GenreGraphType()
    {
        Name = "Genre";
        Description = "Literary genre.";
    }
}

public sealed class AuthorGraphType : EntityGraphType<Author>
{
    public AuthorGraphType()
        : base("Author", "A writer.")
    {
        Column(a => a.Name).Description("Name.");
        Column(a => a.BirthYear, nullable: true).Description("Year of birth; null when unknown.");
        Column(a => a.Rating).Description("Average rating.");
        Column(a => a.Active).Description("Still published.");
        Column(a => a.Since).Description("In the catalogue since.");
        Column(a => a.Genre, type: typeof(NonNullGraphType<GenreGraphType>)).Description("Main genre.");
        Column(a => a.Nickname, nullable: true).Description("Pen name; null when none.");
        Children<BookGraphType, Book>("books", a => a.Books, b => b.AuthorId, filterable: true, sortable: true).Description("Books written.");
        Computed("bookCount", _ => (System.Linq.Expressions.Expression<Func<Author, int>>)(a => a.Books.Count), typeof(NonNullGraphType<IntGraphType>))
            .Description("Books written (computed in SQL).");
        Computed("longBooks", services => LongBooks(services.GetRequiredService<LongBookThreshold>().Pages), typeof(NonNullGraphType<IntGraphType>))
            .Description("Books of at least the request's threshold of pages (an expression built from a request service).");
        ComputedReference<BookGraphType, Book>(
                "latestBook",
                _ => a => a.Books.OrderByDescending(b => b.Published).ThenBy(b => b.Id).FirstOrDefault(),
                _ => a => a.Books.OrderByDescending(b => b.Published).ThenBy(b => b.Id).Select(b => (int?)b.Id).FirstOrDefault())
            .Description("The most recently published book; null when none.");
        ConnectionOver<BookGraphType, Book>("bookPage", a => a.Books, b => b.AuthorId).Description("Books written, as a connection.");

        // No navigation: books match by a computed key whose expression depends on the parent (its nickname's length).
        ConnectionByKey<BookGraphType, Book, string>(
                "namesakeBooks",
                a => a.Nickname is { } nickname ? (nickname.Length, nickname) : null,
                length => b => b.Title.Substring(0, length),
                requiredColumns: ["Id", "Nickname"])
            .Description("Books by anyone whose title starts with the author's nickname.");
    }

    private static System.Linq.Expressions.Expression<Func<Author, int>> LongBooks(int pages) => a => a.Books.Count(b => b.Pages >= pages);
}

/// <summary>A request service a computed field reads (as WorkforceGraph's rules read the clock).</summary>
public sealed class LongBookThreshold
{
    public int Pages { get; set; } = 300;
}

public sealed class BookGraphType : EntityGraphType<Book>
{
    public BookGraphType()
        : base("Book", "A book.")
    {
        Column(b => b.Title).Description("Title.");
        Column(b => b.Pages).Description("Number of pages.");
        Column(b => b.Published).Description("Publication date.");
        Reference<AuthorGraphType, Author>("author", b => b.Author, b => b.AuthorId, nullable: false).Description("The author.");
    }
}

public sealed class LibraryQuery : ObjectGraphType<object>
{
    public LibraryQuery()
    {
        Name = "Query";
        this.AddConnection<AuthorGraphType, Author>("authors", "Authors.", db => db.Set<Author>());
        this.AddConnection<BookGraphType, Book>("books", "Books.", db => db.Set<Book>());
    }
}

public sealed class LibrarySchema : Schema
{
    public LibrarySchema(IServiceProvider services, LibraryQuery query)
        : base(services)
    {
        Query = query;
    }
}

internal sealed class LibraryDbContextSource(IDbContextFactory<LibraryDbContext> factory) : IDbContextSource
{
    public DbContext CreateDbContext() => factory.CreateDbContext();
}

/// <summary>The seeded rows; tests evaluate predicates over them in memory.</summary>
public static class LibrarySeed
{
    private static readonly Author[] AuthorRows =
    [
        A(1, "abc", 1950, 4.5m, true, "2001-03-01", Genre.Poetry, null),
        A(2, "ABC", 1960, 3.25m, false, "2005-06-15", Genre.Drama, "Al"),
        A(3, "Abc", null, 4.5m, true, "2010-01-01", Genre.Novel, "al"),
        A(4, "Émile", 1840, 5.0m, true, "1999-12-31", Genre.Novel, "Em"),
        A(5, "Zoë", 1990, 2.0m, false, "2020-02-29", Genre.Poetry, null),
        A(6, "zed", 1975, 3.0m, true, "2015-07-04", Genre.Drama, "Z"),
        A(7, "Mary Ann", 1819, 4.75m, true, "2001-03-01", Genre.Novel, "George"),
        A(8, "mary", null, 1.5m, false, "2012-05-05", Genre.Poetry, ""),
        A(9, "Brontë", 1816, 4.0m, true, "2003-03-03", Genre.Novel, "Currer"),
        A(10, "Basho", 1644, 4.9m, true, "1990-01-01", Genre.Poetry, "Tosei"),
        A(11, "Ibsen", 1828, 3.9m, false, "1995-05-05", Genre.Drama, null),
        A(12, "Chekhov", 1860, 4.2m, true, "1998-08-08", Genre.Drama, "Antosha"),
        A(13, "Austen", 1775, 4.8m, true, "2001-03-01", Genre.Novel, null),
        A(14, "Li Bai", 1701, 4.6m, true, "1980-09-09", Genre.Poetry, "Taibai"),
        A(15, "Sappho", null, 4.4m, false, "1970-01-01", Genre.Poetry, null),
        A(16, "Molière", 1622, 4.1m, true, "1985-11-11", Genre.Drama, "Poquelin"),
        A(17, "Tolstoy", 1828, 4.3m, true, "2001-03-01", Genre.Novel, "Leo"),
        A(18, "Austen", 1775, 3.0m, false, "2007-07-07", Genre.Novel, "Jane"),
        A(19, "%_like", 2000, 1.0m, true, "2021-01-01", Genre.Drama, "x%y"),
        A(20, "O'Neill", 1888, 3.5m, true, "1996-06-06", Genre.Drama, null),
    ];

    private static readonly Book[] BookRows =
    [
        B(1, "Leaves", 120, "1955-01-01", 1),
        B(2, "leaves", 120, "1956-01-01", 1),
        B(3, "Drama One", 300, "1965-02-02", 2),
        B(4, "Novel A", 450, "2012-03-03", 3),
        B(5, "Nana", 320, "1880-04-04", 4),
        B(6, "Zed's Play", 90, "1999-05-05", 6),
        B(7, "Middlemarch", 880, "1871-12-01", 7),
        B(8, "Silas Marner", 250, "1861-04-02", 7),
        B(9, "Jane Eyre", 500, "1847-10-16", 9),
        B(10, "Narrow Road", 120, "1702-01-01", 10),
        B(11, "Frogs", 40, "1686-01-01", 10),
        B(12, "A Doll's House", 120, "1879-12-21", 11),
        B(13, "Ghosts", 200, "1881-01-01", 11),
        B(14, "The Seagull", 120, "1896-10-17", 12),
        B(15, "Three Sisters", 140, "1901-01-31", 12),
        B(16, "Emma", 474, "1815-12-23", 13),
        B(17, "Persuasion", 250, "1817-12-20", 13),
        B(18, "Quiet Night", 10, "1750-01-01", 14),
        B(19, "Tartuffe", 120, "1664-05-12", 16),
        B(20, "The Misanthrope", 160, "1666-06-04", 16),
        B(21, "War and Peace", 1225, "1869-01-01", 17),
        B(22, "Anna Karenina", 864, "1878-01-01", 17),
        B(23, "Sanditon", 120, "1925-01-01", 18),
        B(24, "The Iceman", 260, "1946-10-09", 20),
        B(25, "Mary's Poems", 60, "2015-01-01", 6),
    ];

    /// <summary>Fresh copies of the authors, each with its books (and each book with its author).</summary>
    public static IReadOnlyList<Author> Authors()
    {
        var authors = AuthorRows.Select(Copy).ToList();
        foreach (var book in BookRows)
        {
            var author = authors.Single(a => a.Id == book.AuthorId);
            var copy = Copy(book);
            copy.Author = author;
            author.Books.Add(copy);
        }

        return authors;
    }

    /// <summary>Fresh copies of the books, each with its author.</summary>
    public static IReadOnlyList<Book> Books() => [.. Authors().SelectMany(a => a.Books).OrderBy(b => b.Id)];

    internal static async Task SeedAsync(LibraryDbContext db)
    {
        db.Authors.AddRange(AuthorRows.Select(Copy));
        db.Books.AddRange(BookRows.Select(Copy));
        await db.SaveChangesAsync();
    }

    private static Author Copy(Author a) => new()
    {
        Id = a.Id,
        Name = a.Name,
        BirthYear = a.BirthYear,
        Rating = a.Rating,
        Active = a.Active,
        Since = a.Since,
        Genre = a.Genre,
        Nickname = a.Nickname,
    };

    private static Book Copy(Book b) => new() { Id = b.Id, Title = b.Title, Pages = b.Pages, Published = b.Published, AuthorId = b.AuthorId };

    private static Author A(int id, string name, int? birthYear, decimal rating, bool active, string since, Genre genre, string? nickname) => new()
    {
        Id = id,
        Name = name,
        BirthYear = birthYear,
        Rating = rating,
        Active = active,
        Since = DateOnly.Parse(since, System.Globalization.CultureInfo.InvariantCulture),
        Genre = genre,
        Nickname = nickname,
    };

    private static Book B(int id, string title, int pages, string published, int authorId) => new()
    {
        Id = id,
        Title = title,
        Pages = pages,
        Published = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
        AuthorId = authorId,
    };
}

/// <summary>
/// A web host serving <see cref="LibrarySchema"/> over its own in-memory SQLite database (one per host), seeded
/// with <see cref="LibrarySeed"/>, in Development so that <c>X-Diagnostics: sql</c> works.
/// </summary>
public sealed class LibraryHost : IAsyncDisposable
{
    private readonly SqliteConnection _keepAlive;
    private readonly HttpClient _client;

    private LibraryHost(WebApplication app, SqliteConnection keepAlive)
    {
        App = app;
        _keepAlive = keepAlive;
        _client = app.GetTestClient();
    }

    public WebApplication App { get; }

    /// <summary>The HTTP status of the last <see cref="PostAsync"/>.</summary>
    public int LastStatus { get; private set; }

    public static async Task<LibraryHost> StartAsync(Action<WebApplicationBuilder>? configure = null)
    {
        var connectionString = $"Data Source=library-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        var keepAlive = new SqliteConnection(connectionString);
        await keepAlive.OpenAsync();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseKestrelCore().UseTestServer();
        builder.Services.AddRoutingCore();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPooledDbContextFactory<LibraryDbContext>(options => options
            .UseSqlite(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddSqlDiagnostics());

        // As WorkforceGraphQLServices.AddWorkforceSchema.
        builder.Services.AddScoped<BatchLoaderRegistry>();
        builder.Services.AddSingleton<IDbContextSource, LibraryDbContextSource>();
        builder.Services.Configure<PagingOptions>(_ => { });
        builder.Services.Configure<FilterOptions>(_ => { });
        builder.Services.AddGraphQLHttp();
        builder.Services.AddSingleton(typeof(ConnectionGraphType<>));
        builder.Services.AddSingleton(typeof(EdgeGraphType<>));
        builder.Services.AddSingleton(typeof(FilterInputGraphType<>));
        builder.Services.AddSingleton(typeof(ListFilterInputGraphType<>));
        builder.Services.AddSingleton(typeof(EnumOperationFilterInputGraphType<>));
        builder.Services.AddSingleton(typeof(SortInputGraphType<>));
        builder.Services.AddSingleton<LibraryQuery>();
        builder.Services.AddGraphQL(b => b
            .AddSchema<LibrarySchema>()
            .AddGraphTypes(typeof(LibrarySchema).Assembly)
            .AddGraphTypes(typeof(NodeInterfaceGraphType).Assembly));
        builder.Services.AddSqlDiagnostics();
        builder.Services.AddSingleton<LongBookThreshold>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseRouting();
        app.MapGraphQLEndpoint();

        var factory = app.Services.GetRequiredService<IDbContextFactory<LibraryDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.EnsureCreatedAsync();
            await LibrarySeed.SeedAsync(db);
        }

        await app.StartAsync();
        return new LibraryHost(app, keepAlive);
    }

    /// <summary>Runs <paramref name="change"/> on a fresh context and saves.</summary>
    public async Task ChangeAsync(Action<LibraryDbContext> change)
    {
        var factory = App.Services.GetRequiredService<IDbContextFactory<LibraryDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        change(db);
        await db.SaveChangesAsync();
    }

    /// <summary>Posts a query; returns the parsed body (dates and numbers kept as their JSON text).</summary>
    public async Task<JObject> PostAsync(string query, object? variables = null, bool sqlDiagnostics = false, string? cost = null)
    {
        var text = await PostRawAsync(query, variables, sqlDiagnostics, cost);
        return JsonConvert.DeserializeObject<JObject>(text, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal })
            ?? throw new InvalidOperationException("Empty response: " + text);
    }

    /// <summary>Posts a query; returns the body exactly as the server wrote it.</summary>
    public async Task<string> PostRawAsync(string query, object? variables = null, bool sqlDiagnostics = false, string? cost = null)
    {
        var payload = new JObject { ["query"] = query };
        if (variables is not null)
        {
            payload["variables"] = JObject.FromObject(variables);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(payload.ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json");
        if (sqlDiagnostics)
        {
            request.Headers.TryAddWithoutValidation("X-Diagnostics", "sql");
        }

        if (cost is not null)
        {
            request.Headers.TryAddWithoutValidation("GraphQL-Cost", cost);
        }

        using var response = await _client.SendAsync(request);
        LastStatus = (int)response.StatusCode;
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a query that must succeed; returns <c>data</c>.</summary>
    public async Task<JToken> DataAsync(string query, object? variables = null)
    {
        var body = await PostAsync(query, variables);
        Assert.True(body["errors"] is null, body.ToString());
        return body["data"]!;
    }

    /// <summary>Posts a query that must fail with one error; returns its <c>extensions.code</c>.</summary>
    public async Task<string?> ErrorCodeAsync(string query, object? variables = null)
    {
        var body = await PostAsync(query, variables);
        var errors = body["errors"] as JArray;
        Assert.True(errors is { Count: > 0 }, body.ToString());
        return errors![0]["extensions"]?["code"]?.Value<string>();
    }

    /// <summary>Ids (primary keys) of the authors matching <paramref name="where"/>, in primary-key order, over every page.</summary>
    public async Task<List<int>> AuthorIdsAsync(string where, string order = "") =>
        await IdsAsync("authors", "Author", where, order);

    /// <summary>Ids of the books matching <paramref name="where"/>, in the given order, over every page.</summary>
    public async Task<List<int>> BookIdsAsync(string where, string order = "") =>
        await IdsAsync("books", "Book", where, order);

    private async Task<List<int>> IdsAsync(string field, string typeName, string where, string order)
    {
        var ids = new List<int>();
        string? after = null;
        for (var page = 0; page < 100; page++)
        {
            var arguments = $"first: 50, where: {where}" + (order.Length > 0 ? $", order: {order}" : "") + (after is null ? "" : $", after: \"{after}\"");
            var data = await DataAsync($"{{ {field}({arguments}) {{ nodes {{ id }} pageInfo {{ hasNextPage endCursor }} }} }}");
            var connection = data[field]!;
            ids.AddRange(connection["nodes"]!.Select(n => DecodeId(typeName, n["id"]!.Value<string>()!)));
            if (!connection["pageInfo"]!["hasNextPage"]!.Value<bool>())
            {
                return ids;
            }

            after = connection["pageInfo"]!["endCursor"]!.Value<string>();
        }

        throw new InvalidOperationException("Paging did not end.");
    }

    public static int DecodeId(string typeName, string id)
    {
        Assert.True(NodeId.TryDecodeInt(id, out var type, out var key), id);
        Assert.Equal(typeName, type);
        return key;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await App.DisposeAsync();
        await _keepAlive.DisposeAsync();
    }
}

/// <summary>One library database per test class (xUnit class fixture).</summary>
public sealed class LibraryFixture : IAsyncLifetime
{
    private LibraryHost? _host;

    public LibraryHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _host = await LibraryHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

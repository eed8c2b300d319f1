using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using WorkforceGraph.GraphQL.Conventions.Tests.Toy.Catalog;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Types;

/// <summary>
/// <c>EntityGraphType.Computed</c> on the toy library: values computed in SQL, one batched statement per field and
/// level, filters and sorts translated like a column, and expressions built from request services.
/// </summary>
public sealed class ComputedFieldTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private readonly LibraryHost _host = fixture.Host;

    [Fact]
    public async Task Values_are_computed_for_a_whole_level_in_one_statement_per_field()
    {
        var body = await _host.PostAsync("{ authors(first: 20) { nodes { id bookCount longBooks } } }", sqlDiagnostics: true);

        var nodes = (JArray)body["data"]!["authors"]!["nodes"]!;
        var expected = LibrarySeed.Authors().OrderBy(a => a.Id).Select(a => (a.Books.Count, a.Books.Count(b => b.Pages >= 300))).ToList();
        Assert.Equal(expected, nodes.Select(n => (n["bookCount"]!.Value<int>(), n["longBooks"]!.Value<int>())));
        // The page, then one keyed statement per computed field for all 20 authors.
        Assert.Equal(3, body["extensions"]!["diagnostics"]!["sqlStatementCount"]!.Value<int>());
    }

    [Fact]
    public async Task Filters_and_sorts_on_a_computed_field_run_in_sql()
    {
        var ids = await _host.AuthorIdsAsync("{ bookCount: { gte: 2 } }", "[{ bookCount: DESC }]");

        var expected = LibrarySeed.Authors().Where(a => a.Books.Count >= 2).OrderByDescending(a => a.Books.Count).ThenBy(a => a.Id).Select(a => a.Id);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task The_expression_is_built_from_the_request_services()
    {
        var threshold = _host.App.Services.GetRequiredService<LongBookThreshold>();
        threshold.Pages = 800;
        try
        {
            var ids = await _host.AuthorIdsAsync("{ longBooks: { gt: 0 } }");

            Assert.Equal(LibrarySeed.Authors().Where(a => a.Books.Any(b => b.Pages >= 800)).Select(a => a.Id), ids);
        }
        finally
        {
            threshold.Pages = 300;
        }
    }

    [Fact]
    public async Task A_computed_reference_resolves_in_batches_and_filters_in_sql()
    {
        var body = await _host.PostAsync("{ authors(first: 20) { nodes { id latestBook { title author { id } } } } }", sqlDiagnostics: true);
        var ids = await _host.AuthorIdsAsync("{ latestBook: { pages: { gt: 300 } } }");

        var authors = LibrarySeed.Authors().OrderBy(a => a.Id).ToList();
        var latest = authors.Select(a => a.Books.OrderByDescending(b => b.Published).ThenBy(b => b.Id).FirstOrDefault()).ToList();
        var nodes = (JArray)body["data"]!["authors"]!["nodes"]!;
        Assert.Equal(latest.Select(b => b?.Title), nodes.Select(n => n["latestBook"]!.Type == JTokenType.Null ? null : n["latestBook"]!["title"]!.Value<string>()));
        Assert.Contains(latest, b => b is null);
        // The page, the latest books' keys, the books, their authors: one statement each for the whole level.
        Assert.Equal(4, body["extensions"]!["diagnostics"]!["sqlStatementCount"]!.Value<int>());
        Assert.Equal(authors.Where((a, i) => latest[i] is { Pages: > 300 }).Select(a => a.Id), ids);
    }
}

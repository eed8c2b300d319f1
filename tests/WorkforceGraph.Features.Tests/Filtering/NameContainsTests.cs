using WorkforceGraph.Data;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.Testing;
using static WorkforceGraph.Features.Tests.Infrastructure.RandomWorkforce;

namespace WorkforceGraph.Features.Tests.Filtering;

/// <summary>
/// <c>name: { contains }</c> with <c>totalCount</c>: on PostgreSQL it reads the GIN index over the names' characters
/// (docs/scale.md), and on both providers it selects and counts exactly the workers whose name contains the term,
/// ordinally: one and two characters, characters out of order or repeated, the empty term, LIKE's wildcards.
/// </summary>
public sealed class NameContainsTests(FilteringDatabase db) : IClassFixture<FilteringDatabase>
{
    public static TheoryData<string> Terms() => ["秀", "秀英", "英秀", "王秀", "明", "", "%", "_", "\\", "王%", "钱"];

    [Theory]
    [MemberData(nameof(Terms))]
    public async Task Contains_selects_and_counts_the_workers_whose_name_contains_the_term(string term)
    {
        foreach (var (where, status) in new (string, WorkerStatus?)[] { ("", null), (", status: { eq: ACTIVE }", WorkerStatus.Active) })
        {
            var expected = db.Data.Workers
                .Where(w => w.Name.Contains(term, StringComparison.Ordinal) && (status is null || w.Status == status))
                .Select(w => NodeId("Worker", w.Id))
                .Order(StringComparer.Ordinal)
                .ToList();
            var filter = $"where: {{ name: {{ contains: $term }}{where} }}";
            var nodes = await PageAllAsync(
                db.Factory.GraphQL(),
                $"query($after: String, $term: String = {Quote(term)}) {{ workers(first: 50, after: $after, {filter}) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ id }} }} }}",
                data => data["workers"]!);
            var counted = (await db.Factory.GraphQL().PostAsync(
                $"query($term: String!) {{ workers(first: 1, {filter}) {{ totalCount }} }}", new { term })).EnsureSuccess();

            Assert.Equal(expected, nodes.Select(n => n["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
            Assert.Equal(expected.Count, counted.Data!["workers"]!["totalCount"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task The_terms_mean_something_for_this_workforce()
    {
        // Guards the theory: terms that match some but not all workers, and the traps that only an exact substring test passes.
        var names = db.Data.Workers.Select(w => w.Name).ToList();
        Assert.InRange(names.Count(n => n.Contains('秀', StringComparison.Ordinal)), 1, names.Count - 1);
        Assert.Contains(names, n => n.Contains("秀英", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains("英秀", StringComparison.Ordinal));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task On_postgres_the_page_and_the_count_carry_the_character_condition()
    {
        var response = (await db.Factory.GraphQL().PostAsync(
            "{ workers(first: 10, where: { name: { contains: \"秀\" } }) { totalCount nodes { id } } }",
            headers: new Dictionary<string, string> { ["X-Diagnostics"] = "sql" })).EnsureSuccess();
        var statements = response.Json!["extensions"]!["diagnostics"]!["sqlStatements"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();

        Assert.Equal(2, statements.Count);
        foreach (var statement in statements)
        {
            // SQLite has no such index: its SQL is what it was.
            Assert.Equal(db.Factory.Provider == DatabaseProvider.Postgres, statement.Contains("string_to_array(w.\"Name\", NULL) @> string_to_array(", StringComparison.Ordinal));
        }
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

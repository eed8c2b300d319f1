using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.Testing;
using static WorkforceGraph.Features.Tests.Infrastructure.RandomWorkforce;

namespace WorkforceGraph.Features.Tests.Sorting;

/// <summary>The class's own database: a seeded random workforce, built once and only read.</summary>
public sealed class SortingDatabase : IAsyncLifetime
{
    public WorkforceApiFactory Factory { get; } = new();

    public RandomWorkforce Data { get; private set; } = null!;

    public async Task InitializeAsync() => Data = await CreateAsync(Factory);

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// <c>order</c> through HTTP (graphql-conventions.md §4): entries apply in order, the key is the final
/// tiebreak, NULLs last for ASC and first for DESC, strings by code point, enums in declaration order.
/// </summary>
public sealed class WorkerSortingTests(SortingDatabase db) : IClassFixture<SortingDatabase>
{
    private List<Worker> Workers => db.Data.Workers;

    [Fact]
    public async Task Sorts_by_several_keys_with_the_key_as_final_tiebreak()
    {
        var expected = Workers.OrderBy(w => w.Gender).ThenByDescending(w => w.BirthDate).ThenBy(w => w.Id);

        var actual = await OrderedIdsAsync("[{ gender: ASC }, { birthDate: DESC }]");

        // Shared birth dates exist, so the key decides some neighbours.
        Assert.Contains(Workers.GroupBy(w => (w.Gender, w.BirthDate)), g => g.Count() > 1);
        Assert.Equal(Ids(expected), actual);
    }

    [Fact]
    public async Task Sorts_by_a_nested_relation_then_by_name_with_missing_communities_last()
    {
        var expected = Workers
            .OrderBy(w => w.Community is null)
            .ThenBy(w => w.Community?.Name, StringComparer.Ordinal)
            .ThenBy(w => w.Name, StringComparer.Ordinal)
            .ThenBy(w => w.Id);

        var actual = await OrderedIdsAsync("[{ community: { name: ASC } }, { name: ASC }]");

        Assert.Equal(Ids(expected), actual);
    }

    [Fact]
    public async Task Sorts_by_a_relation_two_levels_up_descending()
    {
        var expected = Workers
            .OrderByDescending(w => w.Community is null)
            .ThenByDescending(w => w.Community?.Region!.Parent!.Name, StringComparer.Ordinal)
            .ThenBy(w => w.Id);

        var actual = await OrderedIdsAsync("[{ community: { region: { parent: { name: DESC } } } }]");

        Assert.Equal(Ids(expected), actual);
    }

    [Theory]
    [InlineData("ASC")]
    [InlineData("DESC")]
    public async Task Sorts_enums_in_schema_declaration_order(string direction)
    {
        // PROBATION < ACTIVE < LEFT, not alphabetical (ACTIVE < LEFT < PROBATION).
        var ascending = direction == "ASC";
        var expected = ascending ? Workers.OrderBy(w => w.Status).ThenBy(w => w.Id) : Workers.OrderByDescending(w => w.Status).ThenBy(w => w.Id);

        var actual = await OrderedIdsAsync($"[{{ status: {direction} }}]");

        Assert.Equal(Ids(expected), actual);
        Assert.Equal(
            ascending ? ["PROBATION", "ACTIVE", "LEFT"] : ["LEFT", "ACTIVE", "PROBATION"],
            actual.Select(id => EnumName(Workers.Single(w => NodeId("Worker", w.Id) == id).Status)).Distinct());
    }

    [Theory]
    [InlineData("ASC")]
    [InlineData("DESC")]
    public async Task Sorts_null_phones_last_ascending_and_first_descending(string direction)
    {
        var expected = direction == "ASC"
            ? Workers.OrderBy(w => w.Phone is null).ThenBy(w => w.Phone, StringComparer.Ordinal).ThenBy(w => w.Id)
            : Workers.OrderByDescending(w => w.Phone is null).ThenByDescending(w => w.Phone, StringComparer.Ordinal).ThenBy(w => w.Id);

        var actual = await OrderedIdsAsync($"[{{ phone: {direction} }}]");

        Assert.Equal(Ids(expected), actual);
    }

    [Theory]
    [InlineData("ASC")]
    [InlineData("DESC")]
    public async Task Sorts_null_qualifications_last_ascending_and_first_descending(string direction)
    {
        var expected = direction == "ASC"
            ? Workers.OrderBy(w => w.SocialWorkQualification is null).ThenBy(w => w.SocialWorkQualification).ThenBy(w => w.Id)
            : Workers.OrderByDescending(w => w.SocialWorkQualification is null).ThenByDescending(w => w.SocialWorkQualification).ThenBy(w => w.Id);

        var actual = await OrderedIdsAsync($"[{{ socialWorkQualification: {direction} }}]");

        Assert.Equal(Ids(expected), actual);
    }

    [Fact]
    public async Task Sorts_names_by_code_point_not_by_pinyin()
    {
        var expected = Workers.OrderBy(w => w.Name, StringComparer.Ordinal).ThenBy(w => w.Id);

        var actual = await OrderedIdsAsync("[{ name: ASC }]");

        Assert.Equal(Ids(expected), actual);
        // 张 (U+5F20) sorts before 李 (U+674E) by code point, after it in pinyin (zhang > li).
        var surnames = actual.Select(id => Workers.Single(w => NodeId("Worker", w.Id) == id).Name[..1]).Distinct().ToList();
        Assert.Equal(surnames.Order(StringComparer.Ordinal), surnames);
        Assert.True(string.CompareOrdinal("张", "李") < 0);
    }

    [Fact]
    public async Task Sorts_communities_with_latin_names_before_chinese_ones()
    {
        var nodes = await PageAllAsync(
            db.Factory.GraphQL(),
            "query($after: String) { communities(first: 50, after: $after, order: [{ name: ASC }]) { pageInfo { hasNextPage endCursor } nodes { name } } }",
            data => data["communities"]!);

        var names = nodes.Select(n => n["name"]!.GetValue<string>()).ToList();
        Assert.Equal(db.Data.Communities.Select(c => c.Name).Order(StringComparer.Ordinal), names);
        Assert.Equal("Alpha社区", names[0]);
    }

    [Fact]
    public async Task Paging_forward_and_backward_with_where_and_order_visits_every_row_once()
    {
        const string Where = "{ status: { neq: LEFT } }";
        const string Order = "[{ birthDate: ASC }, { gender: DESC }]";
        var expected = Ids(Workers.Where(w => w.Status != WorkerStatus.Left).OrderBy(w => w.BirthDate).ThenByDescending(w => w.Gender).ThenBy(w => w.Id));
        var client = db.Factory.GraphQL();

        var forward = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var response = await client.PostAsync(
                $"query($after: String) {{ workers(first: 7, after: $after, where: {Where}, order: {Order}) {{ pageInfo {{ hasNextPage hasPreviousPage endCursor }} nodes {{ id }} }} }}",
                new { after });
            response.EnsureSuccess();
            var connection = response.Data!["workers"]!;
            Assert.Equal(after is not null, connection["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
            forward.AddRange(connection["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
            pages++;
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                break;
            }

            after = connection["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        var backward = new List<string>();
        string? before = null;
        while (true)
        {
            var response = await client.PostAsync(
                $"query($before: String) {{ workers(last: 7, before: $before, where: {Where}, order: {Order}) {{ pageInfo {{ hasNextPage hasPreviousPage startCursor }} nodes {{ id }} }} }}",
                new { before });
            response.EnsureSuccess();
            var connection = response.Data!["workers"]!;
            Assert.Equal(before is not null, connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
            backward.InsertRange(0, connection["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
            if (!connection["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>())
            {
                break;
            }

            before = connection["pageInfo"]!["startCursor"]!.GetValue<string>();
        }

        Assert.True(pages > 3);
        Assert.Equal(expected, forward);
        Assert.Equal(expected, backward);
    }

    [Fact]
    public async Task A_cursor_made_under_another_order_is_rejected()
    {
        var client = db.Factory.GraphQL();
        var first = await client.PostAsync("{ workers(first: 5, order: [{ name: ASC }]) { pageInfo { endCursor } } }");
        var cursor = first.EnsureSuccess().Data!["workers"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var other = await client.PostAsync("query($after: String) { workers(first: 5, after: $after, order: [{ name: DESC }]) { nodes { id } } }", new { after = cursor });
        var unordered = await client.PostAsync("query($after: String) { workers(first: 5, after: $after) { nodes { id } } }", new { after = cursor });
        var same = await client.PostAsync("query($after: String) { workers(first: 5, after: $after, order: [{ name: ASC }]) { nodes { id } } }", new { after = cursor });

        Assert.Equal(System.Net.HttpStatusCode.OK, other.Status);
        Assert.Equal("HC0078", other.FirstErrorCode);
        Assert.Equal("HC0078", unordered.FirstErrorCode);
        same.EnsureSuccess();
    }

    [Fact]
    public async Task Orders_each_workers_posts_assessments_and_training_records()
    {
        var nodes = await PageAllAsync(
            db.Factory.GraphQL(),
            """
            query($after: String) { workers(first: 50, after: $after) { pageInfo { hasNextPage endCursor } nodes { id
              posts(order: [{ endDate: DESC }, { grade: ASC }]) { id }
              assessments(order: [{ result: ASC }, { year: DESC }]) { id }
              trainingRecords(order: [{ completedOn: ASC }]) { id } } } }
            """,
            data => data["workers"]!);

        Assert.Equal(Workers.Count, nodes.Count);
        foreach (var node in nodes)
        {
            var worker = Workers.Single(w => NodeId("Worker", w.Id) == node["id"]!.GetValue<string>());
            var posts = db.Data.PostsOf(worker).OrderByDescending(p => p.EndDate is null).ThenByDescending(p => p.EndDate).ThenBy(p => p.Grade).ThenBy(p => p.Id);
            var assessments = db.Data.AssessmentsOf(worker).OrderBy(a => a.Result).ThenByDescending(a => a.Year).ThenBy(a => a.Id);
            var records = db.Data.RecordsOf(worker).OrderBy(r => r.CompletedOn is null).ThenBy(r => r.CompletedOn).ThenBy(r => r.Id);
            Assert.Equal(posts.Select(p => NodeId("Post", p.Id)), node["posts"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
            Assert.Equal(assessments.Select(a => NodeId("Assessment", a.Id)), node["assessments"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
            Assert.Equal(records.Select(r => NodeId("TrainingRecord", r.Id)), node["trainingRecords"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Orders_each_communitys_posts_by_worker_name_and_start()
    {
        var response = await db.Factory.GraphQL().PostAsync(
            "{ communities(first: 50) { nodes { code posts(order: [{ worker: { name: DESC } }, { startDate: ASC }]) { id } } } }");

        response.EnsureSuccess();
        var communities = response.Data!["communities"]!["nodes"]!.AsArray();
        Assert.Equal(db.Data.Communities.Count, communities.Count);
        foreach (var node in communities)
        {
            var code = node!["code"]!.GetValue<string>();
            var expected = db.Data.Posts
                .Where(p => p.Community!.Code == code)
                .OrderByDescending(p => p.Worker!.Name, StringComparer.Ordinal)
                .ThenBy(p => p.StartDate)
                .ThenBy(p => p.Id)
                .Select(p => NodeId("Post", p.Id));
            Assert.Equal(expected, node["posts"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
        }
    }

    private static List<string> Ids(IEnumerable<Worker> workers) => [.. workers.Select(w => NodeId("Worker", w.Id))];

    private async Task<List<string>> OrderedIdsAsync(string order)
    {
        // Sorting on phones needs the pii:read scope (tested in Security); other keys run anonymously.
        var personal = order.Contains("phone", StringComparison.Ordinal);
        var nodes = await PageAllAsync(
            db.Factory.GraphQL(personal ? WorkforceApiFactory.Token("analyst", "00", "pii:read") : null),
            $"query($after: String) {{ workers(first: 50, after: $after, order: {order}) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ id }} }} }}",
            data => data["workers"]!);
        return [.. nodes.Select(n => n["id"]!.GetValue<string>())];
    }
}

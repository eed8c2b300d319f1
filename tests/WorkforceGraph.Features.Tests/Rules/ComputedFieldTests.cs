using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Features.Rules;
using WorkforceGraph.GraphQL.Conventions.NodeIds;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Rules;

/// <summary>
/// The rules as GraphQL fields: selected values equal the rules evaluated in SQL (which the rule tests check against
/// oracles), and filters and sorts on them run in SQL.
/// </summary>
public sealed class ComputedFieldTests(RulesDatabase data) : IClassFixture<RulesDatabase>
{
    private static DateOnly Today => RulesDatabase.Today;

    [Fact]
    public async Task Worker_fields_equal_the_rules_for_every_worker()
    {
        await using var db = data.Db();
        var expected = (await Zip(db)).ToDictionary(r => NodeId.Encode("Worker", r.Id));

        var nodes = await PageAllAsync(
            data.Factory.GraphQL(),
            "query($after: String) { workers(first: 50, after: $after) { pageInfo { hasNextPage endCursor } nodes { id serviceYears trainingStatus eligibleGrade incentiveEligible } } }",
            d => d["workers"]!);

        Assert.Equal(expected.Count, nodes.Count);
        foreach (var node in nodes)
        {
            var e = expected[node["id"]!.GetValue<string>()];
            Assert.Equal(e.Years, node["serviceYears"]!.GetValue<int>());
            Assert.Equal(e.Status, node["trainingStatus"]!.GetValue<string>());
            Assert.Equal(e.Grade, node["eligibleGrade"]?.GetValue<int>());
            Assert.Equal(e.Incentive, node["incentiveEligible"]!.GetValue<bool>());
        }

        Assert.Contains(nodes, n => n["incentiveEligible"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Communities_filter_and_sort_on_the_staffing_gap_in_sql()
    {
        await using var db = data.Db();
        var codes = await db.Communities.OrderBy(c => c.Id).Select(c => c.Code).ToListAsync();
        var gapValues = await db.Communities.OrderBy(c => c.Id).Select(CommunityRules.StaffingGap(Today)).ToListAsync();
        var gaps = codes.Zip(gapValues, (code, gap) => new { Code = code, Gap = gap }).ToList();
        var expected = gaps.Where(g => g.Gap > 0).OrderByDescending(g => g.Gap).ThenBy(g => g.Code, StringComparer.Ordinal).Take(20).ToList();

        var response = await data.Factory.GraphQL().PostAsync(
            "{ communities(first: 20, where: { staffingGap: { gt: 0 }, isUrban: { eq: true } }, order: [{ staffingGap: DESC }, { code: ASC }]) { totalCount nodes { code staffingGap standardStaffing workerCount isUrban } } }",
            headers: new Dictionary<string, string> { ["X-Diagnostics"] = "sql" });

        var body = response.EnsureSuccess();
        var nodes = body.Data!["communities"]!["nodes"]!.AsArray();
        Assert.Equal(expected.Select(e => (e.Code, e.Gap)), nodes.Select(n => (n!["code"]!.GetValue<string>(), n["staffingGap"]!.GetValue<int>())));
        Assert.Equal(gaps.Count(g => g.Gap > 0), body.Data["communities"]!["totalCount"]!.GetValue<int>());
        Assert.All(nodes, n => Assert.Equal(n!["standardStaffing"]!.GetValue<int>() - n["workerCount"]!.GetValue<int>(), n["staffingGap"]!.GetValue<int>()));
        // The page with its filter and sort, the count, then one batched statement per computed field selected.
        Assert.Equal(2 + 4, body.Json!["extensions"]!["diagnostics"]!["sqlStatementCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Workers_filter_on_training_status_and_posts_on_is_current()
    {
        await using var db = data.Db();
        var overdue = await db.Workers.Select(WorkerRules.Training(Today)).CountAsync(s => s == TrainingStatus.Overdue);
        var current = await db.Posts.CountAsync(PostRules.IsCurrent(Today));

        var response = await data.Factory.GraphQL().PostAsync(
            "{ workers(where: { trainingStatus: { eq: OVERDUE } }) { totalCount } posts(where: { isCurrent: { eq: true } }) { totalCount nodes { isCurrent } } }");

        var body = response.EnsureSuccess().Data!;
        Assert.Equal(overdue, body["workers"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(current, body["posts"]!["totalCount"]!.GetValue<int>());
        Assert.All(body["posts"]!["nodes"]!.AsArray(), n => Assert.True(n!["isCurrent"]!.GetValue<bool>()));
        Assert.True(overdue > 0);
    }

    [Fact]
    public async Task Current_post_and_latest_assessment_are_batched_references_that_filter_in_sql()
    {
        await using var db = data.Db();
        var currentIds = await db.Workers.OrderBy(w => w.Id).Select(WorkerRules.OfCurrentPost<int?>(Today, p => p.Id)).ToListAsync();
        var expected = data.Workers.Zip(currentIds).Take(50).ToDictionary(x => NodeId.Encode("Worker", x.First.Id), x => x.Second);
        var secretaries = await db.Workers.Select(WorkerRules.CurrentRole(Today)).CountAsync(r => r == Data.Posts.PostRole.PartySecretary);

        var response = await data.Factory.GraphQL().PostAsync(
            "{ workers(first: 50) { nodes { id currentPost { id role worker { id } } latestAssessment { year } } } secretaries: workers(where: { currentPost: { role: { eq: PARTY_SECRETARY } } }) { totalCount } }",
            headers: new Dictionary<string, string> { ["X-Diagnostics"] = "sql" });

        var body = response.EnsureSuccess();
        var nodes = body.Data!["workers"]!["nodes"]!.AsArray();
        foreach (var node in nodes)
        {
            var id = node!["id"]!.GetValue<string>();
            var post = node["currentPost"];
            Assert.Equal(expected[id] is { } postId ? NodeId.Encode("Post", postId) : null, post?["id"]!.GetValue<string>());
            Assert.Equal(id, post?["worker"]!["id"]!.GetValue<string>() ?? id);
            var worker = data.Workers.Single(w => NodeId.Encode("Worker", w.Id) == id);
            Assert.Equal(worker.Assessments.Count == 0 ? null : worker.Assessments.Max(a => a.Year), node["latestAssessment"]?["year"]!.GetValue<int>());
        }

        Assert.Contains(nodes, n => n!["currentPost"] is null);
        Assert.Equal(secretaries, body.Data["secretaries"]!["totalCount"]!.GetValue<int>());
        Assert.True(secretaries > 0);
        // Two root lists: the page, and for the second its (unselected) page and its count: 3. Then per level, each one
        // statement for all 50 workers: the current posts' keys, the assessments' keys, the posts, the assessments, and
        // the posts' workers: 5.
        Assert.Equal(3 + 5, body.Json!["extensions"]!["diagnostics"]!["sqlStatementCount"]!.GetValue<int>());
    }

    private async Task<List<(int Id, int Years, string Status, int? Grade, bool Incentive)>> Zip(Data.WorkforceDbContext db)
    {
        var years = await db.Workers.OrderBy(w => w.Id).Select(WorkerRules.ServiceYears(Today)).ToListAsync();
        var status = await db.Workers.OrderBy(w => w.Id).Select(WorkerRules.Training(Today)).ToListAsync();
        var grade = await db.Workers.OrderBy(w => w.Id).Select(WorkerRules.EligibleGrade(Today)).ToListAsync();
        var incentive = await db.Workers.OrderBy(w => w.Id).Select(WorkerRules.IncentiveEligible(Today)).ToListAsync();
        var names = new Dictionary<TrainingStatus, string> { [TrainingStatus.Compliant] = "COMPLIANT", [TrainingStatus.DueThisYear] = "DUE_THIS_YEAR", [TrainingStatus.Overdue] = "OVERDUE" };
        return [.. data.Workers.Select((w, i) => (w.Id, years[i], names[status[i]], grade[i], incentive[i]))];
    }

    private static async Task<List<JsonNode>> PageAllAsync(GraphQLHttpClient client, string query, Func<JsonNode, JsonNode> connection)
    {
        var nodes = new List<JsonNode>();
        string? after = null;
        while (true)
        {
            var response = await client.PostAsync(query, new { after });
            var page = connection(response.EnsureSuccess().Data!);
            nodes.AddRange(page["nodes"]!.AsArray().Select(n => n!));
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                return nodes;
            }

            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
    }
}

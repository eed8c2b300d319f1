using System.Text.Json.Nodes;
using Snapshooter.Xunit;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Tests.Rules;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Statistics;

/// <summary><c>workforceStatistics</c> over the demo data set, against groupings computed in memory.</summary>
public sealed class WorkforceStatisticsTests(RulesDatabase data) : IClassFixture<RulesDatabase>
{
    private const string Query = "query($w: WorkerFilterInput, $g: [WorkforceDimension!]!) { workforceStatistics(where: $w, groupBy: $g) { key { dimension value label } count } }";

    private static DateOnly Today => RulesDatabase.Today;

    public static TheoryData<string> Dimensions() => new()
    {
        "PROVINCE", "PREFECTURE", "COUNTY", "TOWNSHIP", "COMMUNITY", "GENDER", "AGE_BAND", "EDUCATION", "POLITICAL_STATUS",
        "EMPLOYMENT_TYPE", "POST_CATEGORY", "POST_ROLE", "SOCIAL_WORK_QUALIFICATION", "SERVICE_YEARS_BAND", "STATUS",
    };

    [Theory]
    [MemberData(nameof(Dimensions))]
    public async Task Each_dimension_counts_every_worker_once_in_its_group(string dimension)
    {
        var groups = await GroupsAsync(null, dimension);

        var expected = data.Workers.GroupBy(w => Oracle(dimension, w)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), groups.ToDictionary(g => g.Values[0], g => g.Count).OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(data.Workers.Count, groups.Sum(g => g.Count));
        Assert.All(groups, g => Assert.False(string.IsNullOrEmpty(g.Labels[0])));
    }

    [Fact]
    public async Task Groups_are_ordered_by_their_values_in_group_by_order_with_none_last()
    {
        var groups = await GroupsAsync(null, "POST_CATEGORY", "AGE_BAND");

        var categories = groups.Select(g => g.Values[0]).Distinct().ToList();
        Assert.Equal(["PRINCIPAL", "DEPUTY", "STAFF", "NONE"], categories);
        foreach (var category in categories)
        {
            var bands = groups.Where(g => g.Values[0] == category).Select(g => g.Values[1]).ToList();
            Assert.Equal(bands.OrderBy(b => Array.IndexOf(["0-29", "30-39", "40-49", "50-59", "60-"], b)), bands);
        }

        Assert.Equal(data.Workers.Count, groups.Sum(g => g.Count));
        Assert.Equal(data.Workers.GroupBy(w => (Oracle("POST_CATEGORY", w), Oracle("AGE_BAND", w))).Count(), groups.Count);
    }

    [Fact]
    public async Task Labels_are_chinese_and_region_values_are_padded_codes()
    {
        var groups = await GroupsAsync(null, "PREFECTURE", "EDUCATION", "POLITICAL_STATUS", "GENDER");

        var first = groups.First(g => g.Values[1] == "BACHELOR" && g.Values[2] == "CPC_MEMBER" && g.Values[3] == "MALE");
        Assert.Equal(["本科", "中共党员", "男"], first.Labels.Skip(1));
        Assert.Matches("^32\\d{2}0{8}$", first.Values[0]);
        Assert.EndsWith("市", first.Labels[0], StringComparison.Ordinal);
        Assert.Contains(await GroupsAsync(null, "SOCIAL_WORK_QUALIFICATION"), g => g.Values[0] == "NONE" && g.Labels[0] == "无");
    }

    [Theory]
    [InlineData("{ status: { eq: ACTIVE } }")]
    [InlineData("{ community: { code: { startsWith: \"3202\" } }, gender: { eq: FEMALE } }")]
    [InlineData("{ posts: { some: { role: { eq: PARTY_SECRETARY } } } }")]
    public async Task Every_sum_equals_the_total_count_of_the_same_where(string where)
    {
        var client = data.Factory.GraphQL();
        var statistics = await client.PostAsync($"{{ workforceStatistics(where: {where}, groupBy: [COUNTY, STATUS]) {{ count }} }}");
        var total = await client.PostAsync($"{{ workers(where: {where}) {{ totalCount }} }}");

        var sum = statistics.EnsureSuccess().Data!["workforceStatistics"]!.AsArray().Sum(g => g!["count"]!.GetValue<int>());
        Assert.Equal(total.EnsureSuccess().Data!["workers"]!["totalCount"]!.GetValue<int>(), sum);
        Assert.True(sum > 0);
    }

    [Fact]
    public async Task The_active_demo_workforce_by_prefecture_post_category_and_service_years_matches_the_snapshot()
    {
        // The demo set is deterministic (seed 20240328, as of the pinned day): any change to a rule or a label shows.
        var response = await data.Factory.GraphQL().PostAsync(
            "{ workforceStatistics(where: { status: { neq: LEFT } }, groupBy: [PREFECTURE, POST_CATEGORY, SERVICE_YEARS_BAND]) { key { dimension value label } count } }");

        Snapshot.Match(response.EnsureSuccess().ToSnapshot());
    }

    [Fact]
    public async Task Counting_is_one_group_by_statement_plus_the_region_names()
    {
        var response = await data.Factory.GraphQL().PostAsync(
            "{ workforceStatistics(groupBy: [COUNTY, GENDER, POST_ROLE, SERVICE_YEARS_BAND]) { count } }", headers: new Dictionary<string, string> { ["X-Diagnostics"] = "sql" });

        var statements = response.EnsureSuccess().Json!["extensions"]!["diagnostics"]!["sqlStatements"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.Equal(2, statements.Count);
        Assert.Contains("GROUP BY", statements[0], StringComparison.Ordinal);
        Assert.Contains("FROM \"Regions\"", statements[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enum_and_region_dimensions_group_on_the_stored_columns_and_only_on_the_keys_asked()
    {
        var response = await data.Factory.GraphQL().PostAsync(
            "{ workforceStatistics(groupBy: [PREFECTURE, GENDER]) { count } }", headers: new Dictionary<string, string> { ["X-Diagnostics"] = "sql" });

        // Enum value names are mapped per group after the GROUP BY, not per row in SQL; no constant slot is grouped.
        var sql = response.EnsureSuccess().Json!["extensions"]!["diagnostics"]!["sqlStatements"]![0]!.GetValue<string>();
        var groupBy = sql[sql.LastIndexOf("GROUP BY", StringComparison.Ordinal)..];
        Assert.DoesNotContain("CASE", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("NULL AS", sql, StringComparison.Ordinal);
        Assert.Contains("\"Gender\"", groupBy, StringComparison.Ordinal);
        Assert.Equal(1, groupBy.Count(c => c == ','));
    }

    [Theory]
    [InlineData("[]", "INVALID_VALUE")]
    [InlineData("[GENDER, GENDER]", "INVALID_VALUE")]
    [InlineData("[GENDER, STATUS, EDUCATION, COUNTY, AGE_BAND]", "LIMIT_EXCEEDED")]
    public async Task Bad_group_by_lists_are_refused_with_a_code(string groupBy, string code)
    {
        var response = await data.Factory.GraphQL().PostAsync($"{{ workforceStatistics(groupBy: {groupBy}) {{ count }} }}");

        Assert.Equal(code, response.FirstErrorCode);
    }

    [Fact]
    public async Task Viewers_may_not_and_analysts_see_only_their_region()
    {
        var viewer = await data.Factory.GraphQL(WorkforceApiFactory.Token("viewer", "00")).PostAsync("{ workforceStatistics(groupBy: [GENDER]) { count } }");
        var scoped = await data.Factory.GraphQL(WorkforceApiFactory.Token("analyst", "3201")).PostAsync("{ workforceStatistics(groupBy: [PREFECTURE]) { key { value } count } }");

        Assert.Equal("AUTH_NOT_AUTHORIZED", viewer.FirstErrorCode);
        var group = Assert.Single(scoped.EnsureSuccess().Data!["workforceStatistics"]!.AsArray());
        Assert.Equal("320100000000", group!["key"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(data.Workers.Count(w => w.Community?.Code.StartsWith("3201", StringComparison.Ordinal) == true), group["count"]!.GetValue<int>());
    }

    private async Task<List<(string[] Values, string[] Labels, int Count)>> GroupsAsync(string? where, params string[] groupBy)
    {
        var response = await data.Factory.GraphQL().PostAsync(Query, new { w = where is null ? null : JsonNode.Parse(where), g = groupBy });
        return [.. response.EnsureSuccess().Data!["workforceStatistics"]!.AsArray().Select(g => (
            g!["key"]!.AsArray().Select(k => k!["value"]!.GetValue<string>()).ToArray(),
            g["key"]!.AsArray().Select(k => k!["label"]!.GetValue<string>()).ToArray(),
            g["count"]!.GetValue<int>()))];
    }

    // Written from domain.md's table, without the server's expressions.
    private static string Oracle(string dimension, Worker w)
    {
        static string Name(Enum value) => string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
        string Region(int digits) => w.Community is null ? "NONE" : w.Community.Code[..digits].PadRight(12, '0');
        var current = w.Posts.Where(p => p.StartDate <= Today && (p.EndDate is null || p.EndDate >= Today))
            .OrderBy(p => p.Category).ThenBy(p => p.Role switch { PostRole.PartySecretary => 0, PostRole.CommitteeDirector => 1, _ => 2 })
            .ThenBy(p => p.StartDate).ThenBy(p => p.Id).FirstOrDefault();
        int Years(DateOnly from) => Today.Year - from.Year - ((Today.Month, Today.Day).CompareTo((from.Month, from.Day)) < 0 ? 1 : 0);
        return dimension switch
        {
            "PROVINCE" => Region(2),
            "PREFECTURE" => Region(4),
            "COUNTY" => Region(6),
            "TOWNSHIP" => Region(9),
            "COMMUNITY" => Region(12),
            "GENDER" => Name(w.Gender),
            "EDUCATION" => Name(w.Education),
            "POLITICAL_STATUS" => Name(w.PoliticalStatus),
            "EMPLOYMENT_TYPE" => Name(w.EmploymentType),
            "STATUS" => Name(w.Status),
            "SOCIAL_WORK_QUALIFICATION" => w.SocialWorkQualification is { } q ? Name(q) : "NONE",
            "POST_CATEGORY" => current is null ? "NONE" : Name(current.Category),
            "POST_ROLE" => current is null ? "NONE" : Name(current.Role),
            "AGE_BAND" => Years(w.BirthDate) switch { <= 29 => "0-29", <= 39 => "30-39", <= 49 => "40-49", <= 59 => "50-59", _ => "60-" },
            "SERVICE_YEARS_BAND" => Years(w.CommunityWorkStartDate) switch { <= 2 => "0-2", <= 5 => "3-5", <= 9 => "6-9", <= 14 => "10-14", _ => "15-" },
            _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
        };
    }
}

using System.Text.Json.Nodes;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Rules;

/// <summary>
/// The rules of domain.md at their boundaries, on hand-built rows read through GraphQL, with the clock pinned at
/// 2025-06-15 (China time).
/// </summary>
public sealed class RuleBoundaryTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2025, 6, 15);
    private readonly WorkforceApiFactory _factory = new();

    public Task InitializeAsync() => _factory.WithDbAsync(db =>
    {
        var b = new WorkforceBuilder(db);
        var province = b.Province("32", "江苏省");
        var prefecture = b.Prefecture(province, "3201", "南京市");
        var township = b.Township(b.County(prefecture, "320102", "玄武区"), "320102001", "梅园新村街道");
        b.GradeScheme(prefecture, "NJ-3x18", "三岗十八级", (PostCategory.Principal, 7, 18), (PostCategory.Deputy, 4, 15), (PostCategory.Staff, 1, 12));
        var c10000 = b.Community(township, "320102001001", "一万人社区", population: 10_000);
        b.Community(township, "320102001002", "五五五六社区", population: 5_556);
        b.Community(township, "320102001003", "五五五五社区", population: 5_555);
        b.Community(township, "320102001201", "农村", population: 10_000, urbanRuralClass: "220");

        void Staff(string name, DateOnly start, EducationLevel education = EducationLevel.JuniorCollege, SocialWorkQualification? qualification = null)
        {
            var worker = b.Worker(c10000, name, communityWorkStart: start, education: education, qualification: qualification);
            b.Post(worker, c10000, PostRole.GridWorker, start);
        }

        Staff("三年整", new DateOnly(2022, 6, 15));
        Staff("三年差一天", new DateOnly(2022, 6, 16));
        Staff("六年整", new DateOnly(2019, 6, 15));
        Staff("九年整", new DateOnly(2016, 6, 15));
        Staff("本科高级社工师", new DateOnly(2025, 1, 1), EducationLevel.Bachelor, SocialWorkQualification.Senior);

        var top = b.Worker(c10000, "封顶", communityWorkStart: new DateOnly(1990, 1, 1), education: EducationLevel.Doctor, qualification: SocialWorkQualification.Senior);
        b.Post(top, c10000, PostRole.CommitteeDirector, new DateOnly(2010, 1, 1));

        var course = b.Training("T-1", "轮训", new DateOnly(2020, 1, 1));
        void Trained(string name, PostRole role, DateOnly completed)
        {
            var worker = b.Worker(c10000, name, communityWorkStart: new DateOnly(2010, 1, 1));
            b.Post(worker, c10000, role, new DateOnly(2010, 1, 1));
            b.Record(worker, course, completed);
        }

        Trained("书记去年十二月", PostRole.PartySecretary, new DateOnly(2024, 12, 20));
        Trained("书记今年一月", PostRole.PartySecretary, new DateOnly(2025, 1, 10));
        Trained("网格员三年前", PostRole.GridWorker, new DateOnly(2022, 11, 1));
        Trained("网格员两年前", PostRole.GridWorker, new DateOnly(2023, 3, 1));
        Trained("网格员四年前", PostRole.GridWorker, new DateOnly(2021, 12, 31));

        void Secretary(string name, DateOnly start)
        {
            var worker = b.Worker(c10000, name, communityWorkStart: start);
            b.Post(worker, c10000, PostRole.PartySecretary, new DateOnly(2020, 6, 15));
            for (var year = 2020; year <= 2024; year++)
            {
                b.Assessment(worker, c10000, year, year == 2022 ? AssessmentResult.Excellent : AssessmentResult.Competent);
            }
        }

        Secretary("十年整", new DateOnly(2015, 6, 15));
        Secretary("十年差一天", new DateOnly(2015, 6, 16));
        return Task.CompletedTask;
    });

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_standard_rounds_each_community_up_and_rural_units_have_none()
    {
        var communities = await QueryAsync("{ communities(order: [{ code: ASC }]) { nodes { name standardStaffing isUrban } } }", "communities");

        // 10,000 × 18 / 10,000 = 18 exactly; 5,556 → 10.0008 → 11; 5,555 → 9.999 → 10; rural → 0.
        Assert.Equal([18, 11, 10, 0], communities.Select(c => c!["standardStaffing"]!.GetValue<int>()));
        Assert.Equal([true, true, true, false], communities.Select(c => c!["isUrban"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Grades_step_every_three_years_add_both_bonuses_and_stop_at_the_category_maximum()
    {
        var workers = await WorkersAsync();

        // STAFF 1–12, JuniorCollege (no bonus): 3 years → +1, 3 years minus a day → +0, 6 → +2, 9 → +3.
        Assert.Equal((3, (int?)2), (workers["三年整"].Years, workers["三年整"].Grade));
        Assert.Equal((2, (int?)1), (workers["三年差一天"].Years, workers["三年差一天"].Grade));
        Assert.Equal(3, workers["六年整"].Grade);
        Assert.Equal(4, workers["九年整"].Grade);
        // Bachelor (+1) and a senior qualification (+3) add: 1 + 0 + 4.
        Assert.Equal(5, workers["本科高级社工师"].Grade);
        // PRINCIPAL 7–18 after 35 years, doctor and senior: 7 + 11 + 3 + 3 = 24, capped at 18.
        Assert.Equal(18, workers["封顶"].Grade);
    }

    [Fact]
    public async Task A_secretary_trained_last_december_is_due_and_one_trained_this_january_is_compliant()
    {
        var workers = await WorkersAsync();

        Assert.Equal("DUE_THIS_YEAR", workers["书记去年十二月"].Training);
        Assert.Equal("COMPLIANT", workers["书记今年一月"].Training);
        Assert.Equal("DUE_THIS_YEAR", workers["网格员三年前"].Training);
        Assert.Equal("COMPLIANT", workers["网格员两年前"].Training);
        Assert.Equal("OVERDUE", workers["网格员四年前"].Training);
    }

    [Fact]
    public async Task Ten_years_exactly_is_eligible_for_the_incentive_and_one_day_less_is_not()
    {
        var workers = await WorkersAsync();

        Assert.Equal((10, true), (workers["十年整"].Years, workers["十年整"].Incentive));
        Assert.Equal((9, false), (workers["十年差一天"].Years, workers["十年差一天"].Incentive));
        Assert.False(workers["封顶"].Incentive); // a director, not a secretary
    }

    [Fact]
    public async Task Every_computed_field_filters_and_sorts_in_one_statement()
    {
        foreach (var (field, operation) in new[]
        {
            ("serviceYears", "{ gte: 10 }"), ("eligibleGrade", "{ gt: 3 }"), ("trainingStatus", "{ eq: OVERDUE }"),
            ("incentiveEligible", "{ eq: true }"),
        })
        {
            var response = await _factory.GraphQL().PostAsync(
                $"{{ workers(first: 50, where: {{ {field}: {operation} }}, order: [{{ {(field == "incentiveEligible" ? "serviceYears" : field)}: DESC }}]) {{ nodes {{ name }} }} }}",
                headers: new Dictionary<string, string> { ["X-Diagnostics"] = "sql" });

            var body = response.EnsureSuccess();
            Assert.True(body.Data!["workers"]!["nodes"]!.AsArray().Count > 0, field);
            Assert.Equal(1, body.Json!["extensions"]!["diagnostics"]!["sqlStatementCount"]!.GetValue<int>());
        }

        var communities = await _factory.GraphQL().PostAsync(
            "{ communities(where: { staffingGap: { gt: 0 }, workerCount: { gte: 0 }, isUrban: { eq: true } }, order: [{ standardStaffing: DESC }]) { nodes { name } } posts(where: { isCurrent: { eq: true } }, order: [{ isCurrent: DESC }]) { nodes { id } } }",
            headers: new Dictionary<string, string> { ["X-Diagnostics"] = "sql" });
        Assert.Equal(3, communities.EnsureSuccess().Data!["communities"]!["nodes"]!.AsArray().Count);
        Assert.Equal(2, communities.Json!["extensions"]!["diagnostics"]!["sqlStatementCount"]!.GetValue<int>());
    }

    private async Task<JsonArray> QueryAsync(string query, string field) =>
        (await _factory.GraphQL().PostAsync(query)).EnsureSuccess().Data![field]!["nodes"]!.AsArray();

    private async Task<Dictionary<string, (int Years, int? Grade, string Training, bool Incentive)>> WorkersAsync()
    {
        var nodes = await QueryAsync("{ workers(first: 50) { nodes { name serviceYears eligibleGrade trainingStatus incentiveEligible } } }", "workers");
        return nodes.ToDictionary(
            n => n!["name"]!.GetValue<string>(),
            n => (n!["serviceYears"]!.GetValue<int>(), n["eligibleGrade"]?.GetValue<int>(), n["trainingStatus"]!.GetValue<string>(), n["incentiveEligible"]!.GetValue<bool>()));
    }
}

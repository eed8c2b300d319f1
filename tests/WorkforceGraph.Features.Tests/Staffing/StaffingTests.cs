using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Features.Tests.Rules;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Staffing;

/// <summary><c>staffing(regionCode:)</c> over the demo data set, against reports computed in memory from domain.md.</summary>
public sealed class StaffingTests(RulesDatabase data) : IClassFixture<RulesDatabase>
{
    private const string Query = """
        query($c: String!) { staffing(regionCode: $c) {
          region { code name level } urbanResidentPopulation workerCount standardStaffing staffingGap workersPer10k
          breakdown { code name urbanResidentPopulation workerCount standardStaffing staffingGap } } }
        """;

    private static DateOnly Today => RulesDatabase.Today;

    [Fact]
    public async Task Province_prefecture_county_and_township_reports_match_the_rules()
    {
        var oracle = await Oracle.LoadAsync(data);
        var prefecture = "320100000000";
        var county = oracle.Regions.Where(r => r.Code.StartsWith("3201", StringComparison.Ordinal) && r.Level == Data.Regions.RegionLevel.County)
            .OrderBy(r => r.Code, StringComparer.Ordinal).First(r => oracle.Communities.Any(c => c.Code.StartsWith(r.Code[..6], StringComparison.Ordinal))).Code;
        var township = oracle.Regions.Where(r => r.Level == Data.Regions.RegionLevel.Township)
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .First(r => oracle.Communities.Any(c => c.Code.StartsWith(r.Code[..9], StringComparison.Ordinal) && c.Urban)
                && oracle.Communities.Any(c => c.Code.StartsWith(r.Code[..9], StringComparison.Ordinal) && !c.Urban)).Code;

        foreach (var code in new[] { "320000000000", prefecture, county, township })
        {
            var report = await ReportAsync(data.Factory.GraphQL(), code);
            var expected = oracle.Report(code);
            Assert.Equal(code, report["region"]!["code"]!.GetValue<string>());
            AssertFigures(expected.Totals, report);
            Assert.Equal(expected.Totals.Population == 0 ? 0 : expected.Totals.Workers * 10_000d / expected.Totals.Population, report["workersPer10k"]!.GetValue<double>(), 6);

            var rows = report["breakdown"]!.AsArray();
            Assert.Equal(expected.Rows.Select(r => (r.Code, r.Name)), rows.Select(r => (r!["code"]!.GetValue<string>(), r["name"]!.GetValue<string>())));
            foreach (var (row, want) in rows.Zip(expected.Rows))
            {
                AssertFigures(want.Figures, row!);
            }

            // The rows add up to the totals.
            foreach (var field in new[] { "urbanResidentPopulation", "workerCount", "standardStaffing", "staffingGap" })
            {
                Assert.Equal(report[field]!.GetValue<int>(), rows.Sum(r => r![field]!.GetValue<int>()));
            }

            Assert.True(expected.Totals.Population > 0, code);
            Assert.NotEmpty(rows);
        }
    }

    [Fact]
    public async Task A_township_lists_every_community_with_rural_units_at_zero()
    {
        var oracle = await Oracle.LoadAsync(data);
        var township = oracle.Regions.Where(r => r.Level == Data.Regions.RegionLevel.Township).OrderBy(r => r.Code, StringComparer.Ordinal)
            .First(r => oracle.Communities.Any(c => c.Code.StartsWith(r.Code[..9], StringComparison.Ordinal) && !c.Urban)).Code;

        var rows = (await ReportAsync(data.Factory.GraphQL(), township))["breakdown"]!.AsArray();

        var communities = oracle.Communities.Where(c => c.Code.StartsWith(township[..9], StringComparison.Ordinal)).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        Assert.Equal(communities.Select(c => c.Code), rows.Select(r => r!["code"]!.GetValue<string>()));
        var rural = rows.Where(r => !communities.Single(c => c.Code == r!["code"]!.GetValue<string>()).Urban).ToList();
        Assert.NotEmpty(rural);
        Assert.All(rural, r => Assert.Equal(0, r!["urbanResidentPopulation"]!.GetValue<int>() + r["workerCount"]!.GetValue<int>() + r["standardStaffing"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_report_is_two_statements_the_region_with_its_parts_then_one_group_by()
    {
        var response = await data.Factory.GraphQL().PostAsync(
            "{ staffing(regionCode: \"320000000000\") { workerCount breakdown { code name workerCount } } }", headers: new Dictionary<string, string> { ["X-Diagnostics"] = "sql" });

        var statements = response.EnsureSuccess().Json!["extensions"]!["diagnostics"]!["sqlStatements"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.Equal(2, statements.Count);
        Assert.Contains("FROM \"Regions\"", statements[0], StringComparison.Ordinal);
        Assert.Contains("GROUP BY", statements[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("32000000000")]
    [InlineData("990000000000")]
    [InlineData("320000001000")]
    [InlineData("320102001001")] // a community: report on its township
    public async Task Malformed_codes_are_invalid_division_codes(string code)
    {
        var response = await data.Factory.GraphQL().PostAsync(Query, new { c = code });

        Assert.Equal("INVALID_DIVISION_CODE", response.FirstErrorCode);
    }

    [Fact]
    public async Task Unknown_and_out_of_scope_regions_give_the_same_error()
    {
        var scoped = data.Factory.GraphQL(WorkforceApiFactory.Token("analyst", "3201"));
        var outOfScope = await scoped.PostAsync(Query, new { c = "320200000000" });
        var unknownOutside = await scoped.PostAsync(Query, new { c = "329900000000" });
        var unknownInside = await scoped.PostAsync(Query, new { c = "320199000000" });
        var unknownNational = await data.Factory.GraphQL().PostAsync(Query, new { c = "329900000000" });

        await using (var db = data.Db())
        {
            Assert.True(await db.Regions.AnyAsync(r => r.Code == "320200000000"));
            Assert.False(await db.Regions.AnyAsync(r => r.Code == "329900000000" || r.Code == "320199000000"));
        }

        Assert.Equal("UNKNOWN_REGION", outOfScope.FirstErrorCode);
        string Shape(GraphQLResponse r, string code) => r.Json!.ToJsonString().Replace(code, "CODE", StringComparison.Ordinal);
        Assert.Equal(Shape(outOfScope, "320200000000"), Shape(unknownOutside, "329900000000"));
        Assert.Equal(Shape(outOfScope, "320200000000"), Shape(unknownInside, "320199000000"));
        Assert.Equal(Shape(outOfScope, "320200000000"), Shape(unknownNational, "329900000000"));
    }

    [Fact]
    public async Task Viewers_may_not_and_a_scoped_analyst_sees_the_province_through_its_own_communities()
    {
        var viewer = await data.Factory.GraphQL(WorkforceApiFactory.Token("viewer", "00")).PostAsync(Query, new { c = "320000000000" });
        Assert.Equal("AUTH_NOT_AUTHORIZED", viewer.FirstErrorCode);

        var scoped = data.Factory.GraphQL(WorkforceApiFactory.Token("analyst", "3201"));
        var province = await ReportAsync(scoped, "320000000000");
        var prefecture = await ReportAsync(scoped, "320100000000");

        // The province is visible (an ancestor of the scope), reported over the communities in scope only: its one
        // visible child is the caller's prefecture, with the same figures as the prefecture's own report.
        Assert.Equal("320000000000", province["region"]!["code"]!.GetValue<string>());
        var row = Assert.Single(province["breakdown"]!.AsArray());
        Assert.Equal("320100000000", row!["code"]!.GetValue<string>());
        foreach (var field in new[] { "urbanResidentPopulation", "workerCount", "standardStaffing", "staffingGap" })
        {
            Assert.Equal(prefecture[field]!.GetValue<int>(), province[field]!.GetValue<int>());
            Assert.Equal(prefecture[field]!.GetValue<int>(), row[field]!.GetValue<int>());
        }

        var expected = (await Oracle.LoadAsync(data)).Report("320100000000").Totals;
        AssertFigures(expected, province);
    }

    private static async Task<JsonNode> ReportAsync(GraphQLHttpClient client, string code) =>
        (await client.PostAsync(Query, new { c = code })).EnsureSuccess().Data!["staffing"]!;

    private static void AssertFigures(Figures expected, JsonNode actual)
    {
        var code = actual["code"]?.GetValue<string>() ?? actual["region"]?["code"]?.GetValue<string>();
        Assert.True(expected.Population == actual["urbanResidentPopulation"]!.GetValue<int>(), $"{code} population");
        Assert.True(expected.Workers == actual["workerCount"]!.GetValue<int>(), $"{code} workers");
        Assert.True(expected.Standard == actual["standardStaffing"]!.GetValue<int>(), $"{code} standard");
        Assert.True(expected.Standard - expected.Workers == actual["staffingGap"]!.GetValue<int>(), $"{code} gap");
    }

    private sealed record Figures(int Population, int Workers, int Standard)
    {
        public static Figures operator +(Figures a, Figures b) => new(a.Population + b.Population, a.Workers + b.Workers, a.Standard + b.Standard);
    }

    private sealed record CommunityFacts(string Code, string Name, bool Urban, Figures Figures);

    private sealed record RegionFacts(int Id, int? ParentId, string Code, string Name, Data.Regions.RegionLevel Level);

    // Written from domain.md "Staffing standard", without the server's expressions.
    private sealed class Oracle
    {
        public required List<CommunityFacts> Communities { get; init; }

        public required List<RegionFacts> Regions { get; init; }

        public static async Task<Oracle> LoadAsync(RulesDatabase data)
        {
            await using var db = data.Db();
            var communities = await db.Communities.Select(c => new { c.Id, c.Code, c.Name, c.UrbanRuralClass, c.ResidentPopulation }).ToListAsync();
            var posts = await db.Posts.Select(p => new { p.CommunityId, p.WorkerId, p.StartDate, p.EndDate }).ToListAsync();
            var regions = await db.Regions.Select(r => new RegionFacts(r.Id, r.ParentId, r.Code, r.Name, r.Level)).ToListAsync();
            var workers = posts.Where(p => p.StartDate <= Today && (p.EndDate is null || p.EndDate >= Today))
                .GroupBy(p => p.CommunityId).ToDictionary(g => g.Key, g => g.Select(p => p.WorkerId).Distinct().Count());
            return new Oracle
            {
                Regions = regions,
                Communities = [.. communities.Select(c =>
                {
                    var urban = c.UrbanRuralClass.StartsWith('1');
                    return new CommunityFacts(c.Code, c.Name, urban, urban
                        ? new Figures(c.ResidentPopulation, workers.GetValueOrDefault(c.Id), (int)Math.Ceiling(c.ResidentPopulation * 18 / 10_000m))
                        : new Figures(0, 0, 0));
                })],
            };
        }

        public (Figures Totals, List<(string Code, string Name, Figures Figures)> Rows) Report(string code)
        {
            var region = Regions.Single(r => r.Code == code);
            var prefix = Data.Regions.DivisionCode.Parse(code).Prefix;
            var inside = Communities.Where(c => c.Code.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var totals = inside.Aggregate(new Figures(0, 0, 0), (s, c) => s + c.Figures);
            var rows = region.Level == Data.Regions.RegionLevel.Township
                ? inside.Select(c => (c.Code, c.Name, c.Figures))
                : Regions.Where(r => r.ParentId == region.Id).Select(r =>
                {
                    var childPrefix = r.Code[..(prefix.Length == 2 ? 4 : prefix.Length == 4 ? 6 : 9)];
                    return (r.Code, r.Name, inside.Where(c => c.Code.StartsWith(childPrefix, StringComparison.Ordinal)).Aggregate(new Figures(0, 0, 0), (s, c) => s + c.Figures));
                });
            return (totals, [.. rows.OrderBy(r => r.Code, StringComparer.Ordinal)]);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Features.Tests.Rules;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Assessments;

/// <summary><c>assessmentQuotas</c> on the demo set (which the generator keeps within quota) against an in-memory oracle.</summary>
public sealed class AssessmentQuotaTests(RulesDatabase data) : IClassFixture<RulesDatabase>
{
    private const string Query = "query($y: Int!, $r: String, $o: Boolean) { assessmentQuotas(year: $y, regionCode: $r, overQuotaOnly: $o) { unit { code } year assessed excellent quotaPercent quota overQuota } }";

    [Theory]
    [InlineData(null)]
    [InlineData("320200000000")]
    public async Task Every_unit_counts_its_results_against_its_scheme_quota(string? regionCode)
    {
        var expected = await OracleAsync(data, 2024, regionCode);

        var response = await data.Factory.GraphQL().PostAsync(Query, new { y = 2024, r = regionCode });

        var rows = response.EnsureSuccess().Data!["assessmentQuotas"]!.AsArray();
        Assert.Equal(expected.Select(e => e.Code), rows.Select(r => r!["unit"]!["code"]!.GetValue<string>()));
        Assert.Equal(expected.Select(e => (e.Assessed, e.Excellent, e.Percent, e.Quota)), rows.Select(r => (
            r!["assessed"]!.GetValue<int>(), r["excellent"]!.GetValue<int>(), r["quotaPercent"]!.GetValue<int>(), r["quota"]!.GetValue<int>())));
        Assert.All(rows, r => Assert.False(r!["overQuota"]!.GetValue<bool>()));
        Assert.Contains(expected, e => e.Quota > 0);
        Assert.True(expected.Select(e => e.Percent).Distinct().Count() > 1 || regionCode is not null, "the demo set has two schemes with different quotas");
    }

    [Fact]
    public async Task Bad_input_and_roles_are_refused_with_codes()
    {
        var malformed = await data.Factory.GraphQL().PostAsync(Query, new { y = 2024, r = "3201" });
        var viewer = await data.Factory.GraphQL(WorkforceApiFactory.Token("viewer", "00")).PostAsync(Query, new { y = 2024 });
        var empty = await data.Factory.GraphQL().PostAsync(Query, new { y = 1990 });

        Assert.Equal("INVALID_DIVISION_CODE", malformed.FirstErrorCode);
        Assert.Equal("AUTH_NOT_AUTHORIZED", viewer.FirstErrorCode);
        Assert.Empty(empty.EnsureSuccess().Data!["assessmentQuotas"]!.AsArray());
    }

    internal static async Task<List<(string Code, int Assessed, int Excellent, int Percent, int Quota)>> OracleAsync(RulesDatabase data, int year, string? regionCode)
    {
        await using var db = data.Db();
        var assessments = await db.Assessments.Where(a => a.Year == year).Select(a => new { a.CommunityId, a.Result }).ToListAsync();
        var communities = await db.Communities.Select(c => new { c.Id, c.Code }).ToDictionaryAsync(c => c.Id, c => c.Code);
        var schemes = await db.GradeSchemes.Select(g => new { g.Id, g.Region!.Code, g.EffectiveFrom, g.ExcellentQuotaPercent }).ToListAsync();
        int Percent(string code)
        {
            var end = new DateOnly(year, 12, 31);
            var found = schemes.Where(s => s.Code == code[..4].PadRight(12, '0') && s.EffectiveFrom <= end).OrderByDescending(s => s.EffectiveFrom).ThenByDescending(s => s.Id).FirstOrDefault()
                ?? schemes.Where(s => s.Code == code[..2].PadRight(12, '0') && s.EffectiveFrom <= end).OrderByDescending(s => s.EffectiveFrom).ThenByDescending(s => s.Id).First();
            return found.ExcellentQuotaPercent;
        }

        var prefix = regionCode is null ? "" : regionCode.TrimEnd('0');
        return [.. assessments
            .GroupBy(a => communities[a.CommunityId])
            .Where(g => g.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(), g.Count(a => a.Result == AssessmentResult.Excellent), Percent(g.Key), g.Count() * Percent(g.Key) / 100))];
    }
}

/// <summary>A unit given more EXCELLENT results than its quota is flagged (its own data set: the test changes results).</summary>
public sealed class AssessmentOverQuotaTests(RulesDatabase data) : IClassFixture<RulesDatabase>
{
    [Fact]
    public async Task A_unit_over_its_quota_is_flagged_and_listed_by_over_quota_only()
    {
        var before = await AssessmentQuotaTests.OracleAsync(data, 2024, null);
        var target = before.First(e => e.Assessed >= 6 && e.Quota < e.Assessed);
        await data.Factory.WithDbAsync(async db =>
        {
            var unit = await db.Communities.SingleAsync(c => c.Code == target.Code);
            foreach (var assessment in await db.Assessments.Where(a => a.CommunityId == unit.Id && a.Year == 2024).ToListAsync())
            {
                assessment.Result = AssessmentResult.Excellent;
            }
        });

        var response = await data.Factory.GraphQL().PostAsync("{ assessmentQuotas(year: 2024, overQuotaOnly: true) { unit { code } excellent quota overQuota } }");

        var row = Assert.Single(response.EnsureSuccess().Data!["assessmentQuotas"]!.AsArray());
        Assert.Equal(target.Code, row!["unit"]!["code"]!.GetValue<string>());
        Assert.Equal(target.Assessed, row["excellent"]!.GetValue<int>());
        Assert.Equal(target.Quota, row["quota"]!.GetValue<int>());
        Assert.True(row["overQuota"]!.GetValue<bool>());
    }
}

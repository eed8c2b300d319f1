using System.Text.RegularExpressions;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Workers;

namespace WorkforceGraph.Data.Tests.Seeding;

public sealed partial class DemoDataValidityTests(DemoDataFixture data) : IClassFixture<DemoDataFixture>
{
    [Fact]
    public void Demo_is_Jiangsu_with_at_least_300_communities_and_5000_workers()
    {
        var province = Assert.Single(data.Regions, r => r.Level == RegionLevel.Province);
        Assert.Equal(("320000000000", "江苏省"), (province.Code, province.Name));
        Assert.True(data.Communities.Count >= 300, $"{data.Communities.Count} communities");
        Assert.True(data.Workers.Count >= 5000, $"{data.Workers.Count} workers");
        Assert.Equal(data.Workers.Count, data.Result.Tables.Single(t => t.Table == "Workers").Rows);
    }

    [Fact]
    public void Every_id_number_is_valid_unique_and_agrees_with_the_record_and_county()
    {
        var communities = data.Communities.ToDictionary(c => c.Id);
        foreach (var worker in data.Workers)
        {
            Assert.True(IdNumber.TryParse(worker.IdNumber.Unmasked, out var parsed, out var error), error);
            Assert.True(parsed.AgreesWith(worker.BirthDate, worker.Gender), $"worker {worker.Id}");
            Assert.StartsWith(worker.IdNumber.Unmasked[..6], communities[worker.CommunityId!.Value].Code, StringComparison.Ordinal);
        }

        Assert.Equal(data.Workers.Count, data.Workers.Select(w => w.IdNumber.Unmasked).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Names_phones_and_ethnicities_are_plausible()
    {
        Assert.All(data.Workers, w => Assert.Matches(PhonePattern(), w.Phone!));
        Assert.All(data.Workers, w => Assert.InRange(w.Name.Length, 2, 3));
        Assert.True(data.Workers.Count(w => w.Ethnicity == "汉族") > data.Workers.Count * 0.9);
        Assert.Contains(data.Workers, w => w.Ethnicity != "汉族");
    }

    [Fact]
    public void Every_code_parses_at_its_level_and_the_hierarchy_is_consistent()
    {
        var regions = data.Regions.ToDictionary(r => r.Id);
        foreach (var region in data.Regions)
        {
            var level = (DivisionLevel)(int)region.Level;
            Assert.True(DivisionCode.TryParse(region.Code, level, out var code, out var error), error);
            if (region.ParentId is { } parentId)
            {
                var parent = regions[parentId];
                Assert.Equal(region.Level - 1, parent.Level);
                Assert.StartsWith(DivisionCode.Parse(parent.Code).Prefix, region.Code, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(RegionLevel.Province, region.Level);
            }

            if (region.Level == RegionLevel.Township)
            {
                var digits = int.Parse(code.Value.AsSpan(6, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(region.Name.EndsWith("街道", StringComparison.Ordinal) ? digits is >= 1 and <= 99 : digits is >= 100 and <= 199, region.Name);
            }
        }

        foreach (var community in data.Communities)
        {
            Assert.True(DivisionCode.TryParse(community.Code, DivisionLevel.Village, out var code, out var error), error);
            var township = regions[community.RegionId];
            Assert.Equal(RegionLevel.Township, township.Level);
            Assert.StartsWith(township.Code[..9], community.Code, StringComparison.Ordinal);
            var village = int.Parse(code.Value.AsSpan(9, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
            var urban = community.UrbanRuralClass.StartsWith('1');
            Assert.True(urban ? village is >= 1 and <= 199 : village is >= 200 and <= 399, community.Code);
            Assert.Contains(community.UrbanRuralClass, UrbanRuralClasses);
        }

        Assert.Contains(data.Communities, c => !c.UrbanRuralClass.StartsWith('1'));
    }

    [Fact]
    public void Post_categories_follow_roles_and_grades_lie_inside_the_applicable_scheme()
    {
        Assert.True(data.Schemes.Count >= 2);
        Assert.True(data.Schemes.Select(s => s.Ranges.Max(r => r.MaxGrade)).Distinct().Count() >= 2, "schemes of different shapes");
        var regions = data.Regions.ToDictionary(r => r.Id);
        var communities = data.Communities.ToDictionary(c => c.Id);
        foreach (var post in data.Posts)
        {
            Assert.Equal(Post.CategoryOf(post.Role), post.Category);
            var code = communities[post.CommunityId].Code;
            // The most specific region's scheme applies: prefecture before province.
            var scheme = data.Schemes
                .Where(s => s.EffectiveFrom <= DemoDataFixture.AsOf && code.StartsWith(DivisionCode.Parse(regions[s.RegionId].Code).Prefix, StringComparison.Ordinal))
                .OrderByDescending(s => regions[s.RegionId].Level)
                .ThenByDescending(s => s.EffectiveFrom)
                .First();
            var range = scheme.Ranges.Single(r => r.Category == post.Category);
            Assert.InRange(post.Grade, range.MinGrade, range.MaxGrade);
            Assert.True(post.EndDate is null || post.EndDate >= post.StartDate);
        }
    }

    [Fact]
    public void Every_urban_community_has_exactly_one_current_party_secretary_and_rural_units_none()
    {
        var secretaries = data.Posts.Where(p => p.Role == PostRole.PartySecretary && DemoDataFixture.IsCurrent(p)).GroupBy(p => p.CommunityId).ToDictionary(g => g.Key, g => g.Count());
        foreach (var community in data.Communities)
        {
            var expected = community.UrbanRuralClass.StartsWith('1') ? 1 : 0;
            Assert.Equal(expected, secretaries.GetValueOrDefault(community.Id));
        }

        var secretaryIds = data.Posts.Where(p => p.Role == PostRole.PartySecretary && DemoDataFixture.IsCurrent(p)).Select(p => p.WorkerId).ToHashSet();
        Assert.All(data.Workers.Where(w => secretaryIds.Contains(w.Id)), w => Assert.Equal(PoliticalStatus.CpcMember, w.PoliticalStatus));
        var directorIds = data.Posts.Where(p => p.Role == PostRole.CommitteeDirector && DemoDataFixture.IsCurrent(p)).Select(p => p.WorkerId).ToHashSet();
        Assert.Contains(secretaryIds, directorIds.Contains); // 一肩挑
        Assert.Contains(directorIds, id => !secretaryIds.Contains(id));
    }

    [Fact]
    public void Community_of_record_statuses_and_history_are_consistent()
    {
        var posts = data.Posts.ToLookup(p => p.WorkerId);
        foreach (var worker in data.Workers)
        {
            var current = posts[worker.Id].Where(DemoDataFixture.IsCurrent).ToList();
            if (worker.Status == WorkerStatus.Left)
            {
                Assert.Empty(current);
                Assert.Equal(posts[worker.Id].MaxBy(p => p.StartDate)!.CommunityId, worker.CommunityId);
            }
            else
            {
                Assert.NotEmpty(current);
                Assert.All(current, p => Assert.Equal(worker.CommunityId, p.CommunityId));
            }
        }

        Assert.Contains(data.Workers, w => w.Status == WorkerStatus.Left);
        Assert.Contains(data.Workers, w => w.Status == WorkerStatus.Probation);
        Assert.Contains(data.Workers, w => posts[w.Id].Select(p => p.CommunityId).Distinct().Count() > 1); // transfers
        Assert.Contains(data.Workers, w => posts[w.Id].Any(p => p.EndDate is not null) && w.Status != WorkerStatus.Left);
    }

    [Fact]
    public void Some_communities_are_understaffed_and_some_overstaffed()
    {
        var workerCounts = data.Posts.Where(DemoDataFixture.IsCurrent).GroupBy(p => p.CommunityId).ToDictionary(g => g.Key, g => g.Select(p => p.WorkerId).Distinct().Count());
        var gaps = data.Communities.Where(c => c.UrbanRuralClass.StartsWith('1'))
            .Select(c => (int)Math.Ceiling(c.ResidentPopulation * 18 / 10000.0) - workerCounts.GetValueOrDefault(c.Id))
            .ToList();
        Assert.True(gaps.Count(g => g > 0) > gaps.Count / 10, "understaffed");
        Assert.True(gaps.Count(g => g < 0) > gaps.Count / 10, "overstaffed");
    }

    [Fact]
    public void Excellent_results_respect_the_quota_per_unit_and_year()
    {
        var communities = data.Communities.ToDictionary(c => c.Id);
        var regions = data.Regions.ToDictionary(r => r.Id);
        foreach (var unit in data.Assessments.GroupBy(a => (a.CommunityId, a.Year)))
        {
            var code = communities[unit.Key.CommunityId].Code;
            var scheme = data.Schemes
                .Where(s => code.StartsWith(DivisionCode.Parse(regions[s.RegionId].Code).Prefix, StringComparison.Ordinal))
                .MaxBy(s => regions[s.RegionId].Level)!;
            var quota = unit.Count() * scheme.ExcellentQuotaPercent / 100;
            Assert.True(unit.Count(a => a.Result == AssessmentResult.Excellent) <= quota, $"{code} {unit.Key.Year}");
        }

        Assert.Contains(data.Assessments, a => a.Result == AssessmentResult.Excellent);
        Assert.Equal(data.Assessments.Count, data.Assessments.Select(a => (a.WorkerId, a.Year)).Distinct().Count());
        Assert.All(data.Assessments, a => Assert.True(a.AssessedOn <= DemoDataFixture.AsOf && a.AssessedOn.Year == a.Year));
    }

    [Fact]
    public void Some_workers_are_training_compliant_and_some_overdue()
    {
        var trainings = data.Trainings.ToDictionary(t => t.Id);
        var principals = data.Posts.Where(p => DemoDataFixture.IsCurrent(p) && p.Category == PostCategory.Principal).Select(p => p.WorkerId).ToHashSet();
        var lastPassed = data.TrainingRecords.Where(r => r.Passed && r.CompletedOn is not null)
            .GroupBy(r => r.WorkerId)
            .ToDictionary(g => g.Key, g => g.Max(r => r.CompletedOn!.Value).Year);
        var year = DemoDataFixture.AsOf.Year;
        var statuses = data.Workers.Where(w => w.Status != WorkerStatus.Left).Select(w =>
        {
            var last = lastPassed.GetValueOrDefault(w.Id);
            // Art. 8: yearly for secretaries and directors, every three years for the others.
            var cycleStart = principals.Contains(w.Id) ? year : year - 2;
            return last >= cycleStart ? "COMPLIANT" : "OTHER";
        }).ToList();
        Assert.Contains("COMPLIANT", statuses);
        Assert.True(statuses.Count(s => s == "OTHER") > statuses.Count / 20);
        Assert.All(data.TrainingRecords, r => Assert.True(r.CompletedOn <= DemoDataFixture.AsOf && r.CompletedOn >= trainings[r.TrainingId].StartDate));
    }

    private static readonly string[] UrbanRuralClasses = ["111", "112", "121", "122", "123", "210", "220"];

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex PhonePattern();
}

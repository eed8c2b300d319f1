using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Features.Rules;

namespace WorkforceGraph.Features.Tests.Rules;

/// <summary>The staffing standard evaluated in SQL against oracles written from domain.md, over the demo communities.</summary>
public sealed class CommunityRulesTests(RulesDatabase data) : IClassFixture<RulesDatabase>
{
    private static DateOnly Today => RulesDatabase.Today;

    [Fact]
    public async Task Standard_worker_count_and_gap_follow_the_18_per_10000_rule()
    {
        await using var db = data.Db();
        var communities = await db.Communities.OrderBy(c => c.Id).Select(c => new { c.Id, c.UrbanRuralClass, c.ResidentPopulation }).ToListAsync();
        var posts = await db.Posts.Select(p => new { p.CommunityId, p.WorkerId, p.StartDate, p.EndDate }).ToListAsync();

        var urban = await db.Communities.OrderBy(c => c.Id).Select(CommunityRules.IsUrban).ToListAsync();
        var standard = await db.Communities.OrderBy(c => c.Id).Select(CommunityRules.StandardStaffing).ToListAsync();
        var count = await db.Communities.OrderBy(c => c.Id).Select(CommunityRules.WorkerCount(Today)).ToListAsync();
        var gap = await db.Communities.OrderBy(c => c.Id).Select(CommunityRules.StaffingGap(Today)).ToListAsync();

        var expectedUrban = communities.Select(c => c.UrbanRuralClass[0] == '1').ToList();
        var expectedStandard = communities.Select((c, i) => expectedUrban[i] ? (int)Math.Ceiling(c.ResidentPopulation * 18 / 10_000m) : 0).ToList();
        var expectedCount = communities.Select(c => posts.Where(p => p.CommunityId == c.Id && p.StartDate <= Today && (p.EndDate is null || p.EndDate >= Today)).Select(p => p.WorkerId).Distinct().Count()).ToList();
        Assert.Equal(expectedUrban, urban);
        Assert.Equal(expectedStandard, standard);
        Assert.Equal(expectedCount, count);
        Assert.Equal(expectedStandard.Zip(expectedCount, (s, c) => s - c), gap);
        Assert.Contains(gap, g => g > 0);
        Assert.Contains(gap, g => g < 0);
        Assert.Contains(urban, u => !u);
    }

    [Theory]
    [InlineData("2025-06-15", null, true)]
    [InlineData("2025-06-16", null, false)] // starts tomorrow
    [InlineData("2020-01-01", "2025-06-15", true)] // ends today
    [InlineData("2020-01-01", "2025-06-14", false)] // ended yesterday
    public void A_post_is_current_from_its_start_to_its_end_inclusive(string start, string? end, bool current)
    {
        var post = new Post
        {
            Role = PostRole.GridWorker,
            Category = PostCategory.Staff,
            StartDate = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            EndDate = end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.Equal(current, PostRules.IsCurrent(Today).Compile()(post));
    }
}

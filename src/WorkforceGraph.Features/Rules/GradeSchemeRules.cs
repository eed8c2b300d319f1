using System.Linq.Expressions;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.GraphQL.Conventions.Expressions;

namespace WorkforceGraph.Features.Rules;

/// <summary>A community and the id of the grade scheme that applies to it (null when none does).</summary>
public sealed class CommunityGradeScheme
{
    public int CommunityId { get; init; }

    public int? SchemeId { get; init; }
}

/// <summary>
/// Which grade scheme applies where (art. 4; domain.md "Post-grade sequence"), as expressions EF Core translates to
/// SQL: the scheme of the most specific region containing the community (prefecture before province), among schemes
/// with <c>effectiveFrom ≤ today</c>, the latest effective one (then the highest id) — the choice
/// <see cref="WorkerRules.EligibleGrade"/> makes for a worker's community.
/// </summary>
public static class GradeSchemeRules
{
    /// <summary>The id of the grade scheme that applies to a community today; null when none does.</summary>
    public static Expression<Func<Community, int?>> ApplicableSchemeId(DateOnly today) =>
        c => c.Region!.Parent!.Parent!.GradeSchemes.Any(g => g.EffectiveFrom <= today)
            ? c.Region!.Parent!.Parent!.GradeSchemes
                .Where(g => g.EffectiveFrom <= today)
                .OrderByDescending(g => g.EffectiveFrom).ThenByDescending(g => g.Id)
                .Select(g => (int?)g.Id)
                .FirstOrDefault()
            : c.Region!.Parent!.Parent!.Parent!.GradeSchemes
                .Where(g => g.EffectiveFrom <= today)
                .OrderByDescending(g => g.EffectiveFrom).ThenByDescending(g => g.Id)
                .Select(g => (int?)g.Id)
                .FirstOrDefault();

    /// <summary>Each community with the id of the grade scheme that applies to it today (one query for many communities).</summary>
    public static Expression<Func<Community, CommunityGradeScheme>> ForCommunity(DateOnly today)
    {
        var community = Expression.Parameter(typeof(Community), "c");
        var body = Expression.MemberInit(
            Expression.New(typeof(CommunityGradeScheme)),
            Expression.Bind(typeof(CommunityGradeScheme).GetProperty(nameof(CommunityGradeScheme.CommunityId))!, Expression.Property(community, nameof(Community.Id))),
            Expression.Bind(typeof(CommunityGradeScheme).GetProperty(nameof(CommunityGradeScheme.SchemeId))!, ExpressionTools.Rebind(ApplicableSchemeId(today), community)));
        return Expression.Lambda<Func<Community, CommunityGradeScheme>>(body, community);
    }
}

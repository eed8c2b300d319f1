using System.Linq.Expressions;
using WorkforceGraph.Data.Communities;

namespace WorkforceGraph.Features.Rules;

/// <summary>
/// The staffing standard of art. 3 (domain.md "Staffing standard") as expressions EF Core translates to SQL:
/// 18 community workers per 10,000 urban residents, each community's standard rounded up on its own.
/// </summary>
public static class CommunityRules
{
    /// <summary>Workers per 10,000 urban residents (art. 3).</summary>
    public const int WorkersPer10k = 18;

    /// <summary>Urban–rural classes starting with 1 are urban (111 main urban area … 123 special area).</summary>
    public static readonly Expression<Func<Community, bool>> IsUrban = c => c.UrbanRuralClass.Substring(0, 1) == "1";

    /// <summary><c>ceil(residentPopulation × 18 / 10000)</c> for urban communities, 0 for rural units.</summary>
    public static readonly Expression<Func<Community, int>> StandardStaffing =
        c => c.UrbanRuralClass.Substring(0, 1) == "1" ? ((c.ResidentPopulation * WorkersPer10k) + 9_999) / 10_000 : 0;

    /// <summary>Distinct workers with a current post in the community today.</summary>
    public static Expression<Func<Community, int>> WorkerCount(DateOnly today)
    {
        var isCurrent = PostRules.IsCurrent(today);
        return c => c.Posts.AsQueryable().Where(isCurrent).Select(p => p.WorkerId).Distinct().Count();
    }

    /// <summary><c>standardStaffing − workerCount</c>: positive when under-staffed.</summary>
    public static Expression<Func<Community, int>> StaffingGap(DateOnly today)
    {
        var isCurrent = PostRules.IsCurrent(today);
        return c => (c.UrbanRuralClass.Substring(0, 1) == "1" ? ((c.ResidentPopulation * WorkersPer10k) + 9_999) / 10_000 : 0)
            - c.Posts.AsQueryable().Where(isCurrent).Select(p => p.WorkerId).Distinct().Count();
    }
}

using System.Linq.Expressions;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Workers;

namespace WorkforceGraph.Features.Rules;

/// <summary>Training-cycle status of a worker (art. 8; domain.md "Training").</summary>
public enum TrainingStatus
{
    /// <summary>A passed training completed within the current cycle.</summary>
    Compliant,

    /// <summary>The cycle ends this year and no passed training has been completed in it yet.</summary>
    DueThisYear,

    /// <summary>The cycle has ended without a passed training.</summary>
    Overdue,
}

/// <summary>
/// Rules of domain.md about workers, as expressions EF Core translates to SQL (correlated subqueries over the
/// worker's posts, training records and assessments). "Today" is a parameter from the request's clock.
/// </summary>
public static class WorkerRules
{
    /// <summary>Full years of community work up to today (years accumulate across moves).</summary>
    public static Expression<Func<Worker, int>> ServiceYears(DateOnly today) =>
        w => today.Year - w.CommunityWorkStartDate.Year
            - (today.Month < w.CommunityWorkStartDate.Month
                || (today.Month == w.CommunityWorkStartDate.Month && today.Day < w.CommunityWorkStartDate.Day) ? 1 : 0);

    /// <summary>Age in full years today.</summary>
    public static Expression<Func<Worker, int>> Age(DateOnly today) =>
        w => today.Year - w.BirthDate.Year
            - (today.Month < w.BirthDate.Month || (today.Month == w.BirthDate.Month && today.Day < w.BirthDate.Day) ? 1 : 0);

    /// <summary>
    /// The main current post: highest category, then PARTY_SECRETARY before COMMITTEE_DIRECTOR before the other
    /// roles, then the earliest start (then the key, so that the choice is stable); null without a current post.
    /// </summary>
    public static Expression<Func<Worker, Post?>> CurrentPost(DateOnly today)
    {
        var isCurrent = PostRules.IsCurrent(today);
        return w => w.Posts.AsQueryable().Where(isCurrent)
            .OrderBy(PostRules.CategoryRank).ThenBy(PostRules.RoleRank).ThenBy(p => p.StartDate).ThenBy(p => p.Id)
            .FirstOrDefault();
    }

    /// <summary>The assessment of the latest year; null when none.</summary>
    public static readonly Expression<Func<Worker, Assessment?>> LatestAssessment =
        w => w.Assessments.OrderByDescending(a => a.Year).FirstOrDefault();

    /// <summary>
    /// COMPLIANT when a passed training was completed within the cycle (this calendar year for Party secretaries and
    /// committee directors, this year or the two before for everyone else); DUE_THIS_YEAR when the last one closes
    /// the cycle this year (last year's for the yearly roles, three years ago for the others); OVERDUE otherwise.
    /// </summary>
    public static Expression<Func<Worker, TrainingStatus>> Training(DateOnly today)
    {
        var isCurrent = PostRules.IsCurrent(today);
        var year = today.Year;
        return w =>
            w.Posts.AsQueryable().Where(isCurrent).Any(p => p.Role == PostRole.PartySecretary || p.Role == PostRole.CommitteeDirector)
                ? (w.TrainingRecords.Any(r => r.Passed && r.CompletedOn != null && r.CompletedOn <= today && r.CompletedOn.Value.Year >= year)
                    ? TrainingStatus.Compliant
                    : w.TrainingRecords.Any(r => r.Passed && r.CompletedOn != null && r.CompletedOn.Value.Year == year - 1)
                        ? TrainingStatus.DueThisYear
                        : TrainingStatus.Overdue)
                : (w.TrainingRecords.Any(r => r.Passed && r.CompletedOn != null && r.CompletedOn <= today && r.CompletedOn.Value.Year >= year - 2)
                    ? TrainingStatus.Compliant
                    : w.TrainingRecords.Any(r => r.Passed && r.CompletedOn != null && r.CompletedOn.Value.Year == year - 3)
                        ? TrainingStatus.DueThisYear
                        : TrainingStatus.Overdue);
    }
}

using System.Linq.Expressions;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.GradeSchemes;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.GraphQL.Conventions.Expressions;

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
    public static Expression<Func<Worker, Post?>> CurrentPost(DateOnly today) => OfCurrentPost<Post?>(today, p => p);

    /// <summary>
    /// <paramref name="select"/> applied to the main current post inside its subquery (one subquery, not one per
    /// use); null without a current post.
    /// </summary>
    public static Expression<Func<Worker, T>> OfCurrentPost<T>(DateOnly today, Expression<Func<Post, T>> select)
    {
        var isCurrent = PostRules.IsCurrent(today);
        return w => w.Posts.AsQueryable().Where(isCurrent)
            .OrderBy(PostRules.CategoryRank).ThenBy(PostRules.RoleRank).ThenBy(p => p.StartDate).ThenBy(p => p.Id)
            .Select(select)
            .FirstOrDefault()!;
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

    /// <summary>The category of the main current post; null without a current post.</summary>
    public static Expression<Func<Worker, PostCategory?>> CurrentCategory(DateOnly today) => OfCurrentPost<PostCategory?>(today, p => p.Category);

    /// <summary>The role of the main current post; null without a current post.</summary>
    public static Expression<Func<Worker, PostRole?>> CurrentRole(DateOnly today) => OfCurrentPost<PostRole?>(today, p => p.Role);

    /// <summary>
    /// The grade the applicable grade scheme yields today for the current post's category (art. 4):
    /// <c>min(categoryMax, categoryMin + serviceYears / yearsPerStep + educationBonus + qualificationBonus)</c>. The
    /// scheme is the prefecture's latest effective one, else the province's; null without a current post, without a
    /// scheme, or when the scheme has no range for the category.
    /// </summary>
    public static Expression<Func<Worker, int?>> EligibleGrade(DateOnly today)
    {
        // (worker, service years, category, schemes of one region) → the grade that region's latest scheme yields.
        // The category is a constant in each copy: EF Core cannot nest the current-post subquery inside the scheme's.
        Expression<Func<Worker, int, IEnumerable<GradeScheme>, int?>> FromSchemes(PostCategory category) => (w, years, schemes) =>
            schemes.AsQueryable()
                .Where(g => g.EffectiveFrom <= today)
                .OrderByDescending(g => g.EffectiveFrom).ThenByDescending(g => g.Id)
                .Select(g => new
                {
                    Min = g.Ranges.Where(r => r.Category == category).Select(r => (int?)r.MinGrade).FirstOrDefault(),
                    Max = g.Ranges.Where(r => r.Category == category).Select(r => (int?)r.MaxGrade).FirstOrDefault(),
                    Steps = years / g.YearsPerStep,
                    Bonus = (w.Education == EducationLevel.Bachelor ? g.BachelorBonus
                            : w.Education == EducationLevel.Master ? g.MasterBonus
                            : w.Education == EducationLevel.Doctor ? g.DoctorBonus : 0)
                        + (w.SocialWorkQualification == SocialWorkQualification.Assistant ? g.AssistantBonus
                            : w.SocialWorkQualification == SocialWorkQualification.Intermediate ? g.IntermediateBonus
                            : w.SocialWorkQualification == SocialWorkQualification.Senior ? g.SeniorBonus : 0),
                })
                .Select(x => x.Min + x.Steps + x.Bonus < x.Max ? x.Min + x.Steps + x.Bonus : x.Max)
                .FirstOrDefault();
        Expression<Func<Worker, bool>> prefectureHasScheme = w => w.Community!.Region!.Parent!.Parent!.GradeSchemes.Any(g => g.EffectiveFrom <= today);
        Expression<Func<Worker, IEnumerable<GradeScheme>>> prefecture = w => w.Community!.Region!.Parent!.Parent!.GradeSchemes;
        Expression<Func<Worker, IEnumerable<GradeScheme>>> province = w => w.Community!.Region!.Parent!.Parent!.Parent!.GradeSchemes;

        var worker = Expression.Parameter(typeof(Worker), "w");
        var years = ExpressionTools.Rebind(ServiceYears(today), worker);
        var category = ExpressionTools.Rebind(CurrentCategory(today), worker);
        var hasPrefectureScheme = ExpressionTools.Rebind(prefectureHasScheme, worker);
        Expression For(PostCategory value) => Expression.Condition(
            hasPrefectureScheme,
            Substitute(FromSchemes(value), worker, years, ExpressionTools.Rebind(prefecture, worker)),
            Substitute(FromSchemes(value), worker, years, ExpressionTools.Rebind(province, worker)));
        Expression body = Expression.Constant(null, typeof(int?));
        foreach (var value in new[] { PostCategory.Staff, PostCategory.Deputy, PostCategory.Principal })
        {
            body = Expression.Condition(Expression.Equal(category, Expression.Constant(value, typeof(PostCategory?))), For(value), body);
        }

        return Expression.Lambda<Func<Worker, int?>>(body, worker);
    }

    /// <summary>
    /// Incentive route (art. 13): current post PARTY_SECRETARY; at least 10 full years of community work; at least
    /// five years (1,826 days) as Party secretary in total up to today; assessments for each of the last five calendar
    /// years, none below COMPETENT and at least one EXCELLENT.
    /// </summary>
    public static Expression<Func<Worker, bool>> IncentiveEligible(DateOnly today)
    {
        var year = today.Year;
        var todayNumber = today.DayNumber;
        Expression<Func<Worker, PostRole?, int, bool>> rule = (w, role, years) =>
            role == PostRole.PartySecretary
            && years >= 10
            && w.Posts.Where(p => p.Role == PostRole.PartySecretary && p.StartDate <= today)
                .Sum(p => (p.EndDate == null || p.EndDate > today ? todayNumber : p.EndDate.Value.DayNumber) - p.StartDate.DayNumber) >= MinimumSecretaryDays
            && w.Assessments.Count(a => a.Year >= year - 5 && a.Year <= year - 1
                && (a.Result == AssessmentResult.Excellent || a.Result == AssessmentResult.Competent)) == 5
            && w.Assessments.Any(a => a.Year >= year - 5 && a.Year <= year - 1 && a.Result == AssessmentResult.Excellent);
        var worker = Expression.Parameter(typeof(Worker), "w");
        return Expression.Lambda<Func<Worker, bool>>(
            Substitute(rule, worker, ExpressionTools.Rebind(CurrentRole(today), worker), ExpressionTools.Rebind(ServiceYears(today), worker)),
            worker);
    }

    /// <summary>A full term of five years, in days (a five-year stretch always holds one leap day).</summary>
    public const int MinimumSecretaryDays = (5 * 365) + 1;

    // Replaces a lambda's parameters with expressions and returns its body.
    private static Expression Substitute(LambdaExpression lambda, params Expression[] arguments) =>
        new Substitution(lambda.Parameters, arguments).Visit(lambda.Body);

    private sealed class Substitution(IReadOnlyList<ParameterExpression> parameters, IReadOnlyList<Expression> arguments) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i] == node)
                {
                    return arguments[i];
                }
            }

            return node;
        }
    }
}

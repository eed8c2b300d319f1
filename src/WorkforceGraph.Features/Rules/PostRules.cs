using System.Linq.Expressions;
using WorkforceGraph.Data.Posts;

namespace WorkforceGraph.Features.Rules;

/// <summary>
/// Rules of domain.md about posts, as expressions EF Core translates to SQL, so that fields defined by them
/// filter and sort in the database. "Today" is a parameter (the request's clock), never a constant.
/// </summary>
public static class PostRules
{
    /// <summary>A post is current when it has started and not ended (<c>endDate</c> null or today or later).</summary>
    public static Expression<Func<Post, bool>> IsCurrent(DateOnly today) =>
        p => p.StartDate <= today && (p.EndDate == null || p.EndDate >= today);

    /// <summary>PRINCIPAL 0, DEPUTY 1, STAFF 2: the order of <c>Worker.currentPost</c>.</summary>
    public static readonly Expression<Func<Post, int>> CategoryRank =
        p => p.Category == PostCategory.Principal ? 0 : p.Category == PostCategory.Deputy ? 1 : 2;

    /// <summary>PARTY_SECRETARY 0, COMMITTEE_DIRECTOR 1, any other role 2.</summary>
    public static readonly Expression<Func<Post, int>> RoleRank =
        p => p.Role == PostRole.PartySecretary ? 0 : p.Role == PostRole.CommitteeDirector ? 1 : 2;

    /// <summary>Roles trained every year (art. 8); everyone else every three years.</summary>
    public static bool IsYearlyTrainingRole(PostRole role) => role is PostRole.PartySecretary or PostRole.CommitteeDirector;
}

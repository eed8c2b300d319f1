using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Workers;

namespace WorkforceGraph.Data.Posts;

/// <summary>Role held in a community (两委 members, full-time staff, grid workers).</summary>
public enum PostRole { PartySecretary, CommitteeDirector, PartyCommitteeMember, CommitteeMember, FullTimeStaff, GridWorker }

/// <summary>Post category of the grade sequence (art. 4): 正职, 副职, 其他.</summary>
public enum PostCategory { Principal, Deputy, Staff }

/// <summary>An appointment of a worker to a role in a community, with its category and grade.</summary>
public sealed class Post
{
    public int Id { get; init; }

    public int WorkerId { get; init; }

    public Worker? Worker { get; init; }

    public int CommunityId { get; init; }

    public Community? Community { get; init; }

    public required PostRole Role { get; init; }

    public required PostCategory Category { get; set; }

    public int Grade { get; set; }

    public required DateOnly StartDate { get; init; }

    public DateOnly? EndDate { get; set; }

    /// <summary>The category a role belongs to in every grade scheme.</summary>
    public static PostCategory CategoryOf(PostRole role) => role switch
    {
        PostRole.PartySecretary or PostRole.CommitteeDirector => PostCategory.Principal,
        PostRole.PartyCommitteeMember or PostRole.CommitteeMember => PostCategory.Deputy,
        _ => PostCategory.Staff,
    };
}

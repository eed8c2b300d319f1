using WorkforceGraph.Data.Posts;
using WorkforceGraph.Features.Common;

namespace WorkforceGraph.Features.Posts;

/// <summary>GraphQL enum <c>PostRole</c>.</summary>
public sealed class PostRoleGraphType() : DescribedEnumGraphType<PostRole>("PostRole", "Role of a post in a community.", Labels)
{
    /// <summary>Chinese display label and English description of each value.</summary>
    public static readonly IReadOnlyDictionary<PostRole, (string Label, string Description)> Labels = new Dictionary<PostRole, (string, string)>
    {
        [PostRole.PartySecretary] = ("社区党组织书记", "secretary of the community Party organisation (often also committee director, 一肩挑)"),
        [PostRole.CommitteeDirector] = ("居委会主任", "director of the residents' committee"),
        [PostRole.PartyCommitteeMember] = ("党组织委员", "member of the community Party committee"),
        [PostRole.CommitteeMember] = ("居委会委员", "member of the residents' committee"),
        [PostRole.FullTimeStaff] = ("专职工作人员", "community full-time staff"),
        [PostRole.GridWorker] = ("网格员", "grid worker serving one grid of the community (art. 9)"),
    };
}

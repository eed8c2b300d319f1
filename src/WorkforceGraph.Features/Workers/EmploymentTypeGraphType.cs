using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Common;

namespace WorkforceGraph.Features.Workers;

/// <summary>GraphQL enum <c>EmploymentType</c>.</summary>
public sealed class EmploymentTypeGraphType() : DescribedEnumGraphType<EmploymentType>("EmploymentType", "Who counts as a community worker (art. 1).", Labels)
{
    /// <summary>Chinese display label and English description of each value.</summary>
    public static readonly IReadOnlyDictionary<EmploymentType, (string Label, string Description)> Labels = new Dictionary<EmploymentType, (string, string)>
    {
        [EmploymentType.TwoCommitteesFullTime] = ("社区“两委”专职成员", "full-time member of the community Party organisation or residents' committee"),
        [EmploymentType.CommunityStaff] = ("社区专职工作人员", "community full-time staff recruited by the prefecture or county, managed by the township"),
    };
}

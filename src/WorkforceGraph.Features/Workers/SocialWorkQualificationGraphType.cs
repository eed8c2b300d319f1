using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Common;

namespace WorkforceGraph.Features.Workers;

/// <summary>GraphQL enum <c>SocialWorkQualification</c>.</summary>
public sealed class SocialWorkQualificationGraphType() : DescribedEnumGraphType<SocialWorkQualification>("SocialWorkQualification", "National social-work qualification (社会工作者职业资格); only the highest held counts.", Labels)
{
    /// <summary>Chinese display label and English description of each value.</summary>
    public static readonly IReadOnlyDictionary<SocialWorkQualification, (string Label, string Description)> Labels = new Dictionary<SocialWorkQualification, (string, string)>
    {
        [SocialWorkQualification.Assistant] = ("助理社工师", "assistant social worker (+1 grade in the common scheme)"),
        [SocialWorkQualification.Intermediate] = ("社工师", "social worker (+2 grades in the common scheme)"),
        [SocialWorkQualification.Senior] = ("高级社工师", "senior social worker (+3 grades in the common scheme)"),
    };
}

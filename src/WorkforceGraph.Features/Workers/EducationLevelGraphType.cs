using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Common;

namespace WorkforceGraph.Features.Workers;

/// <summary>GraphQL enum <c>EducationLevel</c>.</summary>
public sealed class EducationLevelGraphType() : DescribedEnumGraphType<EducationLevel>("EducationLevel", "Highest completed education; bachelor and above add grade bonuses (art. 4).", Labels)
{
    /// <summary>Chinese display label and English description of each value.</summary>
    public static readonly IReadOnlyDictionary<EducationLevel, (string Label, string Description)> Labels = new Dictionary<EducationLevel, (string, string)>
    {
        [EducationLevel.JuniorSecondaryOrBelow] = ("初中及以下", "junior secondary school or below"),
        [EducationLevel.SeniorSecondary] = ("高中/中专", "senior secondary or vocational secondary school"),
        [EducationLevel.JuniorCollege] = ("大专", "junior college (three-year tertiary)"),
        [EducationLevel.Bachelor] = ("本科", "bachelor's degree (+1 grade in the common scheme)"),
        [EducationLevel.Master] = ("硕士研究生", "master's degree (+2 grades in the common scheme)"),
        [EducationLevel.Doctor] = ("博士研究生", "doctorate (+3 grades in the common scheme)"),
    };
}

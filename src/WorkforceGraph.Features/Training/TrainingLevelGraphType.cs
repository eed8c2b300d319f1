using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Features.Common;

namespace WorkforceGraph.Features.Training;

/// <summary>GraphQL enum <c>TrainingLevel</c>.</summary>
public sealed class TrainingLevelGraphType() : DescribedEnumGraphType<TrainingLevel>("TrainingLevel", "Organizing level of a training programme (art. 8).", Labels)
{
    /// <summary>Chinese display label and English description of each value.</summary>
    public static readonly IReadOnlyDictionary<TrainingLevel, (string Label, string Description)> Labels = new Dictionary<TrainingLevel, (string, string)>
    {
        [TrainingLevel.National] = ("国家级", "national demonstration training"),
        [TrainingLevel.Provincial] = ("省级", "provincial demonstration training"),
        [TrainingLevel.Prefecture] = ("地市级", "prefecture key training"),
        [TrainingLevel.County] = ("县级", "county backbone training"),
        [TrainingLevel.Township] = ("乡镇街道级", "township all-staff training"),
    };
}

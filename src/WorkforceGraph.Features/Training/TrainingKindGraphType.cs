using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Features.Common;

namespace WorkforceGraph.Features.Training;

/// <summary>GraphQL enum <c>TrainingKind</c>.</summary>
public sealed class TrainingKindGraphType() : DescribedEnumGraphType<TrainingKind>("TrainingKind", "Kind of training (art. 8).", Labels)
{
    /// <summary>Chinese display label and English description of each value.</summary>
    public static readonly IReadOnlyDictionary<TrainingKind, (string Label, string Description)> Labels = new Dictionary<TrainingKind, (string, string)>
    {
        [TrainingKind.Initial] = ("初任培训", "initial training for new workers"),
        [TrainingKind.InService] = ("在职培训", "in-service training"),
        [TrainingKind.Special] = ("专项培训", "special-topic training"),
        [TrainingKind.Practice] = ("实践锻炼", "practice and on-the-job experience"),
    };
}

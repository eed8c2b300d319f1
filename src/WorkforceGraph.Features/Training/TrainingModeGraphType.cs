using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Features.Common;

namespace WorkforceGraph.Features.Training;

/// <summary>GraphQL enum <c>TrainingMode</c>.</summary>
public sealed class TrainingModeGraphType() : DescribedEnumGraphType<TrainingMode>("TrainingMode", "How a training is delivered; online training counts (art. 8).", Labels)
{
    /// <summary>Chinese display label and English description of each value.</summary>
    public static readonly IReadOnlyDictionary<TrainingMode, (string Label, string Description)> Labels = new Dictionary<TrainingMode, (string, string)>
    {
        [TrainingMode.Online] = ("线上", "online"),
        [TrainingMode.Offline] = ("线下", "in person"),
        [TrainingMode.Blended] = ("线上线下结合", "online and in person"),
    };
}

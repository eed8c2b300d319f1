using WorkforceGraph.Features.Common;
using WorkforceGraph.Features.Rules;

namespace WorkforceGraph.Features.Workers;

/// <summary>GraphQL enum <c>TrainingStatus</c>.</summary>
public sealed class TrainingStatusGraphType() : DescribedEnumGraphType<TrainingStatus>(
    "TrainingStatus", "Whether a worker met the training cycle of art. 8 (yearly for Party secretaries and committee directors, every three years for everyone else).", Labels)
{
    public static readonly IReadOnlyDictionary<TrainingStatus, (string Label, string Description)> Labels = new Dictionary<TrainingStatus, (string, string)>
    {
        [TrainingStatus.Compliant] = ("已完成", "a passed training completed within the current cycle"),
        [TrainingStatus.DueThisYear] = ("本年应训", "the cycle ends this year and no passed training has been completed in it yet"),
        [TrainingStatus.Overdue] = ("逾期未训", "the cycle ended without a passed training"),
    };
}

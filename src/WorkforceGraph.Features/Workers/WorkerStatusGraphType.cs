using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Common;

namespace WorkforceGraph.Features.Workers;

/// <summary>GraphQL enum <c>WorkerStatus</c>.</summary>
public sealed class WorkerStatusGraphType() : DescribedEnumGraphType<WorkerStatus>("WorkerStatus", "Employment status (art. 11).", Labels)
{
    /// <summary>Chinese display label and English description of each value.</summary>
    public static readonly IReadOnlyDictionary<WorkerStatus, (string Label, string Description)> Labels = new Dictionary<WorkerStatus, (string, string)>
    {
        [WorkerStatus.Probation] = ("试用期", "newly hired, on probation"),
        [WorkerStatus.Active] = ("在岗", "in service"),
        [WorkerStatus.Left] = ("离职", "left by dismissal or non-renewal; record and history kept"),
    };
}

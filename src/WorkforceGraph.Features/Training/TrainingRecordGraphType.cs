using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Workers;
using WorkforceGraph.GraphQL.Conventions.Types;
using TrainingEntity = WorkforceGraph.Data.Trainings.Training;

namespace WorkforceGraph.Features.Training;

/// <summary>GraphQL type <c>TrainingRecord</c>.</summary>
public sealed class TrainingRecordGraphType : EntityGraphType<TrainingRecord>
{
    public TrainingRecordGraphType()
        : base("TrainingRecord", "A worker's participation in a training programme.")
    {
        Reference<WorkerGraphType, Worker>("worker", r => r.Worker, r => r.WorkerId, nullable: false).Description("The trained worker.");
        Reference<TrainingGraphType, TrainingEntity>("training", r => r.Training, r => r.TrainingId, nullable: false).Description("The programme.");
        Column(r => r.CompletedOn, nullable: true).Description("Day the worker completed the programme; null while not completed.");
        Column(r => r.Hours).Description("Hours the worker attended.");
        Column(r => r.Passed).Description("Whether the worker passed; only passed records count for the training cycle.");
    }
}

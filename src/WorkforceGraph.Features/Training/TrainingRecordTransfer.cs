using WorkforceGraph.Data;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Features.Integration.Transfer;

namespace WorkforceGraph.Features.Training;

/// <summary><c>import</c>/<c>export --entity trainingRecords</c>: a line is a <see cref="TrainingRecordInput"/>, the worker by ID number and the programme by code.</summary>
public sealed class TrainingRecordTransfer(TrainingRecordSync sync) : EntityTransfer<TrainingRecordInput, TrainingRecordKeyInput, TrainingRecord>(sync)
{
    public override string Name => "trainingRecords";

    protected override IQueryable<TrainingRecordInput> Export(WorkforceDbContext db) =>
        db.TrainingRecords.OrderBy(r => r.Id).Select(r => new TrainingRecordInput
        {
            WorkerIdNumber = r.Worker!.IdNumber.Unmasked,
            TrainingCode = r.Training!.Code,
            CompletedOn = r.CompletedOn,
            Hours = r.Hours,
            Passed = r.Passed,
        });
}

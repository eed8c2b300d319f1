using WorkforceGraph.Data;
using WorkforceGraph.Features.Integration.Transfer;
using TrainingEntity = WorkforceGraph.Data.Trainings.Training;

namespace WorkforceGraph.Features.Training;

/// <summary>
/// <c>import</c>/<c>export --entity trainings</c>: a line is a <see cref="TrainingInput"/>, the organizer by division
/// code (null for a national programme, which only a national writer such as the import command writes).
/// </summary>
public sealed class TrainingTransfer(TrainingSync sync) : EntityTransfer<TrainingInput, TrainingKeyInput, TrainingEntity>(sync)
{
    public override string Name => "trainings";

    protected override IQueryable<TrainingInput> Export(WorkforceDbContext db) =>
        db.Trainings.OrderBy(t => t.Id).Select(t => new TrainingInput
        {
            Code = t.Code,
            Title = t.Title,
            Level = t.Level,
            Kind = t.Kind,
            Mode = t.Mode,
            OrganizerCode = t.Organizer == null ? null : t.Organizer.Code,
            StartDate = t.StartDate,
            EndDate = t.EndDate,
            Hours = t.Hours,
        });
}

using WorkforceGraph.Data;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Integration.Transfer;

namespace WorkforceGraph.Features.Workers;

/// <summary><c>import</c>/<c>export --entity workers</c>: a line is a <see cref="WorkerInput"/>.</summary>
public sealed class WorkerTransfer(WorkerSync sync) : EntityTransfer<WorkerInput, WorkerKeyInput, Worker>(sync)
{
    public override string Name => "workers";

    protected override IQueryable<WorkerInput> Export(WorkforceDbContext db) =>
        db.Workers.OrderBy(w => w.Id).Select(w => new WorkerInput
        {
            IdNumber = w.IdNumber.Unmasked,
            Name = w.Name,
            Gender = w.Gender,
            BirthDate = w.BirthDate,
            Phone = w.Phone,
            Ethnicity = w.Ethnicity,
            PoliticalStatus = w.PoliticalStatus,
            Education = w.Education,
            SocialWorkQualification = w.SocialWorkQualification,
            EmploymentType = w.EmploymentType,
            Status = w.Status,
            CommunityWorkStartDate = w.CommunityWorkStartDate,
            HiredOn = w.HiredOn,
            IsReserveTalent = w.IsReserveTalent,
            CommunityCode = w.Community == null ? null : w.Community.Code,
        });
}

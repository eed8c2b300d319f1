using WorkforceGraph.Data;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Features.Integration.Transfer;

namespace WorkforceGraph.Features.Assessments;

/// <summary><c>import</c>/<c>export --entity assessments</c>: a line is an <see cref="AssessmentInput"/>, the worker by ID number and the unit by community code.</summary>
public sealed class AssessmentTransfer(AssessmentSync sync) : EntityTransfer<AssessmentInput, AssessmentKeyInput, Assessment>(sync)
{
    public override string Name => "assessments";

    protected override IQueryable<AssessmentInput> Export(WorkforceDbContext db) =>
        db.Assessments.OrderBy(a => a.Id).Select(a => new AssessmentInput
        {
            WorkerIdNumber = a.Worker!.IdNumber.Unmasked,
            Year = a.Year,
            CommunityCode = a.Community!.Code,
            Result = a.Result,
            PoliticalScore = a.PoliticalScore,
            PerformanceScore = a.PerformanceScore,
            ResidentSatisfaction = a.ResidentSatisfaction,
            AssessedOn = a.AssessedOn,
        });
}

using GraphQL.Types;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Communities;
using WorkforceGraph.Features.Workers;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.Features.Assessments;

/// <summary>GraphQL type <c>Assessment</c>.</summary>
public sealed class AssessmentGraphType : EntityGraphType<Assessment>
{
    public AssessmentGraphType()
        : base("Assessment", "A worker's yearly assessment (art. 10).")
    {
        Reference<WorkerGraphType, Worker>("worker", a => a.Worker, a => a.WorkerId, nullable: false).Description("The assessed worker.");
        Column(a => a.Year).Description("Calendar year assessed.");
        Column(x => x.Result, type: typeof(NonNullGraphType<AssessmentResultGraphType>)).Description("Result.");
        Column(a => a.PoliticalScore, nullable: true).Description("Score for political quality (0–100).");
        Column(a => a.PerformanceScore, nullable: true).Description("Score for work performance (0–100).");
        Column(a => a.ResidentSatisfaction, nullable: true).Description("Residents' satisfaction (0–100).");
        Column(a => a.AssessedOn).Description("Day the result was decided.");
        Reference<CommunityGraphType, Community>("unit", a => a.Community, a => a.CommunityId, nullable: false)
            .Description("The assessment unit: the community the worker served in that year (the EXCELLENT quota applies per unit).");
    }
}

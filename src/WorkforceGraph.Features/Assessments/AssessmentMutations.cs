using GraphQL.Types;
using WorkforceGraph.Features.Integration;
using WorkforceGraph.GraphQL.Conventions.Scalars;

namespace WorkforceGraph.Features.Assessments;

/// <summary><c>upsertAssessments</c> and <c>deleteAssessments</c>.</summary>
public sealed class AssessmentMutations(AssessmentSync sync) : IMutationFields
{
    public void AddTo(ObjectGraphType<object> mutation) =>
        mutation.AddBatchWrites(sync, "assessments", "Assessment", new AssessmentInputGraphType(), new AssessmentKeyInputGraphType(), "yearly assessments");
}

/// <summary>GraphQL input <c>AssessmentInput</c>.</summary>
public sealed class AssessmentInputGraphType : InputObjectGraphType<AssessmentInput>
{
    public AssessmentInputGraphType()
    {
        Name = "AssessmentInput";
        Description = "Natural key: workerIdNumber + year. The full record: a nullable field left out is stored as null.";
        Field(x => x.WorkerIdNumber, type: typeof(NonNullGraphType<StringGraphType>)).Description("18-character resident ID of the worker; the worker must exist in your region.");
        Field(x => x.Year, type: typeof(NonNullGraphType<IntGraphType>)).Description("The year assessed, 1950 to 2100.");
        Field(x => x.CommunityCode, type: typeof(NonNullGraphType<StringGraphType>)).Description("12-digit code of the assessment unit (the community served that year), within your region.");
        Field(x => x.Result, type: typeof(NonNullGraphType<AssessmentResultGraphType>)).Description("Result.");
        Field(x => x.PoliticalScore, type: typeof(DecimalScalarType)).Description("Political quality score, 0 to 100; null when not scored.");
        Field(x => x.PerformanceScore, type: typeof(DecimalScalarType)).Description("Work performance score, 0 to 100; null when not scored.");
        Field(x => x.ResidentSatisfaction, type: typeof(DecimalScalarType)).Description("Residents' satisfaction, 0 to 100; null when not surveyed.");
        Field(x => x.AssessedOn, type: typeof(NonNullGraphType<DateScalarType>)).Description("Day the assessment was concluded, in `year` or the next.");
    }
}

/// <summary>GraphQL input <c>AssessmentKeyInput</c>.</summary>
public sealed class AssessmentKeyInputGraphType : InputObjectGraphType<AssessmentKeyInput>
{
    public AssessmentKeyInputGraphType()
    {
        Name = "AssessmentKeyInput";
        Description = "Names an assessment by natural key.";
        Field(x => x.WorkerIdNumber, type: typeof(NonNullGraphType<StringGraphType>)).Description("18-character resident ID of the worker.");
        Field(x => x.Year, type: typeof(NonNullGraphType<IntGraphType>)).Description("The year assessed.");
    }
}

using WorkforceGraph.Data.Assessments;

namespace WorkforceGraph.Features.Assessments;

/// <summary>
/// A worker's yearly assessment as provincial platforms send it: the full record (a nullable score left out is stored
/// as null), the worker and the assessment unit named by natural keys. Natural key: worker ID number + year. The
/// GraphQL input <c>AssessmentInput</c>.
/// </summary>
public sealed class AssessmentInput
{
    public string? WorkerIdNumber { get; set; }

    public int? Year { get; set; }

    public string? CommunityCode { get; set; }

    public AssessmentResult? Result { get; set; }

    public decimal? PoliticalScore { get; set; }

    public decimal? PerformanceScore { get; set; }

    public decimal? ResidentSatisfaction { get; set; }

    public DateOnly? AssessedOn { get; set; }
}

/// <summary>Names an assessment to delete.</summary>
public sealed class AssessmentKeyInput
{
    public string? WorkerIdNumber { get; set; }

    public int? Year { get; set; }
}

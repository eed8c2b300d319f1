using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Workers;

namespace WorkforceGraph.Data.Assessments;

/// <summary>Yearly assessment result (art. 10).</summary>
public enum AssessmentResult { Excellent, Competent, BasicallyCompetent, Incompetent }

/// <summary>A worker's yearly assessment; natural key: worker + year.</summary>
public sealed class Assessment
{
    public int Id { get; init; }

    public int WorkerId { get; init; }

    public Worker? Worker { get; init; }

    public required int Year { get; init; }

    /// <summary>The assessment unit: the community the worker served in that year (quota per unit).</summary>
    public int CommunityId { get; set; }

    public Community? Community { get; set; }

    public AssessmentResult Result { get; set; }

    public decimal? PoliticalScore { get; set; }

    public decimal? PerformanceScore { get; set; }

    public decimal? ResidentSatisfaction { get; set; }

    public DateOnly AssessedOn { get; set; }
}

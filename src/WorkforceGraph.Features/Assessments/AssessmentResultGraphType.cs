using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Features.Common;

namespace WorkforceGraph.Features.Assessments;

/// <summary>GraphQL enum <c>AssessmentResult</c>.</summary>
public sealed class AssessmentResultGraphType() : DescribedEnumGraphType<AssessmentResult>("AssessmentResult", "Result of the yearly assessment (art. 10).", Labels)
{
    /// <summary>Chinese display label and English description of each value.</summary>
    public static readonly IReadOnlyDictionary<AssessmentResult, (string Label, string Description)> Labels = new Dictionary<AssessmentResult, (string, string)>
    {
        [AssessmentResult.Excellent] = ("优秀", "excellent; capped per unit by the scheme's quota"),
        [AssessmentResult.Competent] = ("称职", "competent"),
        [AssessmentResult.BasicallyCompetent] = ("基本称职", "basically competent"),
        [AssessmentResult.Incompetent] = ("不称职", "incompetent"),
    };
}

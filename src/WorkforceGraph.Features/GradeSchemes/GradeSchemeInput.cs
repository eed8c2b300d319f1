using WorkforceGraph.Data.Posts;

namespace WorkforceGraph.Features.GradeSchemes;

/// <summary>
/// A grade scheme as provincial platforms send it: the full record with its category ranges, its region named by
/// division code. The GraphQL input <c>GradeSchemeInput</c> and one line of a grade-scheme import file.
/// </summary>
public sealed class GradeSchemeInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? RegionCode { get; set; }

    public DateOnly? EffectiveFrom { get; set; }

    public int? YearsPerStep { get; set; }

    public int? BachelorBonus { get; set; }

    public int? MasterBonus { get; set; }

    public int? DoctorBonus { get; set; }

    public int? AssistantBonus { get; set; }

    public int? IntermediateBonus { get; set; }

    public int? SeniorBonus { get; set; }

    public int? ExcellentQuotaPercent { get; set; }

    /// <summary>The grade range of each post category (the output field is <c>categories</c> too).</summary>
    public List<GradeRangeInput>? Categories { get; set; }
}

/// <summary>The grades one post category spans in a scheme.</summary>
public sealed class GradeRangeInput
{
    public PostCategory? Category { get; set; }

    public int? MinGrade { get; set; }

    public int? MaxGrade { get; set; }
}

/// <summary>Names a grade scheme to delete.</summary>
public sealed class GradeSchemeKeyInput
{
    public string? Code { get; set; }
}

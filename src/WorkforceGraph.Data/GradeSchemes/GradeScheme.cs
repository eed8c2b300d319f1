using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Regions;

namespace WorkforceGraph.Data.GradeSchemes;

/// <summary>A post-grade sequence set by a province or prefecture (art. 4), stored as data.</summary>
public sealed class GradeScheme
{
    /// <summary>Longest <see cref="Code"/> the column holds.</summary>
    public const int CodeMaxLength = 32;

    /// <summary>Longest <see cref="Name"/> the column holds.</summary>
    public const int NameMaxLength = 100;

    public int Id { get; init; }

    /// <summary>Natural key, e.g. JS-3x18.</summary>
    public required string Code { get; init; }

    public required string Name { get; set; }

    /// <summary>The province or prefecture that set the scheme.</summary>
    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Years of community work per grade step (commonly 3).</summary>
    public int YearsPerStep { get; set; } = 3;

    /// <summary>Grade bonus for a bachelor's degree (+1 commonly); master and doctor below.</summary>
    public int BachelorBonus { get; set; } = 1;

    public int MasterBonus { get; set; } = 2;

    public int DoctorBonus { get; set; } = 3;

    /// <summary>Grade bonus for the assistant social-worker qualification (+1 commonly).</summary>
    public int AssistantBonus { get; set; } = 1;

    public int IntermediateBonus { get; set; } = 2;

    public int SeniorBonus { get; set; } = 3;

    /// <summary>Share of EXCELLENT assessment results allowed per unit, in percent (art. 10; commonly 15–20).</summary>
    public int ExcellentQuotaPercent { get; set; } = 20;

    public List<GradeRange> Ranges { get; init; } = [];
}

/// <summary>The grades a post category spans in a scheme.</summary>
public sealed class GradeRange
{
    public int Id { get; init; }

    public int GradeSchemeId { get; init; }

    public required PostCategory Category { get; init; }

    public int MinGrade { get; set; }

    public int MaxGrade { get; set; }
}

using WorkforceGraph.Data.Communities;

namespace WorkforceGraph.Data.Regions;

/// <summary>Administrative level of a region (village-level units are communities).</summary>
public enum RegionLevel { Province, Prefecture, County, Township }

/// <summary>An administrative division: province, prefecture, county or township.</summary>
public sealed class Region
{
    /// <summary>Longest <see cref="Name"/> the column holds.</summary>
    public const int NameMaxLength = 100;

    public int Id { get; init; }

    /// <summary>12-digit division code; validated by <see cref="DivisionCode"/> on every write.</summary>
    public required string Code { get; init; }

    public required string Name { get; set; }

    public required RegionLevel Level { get; init; }

    public int? ParentId { get; init; }

    public Region? Parent { get; init; }

    public List<Region> Children { get; init; } = [];

    public List<Community> Communities { get; init; } = [];

    /// <summary>Grade schemes set by this region (provinces and prefectures set them).</summary>
    public List<GradeSchemes.GradeScheme> GradeSchemes { get; init; } = [];
}

using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Workers;

namespace WorkforceGraph.Data.Communities;

/// <summary>A village-level unit: an urban residents' committee (community) or a villagers' committee.</summary>
public sealed class Community
{
    /// <summary>Urban–rural classes (统计用城乡分类代码); those starting with 1 are urban.</summary>
    public static readonly IReadOnlyList<string> UrbanRuralClasses = ["111", "112", "121", "122", "123", "210", "220"];

    /// <summary>Longest <see cref="Name"/> the column holds.</summary>
    public const int NameMaxLength = 100;

    public int Id { get; init; }

    /// <summary>12-digit division code; validated by <see cref="DivisionCode"/> on every write.</summary>
    public required string Code { get; init; }

    public required string Name { get; set; }

    /// <summary>3-digit urban–rural class.</summary>
    public required string UrbanRuralClass { get; set; }

    /// <summary>The township the community belongs to.</summary>
    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public int ResidentPopulation { get; set; }

    public int Households { get; set; }

    public int GridCount { get; set; }

    public List<Post> Posts { get; init; } = [];

    /// <summary>Workers whose community of record this is.</summary>
    public List<Worker> Workers { get; init; } = [];
}

using WorkforceGraph.Data.Regions;
using WorkforceGraph.Features.Common;

namespace WorkforceGraph.Features.Regions;

/// <summary>GraphQL enum <c>RegionLevel</c>.</summary>
public sealed class RegionLevelGraphType() : DescribedEnumGraphType<RegionLevel>("RegionLevel", "Administrative level of a region; village-level units are communities.", Labels)
{
    /// <summary>Chinese display label and English description of each value.</summary>
    public static readonly IReadOnlyDictionary<RegionLevel, (string Label, string Description)> Labels = new Dictionary<RegionLevel, (string, string)>
    {
        [RegionLevel.Province] = ("省", "province-level division"),
        [RegionLevel.Prefecture] = ("地市", "prefecture-level division"),
        [RegionLevel.County] = ("县区", "county-level division"),
        [RegionLevel.Township] = ("乡镇街道", "township-level division: street office or town"),
    };
}

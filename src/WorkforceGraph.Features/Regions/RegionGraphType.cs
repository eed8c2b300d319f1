using GraphQL.Types;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Features.Communities;
using WorkforceGraph.GraphQL.Conventions.Limits;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.Features.Regions;

/// <summary>GraphQL type <c>Region</c>.</summary>
public sealed class RegionGraphType : EntityGraphType<Region>
{
    public RegionGraphType()
        : base("Region", "An administrative division: province, prefecture, county or township (street office or town).")
    {
        Column(r => r.Code).Description("12-digit statistical division code, zero-padded (e.g. 320102000000).");
        Column(r => r.Name).Description("Official name (e.g. 玄武区).");
        Column(x => x.Level, type: typeof(NonNullGraphType<RegionLevelGraphType>)).Description("Administrative level.");
        Reference<RegionGraphType, Region>("parent", r => r.Parent, r => r.ParentId, nullable: true)
            .Description("The enclosing region one level up; null for a province.");
        Children<RegionGraphType, Region>("children", r => r.Children, r => r.ParentId ?? 0)
            .Description("The regions one level down, in code order.")
            .ListSize(50);
        // A region's communities are those whose code starts with its prefix (2/4/6/9 digits by level): the
        // prefix length is the kind, so the regions of one level are paged together in one statement.
        ConnectionByKey<CommunityGraphType, Community, string>(
                "communities",
                r => DivisionCode.Parse(r.Code).Prefix is var prefix ? (prefix.Length, prefix) : null,
                length => c => c.Code.Substring(0, length),
                requiredColumns: ["Id", "Code"])
            .Description("Communities (village-level units) within the region, in the order of their keys.");
    }
}

using GraphQL.Types;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Features.Integration;

namespace WorkforceGraph.Features.Regions;

/// <summary><c>upsertRegions</c> and <c>deleteRegions</c>.</summary>
public sealed class RegionMutations(RegionSync sync) : IMutationFields
{
    public void AddTo(ObjectGraphType<object> mutation) =>
        mutation.AddBatchWrites(sync, "regions", "Region", new RegionInputGraphType(), new RegionKeyInputGraphType(), "regions (province to township)");
}

/// <summary>GraphQL input <c>RegionInput</c>.</summary>
public sealed class RegionInputGraphType : InputObjectGraphType<RegionInput>
{
    public RegionInputGraphType()
    {
        Name = "RegionInput";
        Description = "Natural key: code. A province, prefecture, county or township; level and parent follow from the code. Write parents before children.";
        Field(x => x.Code, type: typeof(NonNullGraphType<StringGraphType>)).Description(
            "12-digit division code of province to township level (a village-level code is a community: INVALID_DIVISION_CODE). "
            + "Within your region (OUT_OF_SCOPE otherwise; regions above your region are not yours to write). "
            + "Except for a province, the parent region must exist, or come earlier in the same batch (UNKNOWN_REGION).");
        Field(x => x.Name, type: typeof(NonNullGraphType<StringGraphType>)).Description($"Name, at most {Region.NameMaxLength} characters.");
    }
}

/// <summary>GraphQL input <c>RegionKeyInput</c>.</summary>
public sealed class RegionKeyInputGraphType : InputObjectGraphType<RegionKeyInput>
{
    public RegionKeyInputGraphType()
    {
        Name = "RegionKeyInput";
        Description = "Names a region by natural key. A region still referenced by child regions, communities, grade schemes or trainings is not deleted (IN_USE); a child deleted earlier in the same batch no longer counts.";
        Field(x => x.Code, type: typeof(NonNullGraphType<StringGraphType>)).Description("12-digit division code of province to township level, within your region.");
    }
}

using GraphQL.Types;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Features.Integration;

namespace WorkforceGraph.Features.Communities;

/// <summary><c>upsertCommunities</c> and <c>deleteCommunities</c>.</summary>
public sealed class CommunityMutations(CommunitySync sync) : IMutationFields
{
    public void AddTo(ObjectGraphType<object> mutation) =>
        mutation.AddBatchWrites(sync, "communities", "Community", new CommunityInputGraphType(), new CommunityKeyInputGraphType(), "communities (village-level units)");
}

/// <summary>GraphQL input <c>CommunityInput</c>.</summary>
public sealed class CommunityInputGraphType : InputObjectGraphType<CommunityInput>
{
    public CommunityInputGraphType()
    {
        Name = "CommunityInput";
        Description = "Natural key: code (12-digit village-level division code). The full record; the township follows from the code.";
        Field(x => x.Code, type: typeof(NonNullGraphType<StringGraphType>)).Description(
            "12-digit village-level division code (INVALID_DIVISION_CODE otherwise), within your region (OUT_OF_SCOPE). "
            + "Its township (the first 9 digits) must exist as a region (UNKNOWN_REGION).");
        Field(x => x.Name, type: typeof(NonNullGraphType<StringGraphType>)).Description($"Name, at most {Community.NameMaxLength} characters.");
        Field(x => x.UrbanRuralClass, type: typeof(NonNullGraphType<StringGraphType>)).Description(
            $"3-digit urban-rural classification code, one of {string.Join(", ", Community.UrbanRuralClasses)} (INVALID_VALUE otherwise); classes starting with 1 are urban.");
        Field(x => x.ResidentPopulation, type: typeof(NonNullGraphType<IntGraphType>)).Description("Resident population (常住人口), 0 or more; drives the staffing standard of urban communities.");
        Field(x => x.Households, type: typeof(NonNullGraphType<IntGraphType>)).Description("Households, 0 or more.");
        Field(x => x.GridCount, type: typeof(NonNullGraphType<IntGraphType>)).Description("Service grids (网格), 0 or more.");
    }
}

/// <summary>GraphQL input <c>CommunityKeyInput</c>.</summary>
public sealed class CommunityKeyInputGraphType : InputObjectGraphType<CommunityKeyInput>
{
    public CommunityKeyInputGraphType()
    {
        Name = "CommunityKeyInput";
        Description = "Names a community by natural key. A community that still has posts, workers of record or assessments is not deleted (IN_USE).";
        Field(x => x.Code, type: typeof(NonNullGraphType<StringGraphType>)).Description("12-digit village-level division code.");
    }
}

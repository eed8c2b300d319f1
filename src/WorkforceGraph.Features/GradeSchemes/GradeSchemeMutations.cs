using GraphQL.Types;
using WorkforceGraph.Data.GradeSchemes;
using WorkforceGraph.Features.Integration;
using WorkforceGraph.Features.Posts;
using WorkforceGraph.GraphQL.Conventions.Scalars;

namespace WorkforceGraph.Features.GradeSchemes;

/// <summary><c>upsertGradeSchemes</c> and <c>deleteGradeSchemes</c>.</summary>
public sealed class GradeSchemeMutations(GradeSchemeSync sync) : IMutationFields
{
    public void AddTo(ObjectGraphType<object> mutation) =>
        mutation.AddBatchWrites(sync, "gradeSchemes", "GradeScheme", new GradeSchemeInputGraphType(), new GradeSchemeKeyInputGraphType(), "post-grade schemes (art. 4)");
}

/// <summary>GraphQL input <c>GradeSchemeInput</c>.</summary>
public sealed class GradeSchemeInputGraphType : InputObjectGraphType<GradeSchemeInput>
{
    public GradeSchemeInputGraphType()
    {
        var common = GradeSchemeSync.CommonValues;
        Name = "GradeSchemeInput";
        Description = "Natural key: code. The full record of a post-grade scheme with its category ranges; a left-out bonus is the common value, not the previous one.";
        Field(x => x.Code, type: typeof(NonNullGraphType<StringGraphType>)).Description(
            $"Code of the scheme (e.g. JS-3x18), at most {GradeScheme.CodeMaxLength} characters, no spaces. A scheme of a region outside your region is not yours (OUT_OF_SCOPE).");
        Field(x => x.Name, type: typeof(NonNullGraphType<StringGraphType>)).Description($"Name, at most {GradeScheme.NameMaxLength} characters.");
        Field(x => x.RegionCode, type: typeof(NonNullGraphType<StringGraphType>)).Description(
            "12-digit code of the province or prefecture that sets the scheme (another level: INVALID_DIVISION_CODE); it must exist (UNKNOWN_REGION) "
            + "and be within your region (OUT_OF_SCOPE). A different region than before moves the scheme.");
        Field(x => x.EffectiveFrom, type: typeof(NonNullGraphType<DateScalarType>)).Description("First day the scheme applies.");
        Field(x => x.YearsPerStep, type: typeof(NonNullGraphType<IntGraphType>)).Description($"Years of community work per grade step, 1 to {GradeSchemeSync.MaxYearsPerStep} (commonly 3).");
        Field(x => x.BachelorBonus, type: typeof(IntGraphType)).Description(Bonus("a bachelor's degree", common.BachelorBonus));
        Field(x => x.MasterBonus, type: typeof(IntGraphType)).Description(Bonus("a master's degree", common.MasterBonus));
        Field(x => x.DoctorBonus, type: typeof(IntGraphType)).Description(Bonus("a doctorate", common.DoctorBonus));
        Field(x => x.AssistantBonus, type: typeof(IntGraphType)).Description(Bonus("the assistant social-worker qualification", common.AssistantBonus));
        Field(x => x.IntermediateBonus, type: typeof(IntGraphType)).Description(Bonus("the social-worker qualification", common.IntermediateBonus));
        Field(x => x.SeniorBonus, type: typeof(IntGraphType)).Description(Bonus("the senior social-worker qualification", common.SeniorBonus));
        Field(x => x.ExcellentQuotaPercent, type: typeof(NonNullGraphType<IntGraphType>)).Description("Largest share of EXCELLENT results per assessment unit and year, 0 to 100 percent (commonly 15 to 20; art. 10).");
        Field(x => x.Categories, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<GradeRangeInputGraphType>>>)).Description(
            $"The grade range of each post category: at least one, each category at most once, 1 ≤ minGrade ≤ maxGrade ≤ {GradeSchemeSync.MaxGrade} (INVALID_VALUE). "
            + "Replaces the scheme's ranges: categories left out are removed.");
    }

    private static string Bonus(string what, int common) =>
        $"Grades added for {what}, 0 to {GradeSchemeSync.MaxBonus}; null or left out means the common value {common}.";
}

/// <summary>GraphQL input <c>GradeRangeInput</c>.</summary>
public sealed class GradeRangeInputGraphType : InputObjectGraphType<GradeRangeInput>
{
    public GradeRangeInputGraphType()
    {
        Name = "GradeRangeInput";
        Description = "The grades one post category spans in a grade scheme.";
        Field(x => x.Category, type: typeof(NonNullGraphType<PostCategoryGraphType>)).Description("Post category.");
        Field(x => x.MinGrade, type: typeof(NonNullGraphType<IntGraphType>)).Description("Lowest grade of the category, 1 or more.");
        Field(x => x.MaxGrade, type: typeof(NonNullGraphType<IntGraphType>)).Description($"Highest grade of the category, at least minGrade and at most {GradeSchemeSync.MaxGrade}.");
    }
}

/// <summary>GraphQL input <c>GradeSchemeKeyInput</c>.</summary>
public sealed class GradeSchemeKeyInputGraphType : InputObjectGraphType<GradeSchemeKeyInput>
{
    public GradeSchemeKeyInputGraphType()
    {
        Name = "GradeSchemeKeyInput";
        Description = "Names a grade scheme by natural key; its category ranges are deleted with it. A scheme of a region above yours is not yours to delete (OUT_OF_SCOPE).";
        Field(x => x.Code, type: typeof(NonNullGraphType<StringGraphType>)).Description("Code of the scheme.");
    }
}

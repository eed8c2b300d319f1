using GraphQL.Types;
using WorkforceGraph.Data.GradeSchemes;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Features.Posts;
using WorkforceGraph.Features.Regions;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.Features.GradeSchemes;

/// <summary>GraphQL type <c>GradeScheme</c>.</summary>
public sealed class GradeSchemeGraphType : EntityGraphType<GradeScheme>
{
    public GradeSchemeGraphType()
        : base("GradeScheme", "A post-grade sequence set by a province or prefecture (e.g. three categories, eighteen grades; art. 4).")
    {
        Column(s => s.Code).Description("Natural key of the scheme (e.g. JS-3x18).");
        Column(s => s.Name).Description("Name of the scheme.");
        Reference<RegionGraphType, Region>("region", s => s.Region, s => s.RegionId, nullable: false)
            .Description("The province or prefecture that set the scheme; the most specific one containing a community applies.");
        Column(s => s.EffectiveFrom).Description("First day the scheme applies.");
        Children<GradeRangeGraphType, GradeRange>("categories", s => s.Ranges, r => r.GradeSchemeId).Description("Grade range of each post category.");
        Column(s => s.YearsPerStep).Description("Years of community work per grade step (commonly 3).");
        Column(s => s.BachelorBonus).Description("Grades added for a bachelor's degree.");
        Column(s => s.MasterBonus).Description("Grades added for a master's degree.");
        Column(s => s.DoctorBonus).Description("Grades added for a doctorate.");
        Column(s => s.AssistantBonus).Description("Grades added for the assistant social-worker qualification.");
        Column(s => s.IntermediateBonus).Description("Grades added for the social-worker qualification.");
        Column(s => s.SeniorBonus).Description("Grades added for the senior social-worker qualification.");
        Column(s => s.ExcellentQuotaPercent).Description("Largest share of EXCELLENT results per assessment unit and year, in percent (art. 10).");
    }
}

/// <summary>GraphQL type <c>GradeRange</c>.</summary>
public sealed class GradeRangeGraphType : ObjectGraphType<GradeRange>
{
    public GradeRangeGraphType()
    {
        Name = "GradeRange";
        Description = "The grades a post category spans in a grade scheme.";
        Field<NonNullGraphType<PostCategoryGraphType>>("category").Description("Post category.").Resolve(ctx => ctx.Source.Category);
        Field(r => r.MinGrade).Description("Lowest grade of the category.");
        Field(r => r.MaxGrade).Description("Highest grade of the category (the cap of eligibleGrade).");
    }
}

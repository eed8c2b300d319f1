using GraphQL.Types;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Features.Regions;

namespace WorkforceGraph.Features.Staffing;

/// <summary>The staffing figures of a region, with one row per part of it.</summary>
public sealed record StaffingReport(
    Region Region, int UrbanResidentPopulation, int WorkerCount, int StandardStaffing, double WorkersPer10k, IReadOnlyList<StaffingRow> Breakdown)
{
    /// <summary><c>standardStaffing − workerCount</c>.</summary>
    public int StaffingGap => StandardStaffing - WorkerCount;
}

/// <summary>The staffing figures of one child region or community.</summary>
public sealed record StaffingRow(string Code, string Name, int UrbanResidentPopulation, int WorkerCount, int StandardStaffing)
{
    /// <summary><c>standardStaffing − workerCount</c>.</summary>
    public int StaffingGap => StandardStaffing - WorkerCount;
}

/// <summary>GraphQL type <c>StaffingReport</c>.</summary>
public sealed class StaffingReportGraphType : ObjectGraphType<StaffingReport>
{
    public StaffingReportGraphType()
    {
        Name = "StaffingReport";
        Description = "Staffing of a region against the standard of 18 community workers per 10,000 urban residents (art. 3), over its urban communities visible to the caller.";
        Field<NonNullGraphType<RegionGraphType>>("region").Description("The region reported on.").Resolve(ctx => ctx.Source.Region);
        Field(r => r.UrbanResidentPopulation).Description("Resident population of the region's urban communities.");
        Field(r => r.WorkerCount).Description("Workers currently holding a post, summed over the region's urban communities.");
        Field(r => r.StandardStaffing).Description("Sum of the urban communities' standards, each ceil(residentPopulation × 18 / 10000).");
        Field(r => r.StaffingGap).Description("standardStaffing − workerCount (positive: understaffed).");
        Field(r => r.WorkersPer10k).Description("workerCount × 10000 / urbanResidentPopulation; 0 when the population is 0.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StaffingRowGraphType>>>>("breakdown")
            .Description("One row per direct child region (or per community at township level), in code order; parts without urban communities have zeros. The rows add up to the report's totals.")
            .Resolve(ctx => ctx.Source.Breakdown);
    }
}

/// <summary>GraphQL type <c>StaffingRow</c>.</summary>
public sealed class StaffingRowGraphType : ObjectGraphType<StaffingRow>
{
    public StaffingRowGraphType()
    {
        Name = "StaffingRow";
        Description = "Staffing of one child region, or of one community at township level.";
        Field(r => r.Code).Description("12-digit division code of the child region or community.");
        Field(r => r.Name).Description("Name of the child region or community.");
        Field(r => r.UrbanResidentPopulation).Description("Resident population of its urban communities (0 for a rural unit).");
        Field(r => r.WorkerCount).Description("Workers currently holding a post in its urban communities (0 for a rural unit).");
        Field(r => r.StandardStaffing).Description("Sum of its urban communities' standards.");
        Field(r => r.StaffingGap).Description("standardStaffing − workerCount (positive: understaffed).");
    }
}

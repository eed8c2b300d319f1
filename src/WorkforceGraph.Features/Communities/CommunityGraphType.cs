using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Common;
using WorkforceGraph.Features.Posts;
using WorkforceGraph.Features.Regions;
using WorkforceGraph.Features.Rules;
using WorkforceGraph.Features.Workers;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.Features.Communities;

/// <summary>GraphQL type <c>Community</c>.</summary>
public sealed class CommunityGraphType : EntityGraphType<Community>
{
    public CommunityGraphType()
        : base("Community", "A village-level unit: an urban community (residents' committee, 社区居委会) or a village (villagers' committee).")
    {
        Column(c => c.Code).Description("12-digit village-level division code.");
        Column(c => c.Name).Description("Official name (e.g. 梅园社区).");
        Column(c => c.UrbanRuralClass).Description("3-digit urban-rural classification code (111, 112, 121, 122, 123 urban; 210, 220 rural).");
        Computed("isUrban", _ => CommunityRules.IsUrban, typeof(NonNullGraphType<BooleanGraphType>))
            .Description("Urban-rural class starting with 1 (a residents' committee in an urban area).");
        Reference<RegionGraphType, Region>("region", c => c.Region, c => c.RegionId, nullable: false)
            .Description("The township (street office / town) the community belongs to.");
        Column(c => c.ResidentPopulation).Description("Resident population (常住人口), persons.");
        Column(c => c.Households).Description("Resident households.");
        Computed("standardStaffing", _ => CommunityRules.StandardStaffing, typeof(NonNullGraphType<IntGraphType>))
            .Description("ceil(residentPopulation × 18 / 10000) for urban communities, 0 for rural units (art. 3).");
        Computed("workerCount", s => CommunityRules.WorkerCount(s.GetRequiredService<WorkforceClock>().Today), typeof(NonNullGraphType<IntGraphType>))
            .Description("Workers currently holding a post in the community.");
        Computed("staffingGap", s => CommunityRules.StaffingGap(s.GetRequiredService<WorkforceClock>().Today), typeof(NonNullGraphType<IntGraphType>))
            .Description("standardStaffing − workerCount (positive: understaffed).");
        Column(c => c.GridCount).Description("Number of grids the community is divided into for grid service management (art. 9).");
        // Current post holders of the community: those whose community of record it is and who hold a current post
        // there (domain brief: all current posts are in the community of record). The condition refers to the
        // worker only, so every community of a level is paged in one statement.
        ConnectionOver<WorkerGraphType, Worker>("workers", c => c.Workers, w => w.CommunityId, ctx =>
            {
                var today = ctx.RequestServices!.GetRequiredService<WorkforceClock>().Today;
                return w => w.Posts.Any(p => p.CommunityId == w.CommunityId && p.StartDate <= today && (p.EndDate == null || p.EndDate >= today));
            })
            .Description("Workers currently holding a post in the community.");
        Children<PostGraphType, Post>("posts", c => c.Posts, p => p.CommunityId, filterable: true, sortable: true)
            .Description("Every post in the community, current and ended.");
    }
}

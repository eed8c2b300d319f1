using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Features.Common;
using WorkforceGraph.GraphQL.Conventions.Batching;
using WorkforceGraph.GraphQL.Conventions.Limits;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.Features.Regions;

/// <summary>Root fields <c>regions</c> and <c>region(code:)</c>.</summary>
public sealed class RegionQueries : IQueryFields
{
    public void AddTo(ObjectGraphType<object> query)
    {
        query.AddConnection<RegionGraphType, Region>(
            "regions", "Administrative divisions (province → prefecture → county → township).", db => db.Set<Region>());
        query.Field<RegionGraphType>("region")
            .Description("The region with this 12-digit division code; null when none exists.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "12-digit division code of a province, prefecture, county or township.")
            .Cost(FieldCost.DatabaseWeight)
            .ResolveAsync(async ctx =>
            {
                var code = ctx.GetArgument<string>("code");
                if (!DivisionCode.TryParse(code, out var parsed, out var error))
                {
                    throw FieldErrors.InvalidDivisionCode("code", error);
                }

                if (parsed.Level == DivisionLevel.Village)
                {
                    throw FieldErrors.InvalidDivisionCode("code", "a village-level code names a community; use community(code:).");
                }

                await using var db = ctx.RequestServices!.GetRequiredService<IDbContextSource>().CreateDbContext();
                return await db.Set<Region>().FirstOrDefaultAsync(r => r.Code == code, ctx.CancellationToken);
            });
    }
}

using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Features.Common;
using WorkforceGraph.GraphQL.Conventions.Batching;
using WorkforceGraph.GraphQL.Conventions.Limits;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.Features.Communities;

/// <summary>Root fields <c>communities</c> and <c>community(code:)</c>.</summary>
public sealed class CommunityQueries : IQueryFields
{
    public void AddTo(ObjectGraphType<object> query)
    {
        query.AddConnection<CommunityGraphType, Community>(
            "communities", "Urban communities (residents' committees) and villages.", db => db.Set<Community>());
        query.Field<CommunityGraphType>("community")
            .Description("The community with this 12-digit division code; null when none exists.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "12-digit village-level division code.")
            .Cost(FieldCost.DatabaseWeight)
            .ResolveAsync(async ctx =>
            {
                var code = ctx.GetArgument<string>("code");
                if (!DivisionCode.TryParse(code, DivisionLevel.Village, out _, out var error))
                {
                    throw FieldErrors.InvalidDivisionCode("code", error);
                }

                await using var db = ctx.RequestServices!.GetRequiredService<IDbContextSource>().CreateDbContext();
                return await db.Set<Community>().FirstOrDefaultAsync(c => c.Code == code, ctx.CancellationToken);
            });
    }
}

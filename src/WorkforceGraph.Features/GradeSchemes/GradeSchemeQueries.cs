using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data.GradeSchemes;
using WorkforceGraph.Features.Common;
using WorkforceGraph.GraphQL.Conventions.Batching;

namespace WorkforceGraph.Features.GradeSchemes;

/// <summary>Root field <c>gradeSchemes</c>: bounded by nature, so unpaged.</summary>
public sealed class GradeSchemeQueries : IQueryFields
{
    public void AddTo(ObjectGraphType<object> query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GradeSchemeGraphType>>>>("gradeSchemes")
            .Description("Post-grade sequences of every province and prefecture, in code order.")
            .ResolveAsync(async ctx =>
            {
                await using var db = ctx.RequestServices!.GetRequiredService<IDbContextSource>().CreateDbContext();
                return await db.Set<GradeScheme>().OrderBy(s => s.Code).ThenBy(s => s.Id).ToListAsync(ctx.CancellationToken);
            });
}

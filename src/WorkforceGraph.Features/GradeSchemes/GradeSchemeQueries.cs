using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data.GradeSchemes;
using WorkforceGraph.Features.Common;
using WorkforceGraph.GraphQL.Conventions.Batching;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.Features.GradeSchemes;

/// <summary>Root field <c>gradeSchemes</c>: bounded by nature, so unpaged.</summary>
public sealed class GradeSchemeQueries : IQueryFields
{
    public void AddTo(ObjectGraphType<object> query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GradeSchemeGraphType>>>>("gradeSchemes")
            .Description("Post-grade sequences of every province and prefecture (bounded by nature, so unpaged).")
            .ListArguments<GradeSchemeGraphType, object, object>(ListArgumentSet.Where | ListArgumentSet.Order)
            .ResolveAsync(async ctx => await ListResolver.ResolveAsync(ctx, db => db.Set<GradeScheme>()));
}

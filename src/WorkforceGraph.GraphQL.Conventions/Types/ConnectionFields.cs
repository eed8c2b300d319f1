using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using WorkforceGraph.GraphQL.Conventions.Paging;

namespace WorkforceGraph.GraphQL.Conventions.Types;

/// <summary>Declares root connection fields with the conventions' arguments.</summary>
public static class ConnectionFields
{
    /// <summary>
    /// Adds <c>name(first, after, last, before): &lt;Plural&gt;Connection</c> over the rows <paramref name="rows"/> selects.
    /// </summary>
    public static FieldBuilder<object, object> AddConnection<TGraphType, TEntity>(
        this ObjectGraphType<object> query, string name, string description, Func<DbContext, IQueryable<TEntity>> rows)
        where TGraphType : IGraphType
        where TEntity : class =>
        query.Field<ConnectionGraphType<TGraphType>>(name)
            .Description(description)
            .Argument<IntGraphType>("first", "Returns the first _n_ elements from the list.")
            .Argument<StringGraphType>("after", "Returns the elements in the list that come after the specified cursor.")
            .Argument<IntGraphType>("last", "Returns the last _n_ elements from the list.")
            .Argument<StringGraphType>("before", "Returns the elements in the list that come before the specified cursor.")
            .ResolveAsync(ctx => ConnectionResolver.ResolveAsync(ctx, rows, EntityKey.For<TEntity>()));
}

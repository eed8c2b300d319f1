using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.GraphQL.Conventions.Filtering;
using WorkforceGraph.GraphQL.Conventions.Limits;
using WorkforceGraph.GraphQL.Conventions.Paging;
using WorkforceGraph.GraphQL.Conventions.Sorting;

namespace WorkforceGraph.GraphQL.Conventions.Types;

/// <summary>Declares root connection fields with the conventions' arguments.</summary>
public static class ConnectionFields
{
    /// <summary>
    /// Adds <c>name(first, after, last, before): &lt;Plural&gt;Connection</c> over the rows <paramref name="rows"/> selects.
    /// </summary>
    public static FieldBuilder<object, object> AddConnection<TGraphType, TEntity>(
        this ObjectGraphType<object> query, string name, string description, Func<DbContext, IQueryable<TEntity>> rows)
        where TGraphType : IComplexGraphType
        where TEntity : class =>
        query.Field<ConnectionGraphType<TGraphType>>(name)
            .Description(description)
            .ListArguments<TGraphType, object, object>(ListArgumentSet.Connection)
            .ResolveAsync(ctx => ConnectionResolver.ResolveAsync(ctx, rows, EntityKey.For<TEntity>()));
}

/// <summary>Which of the conventions' list arguments a field takes.</summary>
[Flags]
public enum ListArgumentSet
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary><c>first</c>, <c>after</c>.</summary>
    Forward = 1,

    /// <summary><c>last</c>, <c>before</c>.</summary>
    Backward = 2,

    /// <summary><c>where</c>.</summary>
    Where = 4,

    /// <summary><c>order</c>.</summary>
    Order = 8,

    /// <summary>A root connection: all of them.</summary>
    Connection = Forward | Backward | Where | Order,
}

/// <summary>Declares the conventions' list arguments in one place, so every list field describes them alike.</summary>
public static class ListArgumentExtensions
{
    /// <summary>
    /// Adds the chosen arguments, in the conventions' order, and the field's cost (§11): a list field reads the
    /// database (weight <see cref="FieldCost.DatabaseWeight"/> unless declared), a paged one is sized by
    /// <c>first</c>/<c>last</c>, and each filter operation in <c>where</c> weighs <see cref="FieldCost.DatabaseWeight"/>.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> ListArguments<TGraphType, TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, ListArgumentSet set)
        where TGraphType : IComplexGraphType
    {
        field.FieldType.DefaultCost(FieldCost.DatabaseWeight);
        if ((set & (ListArgumentSet.Forward | ListArgumentSet.Backward)) != 0)
        {
            field.FieldType.ListSize(ListSize.Connection);
        }

        if (set.HasFlag(ListArgumentSet.Forward))
        {
            field.Argument<IntGraphType>("first", "Returns the first _n_ elements from the list.")
                .Argument<StringGraphType>("after", "Returns the elements in the list that come after the specified cursor.");
        }

        if (set.HasFlag(ListArgumentSet.Backward))
        {
            field.Argument<IntGraphType>("last", "Returns the last _n_ elements from the list.")
                .Argument<StringGraphType>("before", "Returns the elements in the list that come before the specified cursor.");
        }

        if (set.HasFlag(ListArgumentSet.Where))
        {
            field.Argument<FilterInputGraphType<TGraphType>>(
                "where", "Only the elements matching these conditions (translated to SQL).", argument => argument.Metadata[FieldCost.OperationWeightKey] = FieldCost.DatabaseWeight);
        }

        if (set.HasFlag(ListArgumentSet.Order))
        {
            field.Argument<ListGraphType<NonNullGraphType<SortInputGraphType<TGraphType>>>>("order", "Sort order, first entry first; the primary key breaks ties.");
        }

        return field;
    }
}

/// <summary>Resolves unpaged root lists with <c>where</c>/<c>order</c> (bounded-by-nature lists such as grade schemes).</summary>
public static class ListResolver
{
    /// <summary>Reads the rows <paramref name="source"/> selects, filtered and ordered by the field's arguments.</summary>
    public static async Task<object?> ResolveAsync<TEntity>(IResolveFieldContext ctx, Func<DbContext, IQueryable<TEntity>> source)
        where TEntity : class
    {
        var services = ctx.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices is not set.");
        var nodeType = GraphTypes.Complex(ctx.FieldDefinition.ResolvedType);
        var filter = FilterTranslator.Translate<TEntity>(
            ctx.GetArgument<Dictionary<string, object?>?>("where"), nodeType, services,
            services.GetService<Microsoft.Extensions.Options.IOptions<FilterOptions>>()?.Value);
        var order = KeysetPager.WithTiebreak(SortTranslator.Translate<TEntity>(ctx.GetArgument<List<object?>?>("order"), nodeType, services, EntityKey.OrderLiteral(ctx)), EntityKey.For<TEntity>());
        await using var db = services.GetRequiredService<Batching.IDbContextSource>().CreateDbContext();
        var query = source(db);
        if (filter is not null)
        {
            query = query.Where(filter);
        }

        var ordered = KeysetPager.ApplyOrder(query, order);
        var projection = Projection.ProjectionBuilder.Build<TEntity>(nodeType, Projection.SelectionTree.Of(ctx));
        return await (projection is null ? ordered : ordered.Select(projection)).ToListAsync(ctx.CancellationToken).ConfigureAwait(false);
    }
}

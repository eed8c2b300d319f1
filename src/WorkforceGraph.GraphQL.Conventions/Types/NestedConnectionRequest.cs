using System.Linq.Expressions;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkforceGraph.GraphQL.Conventions.Expressions;
using WorkforceGraph.GraphQL.Conventions.Filtering;
using WorkforceGraph.GraphQL.Conventions.Paging;
using WorkforceGraph.GraphQL.Conventions.Projection;
using WorkforceGraph.GraphQL.Conventions.Sorting;

namespace WorkforceGraph.GraphQL.Conventions.Types;

/// <summary>
/// The arguments of one nested forward-only connection field, translated once per resolver call: validated paging,
/// the <c>where</c> predicate (with an extra condition), the effective order and its cursor bound, the projection;
/// and the connection built from a fetched page. Shared by every batched nested connection.
/// </summary>
/// <typeparam name="TChild">The connection's node entity.</typeparam>
internal sealed class NestedConnectionRequest<TChild>
    where TChild : class
{
    private NestedConnectionRequest(
        int first, string? afterCursor, Expression<Func<TChild, bool>>? filter, IReadOnlyList<SortKey> order, string orderHash,
        Expression<Func<TChild, bool>>? after, Expression<Func<TChild, TChild>>? projection, string signature)
    {
        First = first;
        AfterCursor = afterCursor;
        Filter = filter;
        Order = order;
        OrderHash = orderHash;
        After = after;
        Projection = projection;
        Signature = signature;
        Empty = new Connection<TChild>([], new PageInfo(false, afterCursor is not null, null, null), _ => Task.FromResult(0));
    }

    /// <summary>The page size.</summary>
    public int First { get; }

    /// <summary>The <c>after</c> cursor as sent, or null.</summary>
    public string? AfterCursor { get; }

    /// <summary><c>where</c> and the extra condition, or null for none.</summary>
    public Expression<Func<TChild, bool>>? Filter { get; }

    /// <summary>The effective order, primary key last.</summary>
    public IReadOnlyList<SortKey> Order { get; }

    /// <summary>Hash of <see cref="Order"/>, carried by cursors.</summary>
    public string OrderHash { get; }

    /// <summary>Rows after the <c>after</c> cursor, or null.</summary>
    public Expression<Func<TChild, bool>>? After { get; }

    /// <summary>The selected columns (no joins: they would sit inside the window's subquery).</summary>
    public Expression<Func<TChild, TChild>>? Projection { get; }

    /// <summary>The selection below <c>nodes</c>/<c>edges</c>, part of the batch's identity.</summary>
    public string Signature { get; }

    /// <summary>The connection of a parent without children.</summary>
    public Connection<TChild> Empty { get; }

    /// <summary>Reads and translates the field's arguments.</summary>
    public static NestedConnectionRequest<TChild> Read(IResolveFieldContext ctx, bool filterable, bool sortable, Expression<Func<TChild, bool>>? condition)
    {
        var services = ctx.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices is not set.");
        var options = services.GetService<IOptions<PagingOptions>>()?.Value ?? new PagingOptions();
        var arguments = KeysetPager.Validate(
            new PagingArguments(ctx.GetArgument<int?>("first"), ctx.GetArgument<string?>("after"), null, null),
            options,
            $"{ctx.ParentType.Name}.{ctx.FieldDefinition.Name}");
        var connectionType = GraphTypes.Complex(ctx.FieldDefinition.ResolvedType);
        var nodeType = GraphTypes.Complex(connectionType.GetField("nodes")!.ResolvedType);
        var filter = filterable
            ? FilterTranslator.Translate<TChild>(ctx.GetArgument<Dictionary<string, object?>?>("where"), nodeType, services, services.GetService<IOptions<FilterOptions>>()?.Value)
            : null;
        if (condition is not null)
        {
            filter = filter is null ? condition : Expression.Lambda<Func<TChild, bool>>(Expression.AndAlso(condition.Body, ExpressionTools.Rebind(filter, condition.Parameters[0])), condition.Parameters);
        }

        var order = KeysetPager.WithTiebreak(
            sortable ? SortTranslator.Translate<TChild>(ctx.GetArgument<List<object?>?>("order"), nodeType, services, EntityKey.OrderLiteral(ctx)) : [],
            EntityKey.For<TChild>());
        var orderHash = CursorCodec.OrderHash(order);
        var after = arguments.After is null ? null : KeysetPager.Bound<TChild>(order, KeysetPager.Decode(arguments.After, "after", order, orderHash), after: true);
        var selection = SelectionTree.OfConnectionNodes(ctx);
        var projection = ProjectionBuilder.Build<TChild>(nodeType, selection, joinReferences: false);
        return new NestedConnectionRequest<TChild>(arguments.First!.Value, arguments.After, filter, order, orderHash, after, projection, selection.Signature());
    }

    /// <summary>
    /// The batch's children: <c>keys.Contains(key(child))</c> with <c>keys</c> as a SQL parameter (not a correlation,
    /// which would need APPLY), and the filter.
    /// </summary>
    public Expression<Func<TChild, bool>> Restrict<TKey>(Expression<Func<TChild, TKey>> key, List<TKey> keys)
    {
        var inBatch = Expression.Call(ExpressionTools.Parameter(keys, typeof(List<TKey>)), typeof(List<TKey>).GetMethod(nameof(List<TKey>.Contains))!, key.Body);
        var body = Filter is null ? (Expression)inBatch : Expression.AndAlso(inBatch, ExpressionTools.Rebind(Filter, key.Parameters[0]));
        return Expression.Lambda<Func<TChild, bool>>(body, key.Parameters);
    }

    /// <summary>The connection of one parent from its fetched rows; <paramref name="count"/> answers <c>totalCount</c> in batch.</summary>
    public Connection<TChild> Connection((List<PartitionRow<TChild>> Rows, bool HasNext) page, Func<IDataLoaderResult<int>> count)
    {
        var edges = page.Rows.Select(r => new Edge<TChild>(r.Node, OrderHash, r.Keys)).ToList();
        var info = new PageInfo(page.HasNext, AfterCursor is not null, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor);
        return new Connection<TChild>(edges, info, c => count().GetResultAsync(c)) { DeferredCount = count };
    }
}

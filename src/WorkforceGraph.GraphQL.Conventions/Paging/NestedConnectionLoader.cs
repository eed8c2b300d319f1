using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using WorkforceGraph.GraphQL.Conventions.Expressions;

namespace WorkforceGraph.GraphQL.Conventions.Paging;

/// <summary>A fetched child with the values of its order keys.</summary>
/// <typeparam name="TChild">The child entity.</typeparam>
public sealed class PartitionRow<TChild>
{
    /// <summary>The (projected) child.</summary>
    public TChild Node { get; set; } = default!;

    /// <summary>Values of the effective order's keys.</summary>
    public object?[] Keys { get; set; } = [];
}

/// <summary>The fetched page of one parent.</summary>
/// <typeparam name="TChild">The child entity.</typeparam>
public sealed class ParentPage<TChild>
{
    /// <summary>The parent's primary key.</summary>
    public int ParentId { get; set; }

    /// <summary>Up to <c>first + 1</c> rows.</summary>
    public List<PartitionRow<TChild>> Rows { get; set; } = [];
}

/// <summary>The fetched page of one key (children grouped by a computed key).</summary>
/// <typeparam name="TKey">The key.</typeparam>
/// <typeparam name="TChild">The child entity.</typeparam>
public sealed class KeyPage<TKey, TChild>
{
    /// <summary>The key shared by the children and their parent.</summary>
    public TKey Key { get; set; } = default!;

    /// <summary>Up to <c>first + 1</c> rows.</summary>
    public List<PartitionRow<TChild>> Rows { get; set; } = [];
}

/// <summary>The row count of one parent's connection.</summary>
public sealed class ParentCount
{
    /// <summary>The parent's primary key.</summary>
    public int ParentId { get; set; }

    /// <summary>Rows matching the connection's filter.</summary>
    public int Count { get; set; }
}

/// <summary>
/// Pages a nested connection over a collection navigation for many parents in ONE statement:
/// <c>parents.Select(p =&gt; new { p.Id, Rows = p.Children.Where(…).OrderBy(…).Take(first + 1).ToList() })</c>, which EF
/// translates into <c>ROW_NUMBER() OVER (PARTITION BY parent ORDER BY …)</c> (graphql-conventions.md §6).
/// The child predicate must not refer to the parent (else EF needs APPLY, which SQLite lacks).
/// </summary>
public static class NestedConnectionLoader
{
    /// <summary>Fetches one page per parent.</summary>
    public static async Task<Dictionary<int, (List<PartitionRow<TChild>> Rows, bool HasNext)>> PageAsync<TParent, TChild>(
        IQueryable<TParent> parents,
        Expression<Func<TParent, int>> parentKey,
        Expression<Func<TParent, IEnumerable<TChild>>> navigation,
        Expression<Func<TChild, bool>>? filter,
        IReadOnlyList<SortKey> order,
        Expression<Func<TChild, bool>>? after,
        int first,
        Expression<Func<TChild, TChild>>? projection,
        CancellationToken cancellationToken)
    {
        var parent = Expression.Parameter(typeof(TParent), "parent");
        var page = Expression.Lambda<Func<TParent, ParentPage<TChild>>>(
            Expression.MemberInit(
                Expression.New(typeof(ParentPage<TChild>)),
                Expression.Bind(typeof(ParentPage<TChild>).GetProperty(nameof(ParentPage<TChild>.ParentId))!, ExpressionTools.Rebind(parentKey, parent)),
                Expression.Bind(typeof(ParentPage<TChild>).GetProperty(nameof(ParentPage<TChild>.Rows))!, PageOf(Rows(parent, navigation, filter), order, after, first, projection))),
            parent);
        var pages = await parents.Select(page).ToListAsync(cancellationToken).ConfigureAwait(false);
        return pages.ToDictionary(p => p.ParentId, p => Trim(p.Rows, first));
    }

    /// <summary>
    /// Fetches one page per key of the children's computed key, for relations that are no navigation:
    /// <c>children.GroupBy(key).Select(g =&gt; new { g.Key, Rows = g.Where(after).OrderBy(…).Take(first + 1).ToList() })</c>,
    /// which EF translates into <c>ROW_NUMBER() OVER (PARTITION BY key ORDER BY …)</c> without APPLY.
    /// </summary>
    /// <param name="children">The children of the batch (restricted to its keys) with the filter applied.</param>
    /// <param name="key">The child's key, equal to its parent's.</param>
    /// <param name="order">The effective order, primary key last.</param>
    /// <param name="after">Rows after the cursor, or null.</param>
    /// <param name="first">Page size.</param>
    /// <param name="projection">The selected columns, or null for whole rows.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<Dictionary<TKey, (List<PartitionRow<TChild>> Rows, bool HasNext)>> PageByKeyAsync<TChild, TKey>(
        IQueryable<TChild> children,
        Expression<Func<TChild, TKey>> key,
        IReadOnlyList<SortKey> order,
        Expression<Func<TChild, bool>>? after,
        int first,
        Expression<Func<TChild, TChild>>? projection,
        CancellationToken cancellationToken)
        where TKey : notnull
    {
        var group = Expression.Parameter(typeof(IGrouping<TKey, TChild>), "group");
        var page = Expression.Lambda<Func<IGrouping<TKey, TChild>, KeyPage<TKey, TChild>>>(
            Expression.MemberInit(
                Expression.New(typeof(KeyPage<TKey, TChild>)),
                Expression.Bind(typeof(KeyPage<TKey, TChild>).GetProperty(nameof(KeyPage<TKey, TChild>.Key))!, Expression.Property(group, nameof(IGrouping<TKey, TChild>.Key))),
                Expression.Bind(typeof(KeyPage<TKey, TChild>).GetProperty(nameof(KeyPage<TKey, TChild>.Rows))!, PageOf(group, order, after, first, projection))),
            group);
        var pages = await children.GroupBy(key).Select(page).ToListAsync(cancellationToken).ConfigureAwait(false);
        return pages.ToDictionary(p => p.Key, p => Trim(p.Rows, first));
    }

    /// <summary>Counts the children per key with one statement (<c>GROUP BY</c> the key).</summary>
    public static async Task<IReadOnlyDictionary<TKey, int>> CountByKeyAsync<TChild, TKey>(
        IQueryable<TChild> children, Expression<Func<TChild, TKey>> key, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var counts = await children.GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    /// <summary>Counts the rows of every parent with one statement.</summary>
    public static async Task<IReadOnlyDictionary<int, int>> CountAsync<TParent, TChild>(
        IQueryable<TParent> parents,
        Expression<Func<TParent, int>> parentKey,
        Expression<Func<TParent, IEnumerable<TChild>>> navigation,
        Expression<Func<TChild, bool>>? filter,
        CancellationToken cancellationToken)
    {
        var parent = Expression.Parameter(typeof(TParent), "parent");
        var count = ExpressionTools.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(TChild)], Rows(parent, navigation, filter));
        var select = Expression.Lambda<Func<TParent, ParentCount>>(
            Expression.MemberInit(
                Expression.New(typeof(ParentCount)),
                Expression.Bind(typeof(ParentCount).GetProperty(nameof(ParentCount.ParentId))!, ExpressionTools.Rebind(parentKey, parent)),
                Expression.Bind(typeof(ParentCount).GetProperty(nameof(ParentCount.Count))!, count)),
            parent);
        return await parents.Select(select).ToDictionaryAsync(c => c.ParentId, c => c.Count, cancellationToken).ConfigureAwait(false);
    }

    // rows.Where(after).OrderBy(…).Take(first + 1).Select(child => new PartitionRow { Node, Keys }).ToList()
    private static MethodCallExpression PageOf<TChild>(
        Expression rows, IReadOnlyList<SortKey> order, Expression<Func<TChild, bool>>? after, int first, Expression<Func<TChild, TChild>>? projection)
    {
        if (after is not null)
        {
            rows = ExpressionTools.Call(typeof(Enumerable), nameof(Enumerable.Where), [typeof(TChild)], rows, after);
        }

        for (var i = 0; i < order.Count; i++)
        {
            var method = (i == 0, order[i].Descending) switch
            {
                (true, false) => nameof(Enumerable.OrderBy),
                (true, true) => nameof(Enumerable.OrderByDescending),
                (false, false) => nameof(Enumerable.ThenBy),
                (false, true) => nameof(Enumerable.ThenByDescending),
            };
            rows = ExpressionTools.Call(typeof(Enumerable), method, [typeof(TChild), order[i].ValueType], rows, order[i].Selector);
        }

        rows = ExpressionTools.Call(typeof(Enumerable), nameof(Enumerable.Take), [typeof(TChild)], rows, Expression.Constant(first + 1));
        var child = Expression.Parameter(typeof(TChild), "child");
        var select = Expression.Lambda(
            Expression.MemberInit(
                Expression.New(typeof(PartitionRow<TChild>)),
                Expression.Bind(typeof(PartitionRow<TChild>).GetProperty(nameof(PartitionRow<TChild>.Node))!, projection is null ? child : ExpressionTools.Rebind(projection, child)),
                Expression.Bind(
                    typeof(PartitionRow<TChild>).GetProperty(nameof(PartitionRow<TChild>.Keys))!,
                    Expression.NewArrayInit(typeof(object), order.Select(k => Expression.Convert(ExpressionTools.Rebind(k.Selector, child), typeof(object)))))),
            child);
        rows = ExpressionTools.Call(typeof(Enumerable), nameof(Enumerable.Select), [typeof(TChild), typeof(PartitionRow<TChild>)], rows, select);
        return ExpressionTools.Call(typeof(Enumerable), nameof(Enumerable.ToList), [typeof(PartitionRow<TChild>)], rows);
    }

    // EF returns each parent's rows in the window's order; first + 1 tells whether there is a next page.
    private static (List<PartitionRow<TChild>> Rows, bool HasNext) Trim<TChild>(List<PartitionRow<TChild>> rows, int first)
    {
        var hasNext = rows.Count > first;
        if (hasNext)
        {
            rows.RemoveRange(first, rows.Count - first);
        }

        return (rows, hasNext);
    }

    // The navigation as the compiler would write it (no Convert node: EF must still see a navigation).
    private static Expression Rows<TParent, TChild>(ParameterExpression parent, Expression<Func<TParent, IEnumerable<TChild>>> navigation, Expression<Func<TChild, bool>>? filter)
    {
        var body = navigation.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : navigation.Body;
        var rows = ExpressionTools.Rebind(Expression.Lambda(body, navigation.Parameters), parent);
        return filter is null ? rows : ExpressionTools.Call(typeof(Enumerable), nameof(Enumerable.Where), [typeof(TChild)], rows, filter);
    }
}

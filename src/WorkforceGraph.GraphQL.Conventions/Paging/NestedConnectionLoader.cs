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
        var rows = Rows(parent, navigation, filter);
        if (after is not null)
        {
            rows = Expression.Call(typeof(Enumerable), nameof(Enumerable.Where), [typeof(TChild)], rows, after);
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
            rows = Expression.Call(typeof(Enumerable), method, [typeof(TChild), order[i].ValueType], rows, order[i].Selector);
        }

        rows = Expression.Call(typeof(Enumerable), nameof(Enumerable.Take), [typeof(TChild)], rows, Expression.Constant(first + 1));
        var child = Expression.Parameter(typeof(TChild), "child");
        var select = Expression.Lambda(
            Expression.MemberInit(
                Expression.New(typeof(PartitionRow<TChild>)),
                Expression.Bind(typeof(PartitionRow<TChild>).GetProperty(nameof(PartitionRow<TChild>.Node))!, projection is null ? child : ExpressionTools.Rebind(projection, child)),
                Expression.Bind(
                    typeof(PartitionRow<TChild>).GetProperty(nameof(PartitionRow<TChild>.Keys))!,
                    Expression.NewArrayInit(typeof(object), order.Select(k => Expression.Convert(ExpressionTools.Rebind(k.Selector, child), typeof(object)))))),
            child);
        rows = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [typeof(TChild), typeof(PartitionRow<TChild>)], rows, select);
        rows = Expression.Call(typeof(Enumerable), nameof(Enumerable.ToList), [typeof(PartitionRow<TChild>)], rows);
        var page = Expression.Lambda<Func<TParent, ParentPage<TChild>>>(
            Expression.MemberInit(
                Expression.New(typeof(ParentPage<TChild>)),
                Expression.Bind(typeof(ParentPage<TChild>).GetProperty(nameof(ParentPage<TChild>.ParentId))!, ExpressionTools.Rebind(parentKey, parent)),
                Expression.Bind(typeof(ParentPage<TChild>).GetProperty(nameof(ParentPage<TChild>.Rows))!, rows)),
            parent);
        var pages = await parents.Select(page).ToListAsync(cancellationToken).ConfigureAwait(false);

        var result = new Dictionary<int, (List<PartitionRow<TChild>>, bool)>();
        foreach (var fetched in pages)
        {
            // EF returns each parent's rows in the window's order; first + 1 tells whether there is a next page.
            var list = fetched.Rows;
            var hasNext = list.Count > first;
            if (hasNext)
            {
                list.RemoveRange(first, list.Count - first);
            }

            result[fetched.ParentId] = (list, hasNext);
        }

        return result;
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
        var count = Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(TChild)], Rows(parent, navigation, filter));
        var select = Expression.Lambda<Func<TParent, ParentCount>>(
            Expression.MemberInit(
                Expression.New(typeof(ParentCount)),
                Expression.Bind(typeof(ParentCount).GetProperty(nameof(ParentCount.ParentId))!, ExpressionTools.Rebind(parentKey, parent)),
                Expression.Bind(typeof(ParentCount).GetProperty(nameof(ParentCount.Count))!, count)),
            parent);
        return await parents.Select(select).ToDictionaryAsync(c => c.ParentId, c => c.Count, cancellationToken).ConfigureAwait(false);
    }

    // The navigation as the compiler would write it (no Convert node: EF must still see a navigation).
    private static Expression Rows<TParent, TChild>(ParameterExpression parent, Expression<Func<TParent, IEnumerable<TChild>>> navigation, Expression<Func<TChild, bool>>? filter)
    {
        var body = navigation.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : navigation.Body;
        var rows = ExpressionTools.Rebind(Expression.Lambda(body, navigation.Parameters), parent);
        return filter is null ? rows : Expression.Call(typeof(Enumerable), nameof(Enumerable.Where), [typeof(TChild)], rows, filter);
    }
}

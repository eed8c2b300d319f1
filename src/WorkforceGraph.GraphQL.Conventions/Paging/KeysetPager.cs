using System.Linq.Expressions;
using System.Reflection;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using WorkforceGraph.GraphQL.Conventions.Expressions;

namespace WorkforceGraph.GraphQL.Conventions.Paging;

/// <summary>
/// Cursor paging over an <see cref="IQueryable{T}"/> with keyset cursors, translated into one SQL statement
/// per page (plus one COUNT when <c>totalCount</c> is selected). Follows the Relay algorithm: <c>after</c>/<c>before</c>
/// are exclusive bounds, <c>first</c> takes from the start, <c>last</c> from the end.
/// </summary>
public static class KeysetPager
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>
    /// Checks the paging arguments against the options and resolves the page size; throws the conventions'
    /// field errors (HC0079, HC0051, HC0052).
    /// </summary>
    public static PagingArguments Validate(PagingArguments arguments, PagingOptions options, string coordinate)
    {
        foreach (var size in new[] { arguments.First, arguments.Last })
        {
            if (size < 0)
            {
                throw PagingErrors.NegativePageSize(coordinate, size.Value);
            }

            if (size > options.MaxPageSize)
            {
                throw PagingErrors.MaxPageSizeExceeded(coordinate, size.Value, options.MaxPageSize);
            }
        }

        if (arguments.First is null && arguments.Last is null)
        {
            if (options.RequirePagingBoundaries)
            {
                throw PagingErrors.BoundariesRequired(coordinate);
            }

            return arguments with { First = options.DefaultPageSize };
        }

        return arguments;
    }

    /// <summary>
    /// Reads one page. <paramref name="order"/> must already end with the primary key (use <see cref="WithTiebreak"/>).
    /// </summary>
    /// <param name="query">The filtered, scoped rows (no ordering, no slicing).</param>
    /// <param name="order">The effective order, primary key last.</param>
    /// <param name="arguments">Validated paging arguments (see <see cref="Validate"/>).</param>
    /// <param name="count">Counts the unsliced rows; runs only if <c>totalCount</c> is selected (may need its own context).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <param name="projection">Reads only the selected columns (and joins selected references); the whole row when null.</param>
    public static async Task<Connection<T>> PageAsync<T>(
        IQueryable<T> query,
        IReadOnlyList<SortKey> order,
        PagingArguments arguments,
        Func<CancellationToken, Task<int>> count,
        CancellationToken cancellationToken,
        Expression<Func<T, T>>? projection = null)
    {
        var orderHash = CursorCodec.OrderHash(order);
        var sliced = query;
        if (arguments.After is not null)
        {
            sliced = sliced.Where(Bound<T>(order, Decode(arguments.After, "after", order, orderHash), after: true));
        }

        if (arguments.Before is not null)
        {
            sliced = sliced.Where(Bound<T>(order, Decode(arguments.Before, "before", order, orderHash), after: false));
        }

        List<KeysetRow<T>> rows;
        bool hasNext, hasPrevious;
        if (arguments.First is { } first)
        {
            rows = await Fetch(sliced, order, reverse: false, first + 1, projection, cancellationToken).ConfigureAwait(false);
            hasNext = rows.Count > first;
            if (hasNext)
            {
                rows.RemoveAt(rows.Count - 1);
            }

            hasPrevious = arguments.After is not null;
            if (arguments.Last is { } lastOfFirst && rows.Count > lastOfFirst)
            {
                rows.RemoveRange(0, rows.Count - lastOfFirst);
                hasPrevious = true;
            }
        }
        else
        {
            var last = arguments.Last!.Value;
            rows = await Fetch(sliced, order, reverse: true, last + 1, projection, cancellationToken).ConfigureAwait(false);
            hasPrevious = rows.Count > last;
            if (hasPrevious)
            {
                rows.RemoveAt(rows.Count - 1);
            }

            rows.Reverse();
            hasNext = arguments.Before is not null;
        }

        var edges = rows.Select(r => new Edge<T>(r.Node, orderHash, r.Keys)).ToList();
        var pageInfo = new PageInfo(hasNext, hasPrevious, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor);
        return new Connection<T>(edges, pageInfo, count);
    }

    /// <summary>Appends the primary key (ascending) unless the order already ends with it.</summary>
    public static IReadOnlyList<SortKey> WithTiebreak(IReadOnlyList<SortKey> order, SortKey primaryKey) =>
        order.Any(k => k.Name == primaryKey.Name) ? order : [.. order, primaryKey];

    /// <summary>Applies the order to a query (used for unpaged lists too).</summary>
    public static IQueryable<T> ApplyOrder<T>(IQueryable<T> query, IReadOnlyList<SortKey> order, bool reverse = false)
    {
        var expression = query.Expression;
        for (var i = 0; i < order.Count; i++)
        {
            var key = order[i];
            var descending = key.Descending ^ reverse;
            var method = (i == 0, descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            expression = ExpressionTools.Call(typeof(Queryable), method, [typeof(T), key.ValueType], expression, Expression.Quote(key.Selector));
        }

        return query.Provider.CreateQuery<T>(expression);
    }

    internal static object?[] Decode(string cursor, string argument, IReadOnlyList<SortKey> order, string orderHash) =>
        CursorCodec.TryDecode(cursor, order, orderHash, out var values) ? values : throw PagingErrors.InvalidCursor(argument, cursor);

    private static async Task<List<KeysetRow<T>>> Fetch<T>(
        IQueryable<T> query, IReadOnlyList<SortKey> order, bool reverse, int take, Expression<Func<T, T>>? projection, CancellationToken cancellationToken)
    {
        var ordered = ApplyOrder(query, order, reverse).Take(take);

        // Select the node together with its key values so cursors never need navigations loaded in memory.
        var parameter = Expression.Parameter(typeof(T), "row");
        var keys = Expression.NewArrayInit(
            typeof(object),
            order.Select(k => Expression.Convert(Rebind(k.Selector, parameter), typeof(object))));
        var body = Expression.MemberInit(
            Expression.New(typeof(KeysetRow<T>)),
            Expression.Bind(
                typeof(KeysetRow<T>).GetProperty(nameof(KeysetRow<T>.Node))!,
                projection is null ? parameter : Expressions.ExpressionTools.Rebind(projection, parameter)),
            Expression.Bind(typeof(KeysetRow<T>).GetProperty(nameof(KeysetRow<T>.Keys))!, keys));
        var select = Expression.Lambda<Func<T, KeysetRow<T>>>(body, parameter);
        return await ordered.Select(select).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Rows strictly after (or before) the cursor in the effective order:
    /// OR over i of (k1 = v1 AND … AND k(i-1) = v(i-1) AND ki ≷ vi).
    /// </summary>
    internal static Expression<Func<T, bool>> Bound<T>(IReadOnlyList<SortKey> order, object?[] values, bool after)
    {
        var parameter = Expression.Parameter(typeof(T), "row");
        Expression? disjunction = null;
        Expression? equalsSoFar = null;
        for (var i = 0; i < order.Count; i++)
        {
            var key = Rebind(order[i].Selector, parameter);
            var value = Parameter(values[i], order[i].ValueType);
            var greater = after ^ order[i].Descending;
            var strict = Compare(key, value, greater);
            var term = equalsSoFar is null ? strict : Expression.AndAlso(equalsSoFar, strict);
            disjunction = disjunction is null ? term : Expression.OrElse(disjunction, term);
            var equal = Expression.Equal(key, value);
            equalsSoFar = equalsSoFar is null ? equal : Expression.AndAlso(equalsSoFar, equal);
        }

        return Expression.Lambda<Func<T, bool>>(disjunction ?? Expression.Constant(true), parameter);
    }

    private static BinaryExpression Compare(Expression key, Expression value, bool greater)
    {
        if (key.Type == typeof(string))
        {
            var compare = Expression.Call(StringCompare, key, value);
            var zero = Expression.Constant(0);
            return greater ? Expression.GreaterThan(compare, zero) : Expression.LessThan(compare, zero);
        }

        if (key.Type == typeof(bool))
        {
            key = Expression.Condition(key, Expression.Constant(1), Expression.Constant(0));
            value = Expression.Condition(value, Expression.Constant(1), Expression.Constant(0));
        }

        return greater ? Expression.GreaterThan(key, value) : Expression.LessThan(key, value);
    }

    // A boxed value read through a member access, so EF sends it as a parameter instead of inlining it.
    private static MemberExpression Parameter(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(ValueBox<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(box), nameof(ValueBox<int>.Value));
    }

    private static Expression Rebind(LambdaExpression selector, ParameterExpression parameter) =>
        new ParameterReplacer(selector.Parameters[0], parameter).Visit(selector.Body);

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>A fetched node with the values of its order keys.</summary>
public sealed class KeysetRow<T>
{
    /// <summary>The node.</summary>
    public T Node { get; set; } = default!;

    /// <summary>Values of the effective order's keys.</summary>
    public object?[] Keys { get; set; } = [];
}

internal sealed class ValueBox<T>(T value)
{
    public T Value { get; } = value;
}

using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using WorkforceGraph.GraphQL.Conventions.Expressions;

namespace WorkforceGraph.GraphQL.Conventions.Aggregation;

/// <summary>One group of <see cref="GroupCounter.CountAsync{T}"/>: the key values in the order asked, and the row count.</summary>
/// <param name="Keys">One value per key expression, as its CLR type materializes it (null where the expression gave null).</param>
/// <param name="Count">Rows in the group.</param>
public sealed record GroupCount(IReadOnlyList<object?> Keys, int Count);

/// <summary>
/// Head counts by up to <see cref="MaxKeys"/> key expressions, as one SQL <c>GROUP BY</c> over exactly those keys
/// (rows are never loaded). The keys are expressions over the entity that EF Core translates (columns, <c>CASE</c>,
/// substrings, correlated subqueries) of any type it can materialize: a column mapped with a value converter (an
/// enum stored by name) is grouped on the stored value and converted once per group, not per row.
/// </summary>
public static class GroupCounter
{
    /// <summary>The most key expressions one call takes.</summary>
    public const int MaxKeys = 4;

    private static readonly string[] Slots = [nameof(GroupRow<,,,>.K0), nameof(GroupRow<,,,>.K1), nameof(GroupRow<,,,>.K2), nameof(GroupRow<,,,>.K3)];

    /// <summary>
    /// Counts the rows of <paramref name="rows"/> per distinct combination of <paramref name="keys"/> (each a
    /// one-parameter lambda over <typeparamref name="T"/>); at most <paramref name="limit"/> + 1 groups are read, so a
    /// caller can tell "more than the limit" without reading them all.
    /// </summary>
    public static async Task<IReadOnlyList<GroupCount>> CountAsync<T>(
        IQueryable<T> rows, IReadOnlyList<LambdaExpression> keys, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count is 0 or > MaxKeys)
        {
            throw new ArgumentOutOfRangeException(nameof(keys), $"Between 1 and {MaxKeys} keys.");
        }

        if (keys.Any(k => k.Parameters.Count != 1 || k.Parameters[0].Type != typeof(T)))
        {
            throw new ArgumentException($"Every key takes one {typeof(T).Name}.", nameof(keys));
        }

        // GroupRow<K0…K3> with only the used slots bound: the GROUP BY and the projection name the keys asked and
        // nothing else (a constant NULL slot still costs SQLite a grouping column per row).
        var types = Enumerable.Range(0, MaxKeys).Select(i => i < keys.Count ? ExpressionTools.AsNullable(keys[i].Body).Type : typeof(object)).ToArray();
        var rowType = typeof(GroupRow<,,,>).MakeGenericType(types);
        var row = Expression.Parameter(typeof(T), "row");
        var keySelector = Expression.Lambda(
            Expression.MemberInit(Expression.New(rowType), keys.Select((k, i) => Expression.Bind(rowType.GetProperty(Slots[i])!, ExpressionTools.AsNullable(ExpressionTools.Rebind(k, row))))),
            row);

        var groupingType = typeof(IGrouping<,>).MakeGenericType(rowType, typeof(T));
        var group = Expression.Parameter(groupingType, "g");
        var key = Expression.Property(group, nameof(IGrouping<,>.Key));
        var count = ExpressionTools.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(T)], group);
        var resultSelector = Expression.Lambda(
            Expression.MemberInit(
                Expression.New(rowType),
                [.. keys.Select((_, i) => Expression.Bind(rowType.GetProperty(Slots[i])!, Expression.Property(key, Slots[i]))),
                    Expression.Bind(rowType.GetProperty(nameof(GroupRow<,,,>.Count))!, count)]),
            group);

        var query = ExpressionTools.Call(typeof(Queryable), nameof(Queryable.GroupBy), [typeof(T), rowType], rows.Expression, Expression.Quote(keySelector));
        query = ExpressionTools.Call(typeof(Queryable), nameof(Queryable.Select), [groupingType, rowType], query, Expression.Quote(resultSelector));
        query = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [rowType], query, Expression.Constant(limit + 1));
        var read = ReadMethod.MakeGenericMethod(rowType).CreateDelegate<Func<IQueryable, CancellationToken, Task<IReadOnlyList<IGroupRow>>>>();
        var groups = await read(rows.Provider.CreateQuery(query), cancellationToken).ConfigureAwait(false);
        return [.. groups.Select(g => new GroupCount(g.Keys(keys.Count), g.Count))];
    }

    private static readonly System.Reflection.MethodInfo ReadMethod = typeof(GroupCounter).GetMethod(nameof(ReadAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    private static async Task<IReadOnlyList<IGroupRow>> ReadAsync<TRow>(IQueryable query, CancellationToken cancellationToken)
        where TRow : IGroupRow =>
        [.. await ((IQueryable<TRow>)query).ToListAsync(cancellationToken).ConfigureAwait(false)];

    /// <summary>A group's key values and count, whatever the key types.</summary>
    public interface IGroupRow
    {
        /// <summary>Rows in the group.</summary>
        int Count { get; }

        /// <summary>The first <paramref name="count"/> key slots.</summary>
        object?[] Keys(int count);
    }

    /// <summary>The grouping key and result row (public for EF Core's materializer; not part of the API).</summary>
    /// <typeparam name="T0">Type of key slot 0.</typeparam>
    /// <typeparam name="T1">Type of key slot 1.</typeparam>
    /// <typeparam name="T2">Type of key slot 2.</typeparam>
    /// <typeparam name="T3">Type of key slot 3.</typeparam>
    public sealed class GroupRow<T0, T1, T2, T3> : IGroupRow
    {
        /// <summary>Key slot 0.</summary>
        public T0? K0 { get; set; }

        /// <summary>Key slot 1.</summary>
        public T1? K1 { get; set; }

        /// <summary>Key slot 2.</summary>
        public T2? K2 { get; set; }

        /// <summary>Key slot 3.</summary>
        public T3? K3 { get; set; }

        /// <summary>Rows in the group.</summary>
        public int Count { get; set; }

        /// <inheritdoc />
        public object?[] Keys(int count) => new object?[] { K0, K1, K2, K3 }[..count];
    }
}

using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace WorkforceGraph.GraphQL.Conventions.Aggregation;

/// <summary>One group of <see cref="GroupCounter.CountAsync{T}"/>: the key values in the order asked, and the row count.</summary>
/// <param name="Keys">One value per key expression (null where the expression gave null).</param>
/// <param name="Count">Rows in the group.</param>
public sealed record GroupCount(IReadOnlyList<string?> Keys, int Count);

/// <summary>
/// Head counts by up to <see cref="MaxKeys"/> string-valued key expressions, as one SQL <c>GROUP BY</c> (rows are
/// never loaded). The keys are expressions over the entity that EF Core translates (columns, <c>CASE</c>,
/// substrings, correlated subqueries).
/// </summary>
public static class GroupCounter
{
    /// <summary>The most key expressions one call takes.</summary>
    public const int MaxKeys = 4;

    /// <summary>
    /// Counts the rows of <paramref name="rows"/> per distinct combination of <paramref name="keys"/>; at most
    /// <paramref name="limit"/> + 1 groups are read, so a caller can tell "more than the limit" without reading them all.
    /// </summary>
    public static async Task<IReadOnlyList<GroupCount>> CountAsync<T>(
        IQueryable<T> rows, IReadOnlyList<Expression<Func<T, string?>>> keys, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count is 0 or > MaxKeys)
        {
            throw new ArgumentOutOfRangeException(nameof(keys), $"Between 1 and {MaxKeys} keys.");
        }

        var row = Expression.Parameter(typeof(T), "row");
        var slots = new[] { nameof(GroupKey.K0), nameof(GroupKey.K1), nameof(GroupKey.K2), nameof(GroupKey.K3) };
        var bindings = slots.Select((slot, i) => Expression.Bind(
            typeof(GroupKey).GetProperty(slot)!,
            i < keys.Count ? Expressions.ExpressionTools.Rebind(keys[i], row) : Expression.Constant(null, typeof(string))));
        var selector = Expression.Lambda<Func<T, GroupKey>>(Expression.MemberInit(Expression.New(typeof(GroupKey)), bindings), row);

        var groups = await rows.GroupBy(selector)
            .Select(g => new { g.Key.K0, g.Key.K1, g.Key.K2, g.Key.K3, Count = g.Count() })
            .Take(limit + 1)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return [.. groups.Select(g => new GroupCount(new[] { g.K0, g.K1, g.K2, g.K3 }[..keys.Count], g.Count))];
    }

    /// <summary>The grouping key (public for EF Core's materializer; not part of the API).</summary>
    public sealed class GroupKey
    {
        /// <summary>Key slot 0.</summary>
        public string? K0 { get; set; }

        /// <summary>Key slot 1.</summary>
        public string? K1 { get; set; }

        /// <summary>Key slot 2.</summary>
        public string? K2 { get; set; }

        /// <summary>Key slot 3.</summary>
        public string? K3 { get; set; }
    }
}

using System.Linq.Expressions;

namespace WorkforceGraph.GraphQL.Conventions.Paging;

/// <summary>
/// One key of an effective order: a name (for the cursor's order hash), a translatable selector over the
/// entity, and a direction. The pager appends the primary key as the last key so that order is total.
/// </summary>
/// <param name="Name">Canonical path of the key, e.g. <c>community.name</c>.</param>
/// <param name="Selector">Lambda from the entity to a comparable value that EF can translate.</param>
/// <param name="Descending">True for DESC.</param>
public sealed record SortKey(string Name, LambdaExpression Selector, bool Descending)
{
    /// <summary>Creates a key from a typed selector.</summary>
    public static SortKey Create<T, TKey>(string name, Expression<Func<T, TKey>> selector, bool descending = false) =>
        new(name, selector, descending);

    /// <summary>The CLR type of the key's values.</summary>
    public Type ValueType => Selector.ReturnType;
}

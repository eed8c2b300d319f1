namespace WorkforceGraph.GraphQL.Conventions.Paging;

/// <summary>Page-size settings, bound from <c>GraphQL:Paging</c> (graphql-conventions.md §5).</summary>
public sealed class PagingOptions
{
    /// <summary>Page size when neither <c>first</c> nor <c>last</c> is given.</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Largest <c>first</c>/<c>last</c> accepted (<c>HC0051</c> above it).</summary>
    public int MaxPageSize { get; set; } = 50;

    /// <summary>Require <c>first</c> or <c>last</c> on every connection (<c>HC0052</c>).</summary>
    public bool RequirePagingBoundaries { get; set; }
}

/// <summary>The paging arguments of one connection field.</summary>
/// <param name="First">Rows from the start.</param>
/// <param name="After">Exclusive lower bound cursor.</param>
/// <param name="Last">Rows from the end.</param>
/// <param name="Before">Exclusive upper bound cursor.</param>
public sealed record PagingArguments(int? First, string? After, int? Last, string? Before);

namespace WorkforceGraph.GraphQL.Conventions.Paging;

/// <summary>A page of a connection (graphql-conventions.md §5).</summary>
/// <typeparam name="T">Node type.</typeparam>
public sealed class Connection<T> : IConnection
{
    private readonly Func<CancellationToken, Task<int>> _count;

    /// <summary>Creates a page; <paramref name="count"/> runs only when <c>totalCount</c> is selected.</summary>
    public Connection(IReadOnlyList<Edge<T>> edges, PageInfo pageInfo, Func<CancellationToken, Task<int>> count)
    {
        Edges = edges;
        PageInfo = pageInfo;
        _count = count;
    }

    /// <summary>The page's edges, in connection order.</summary>
    public IReadOnlyList<Edge<T>> Edges { get; }

    /// <summary>The page's nodes, in connection order.</summary>
    public IEnumerable<T> Nodes => Edges.Select(e => e.Node);

    /// <summary>Paging flags and boundary cursors.</summary>
    public PageInfo PageInfo { get; }

    IEnumerable<object> IConnection.EdgeObjects => Edges;

    IEnumerable<object?> IConnection.NodeObjects => Edges.Select(e => (object?)e.Node);

    /// <summary>Counts every row of the connection (same filter, no slicing).</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken) => _count(cancellationToken);

    /// <summary>A count that a batch loader answers for many connections at once (nested connections).</summary>
    public Func<global::GraphQL.DataLoader.IDataLoaderResult<int>>? DeferredCount { get; init; }

    object? IConnection.DeferredCountResult => DeferredCount?.Invoke();
}

/// <summary>A node with its cursor; a cursor made from key values is encoded only when it is read.</summary>
public sealed class Edge<T> : IEdge
{
    private readonly string? _orderHash;
    private readonly IReadOnlyList<object?>? _keys;
    private string? _cursor;

    /// <summary>An edge with a ready cursor.</summary>
    public Edge(string cursor, T node)
    {
        _cursor = cursor;
        Node = node;
    }

    /// <summary>An edge whose cursor is <see cref="CursorCodec.Encode"/> of the row's order-key values, made on first read.</summary>
    public Edge(T node, string orderHash, IReadOnlyList<object?> keys)
    {
        Node = node;
        _orderHash = orderHash;
        _keys = keys;
    }

    /// <summary>The opaque cursor of the node.</summary>
    public string Cursor => _cursor ??= CursorCodec.Encode(_orderHash!, _keys!);

    /// <summary>The node.</summary>
    public T Node { get; }

    object? IEdge.NodeObject => Node;
}

/// <summary>Relay page information.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

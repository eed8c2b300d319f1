using GraphQL;
using GraphQL.Types;
using WorkforceGraph.GraphQL.Conventions.Execution;
using WorkforceGraph.GraphQL.Conventions.Limits;

namespace WorkforceGraph.GraphQL.Conventions.Paging;

/// <summary>Non-generic view of a <see cref="Connection{T}"/> for the graph types.</summary>
internal interface IConnection
{
    IEnumerable<object> EdgeObjects { get; }

    IEnumerable<object?> NodeObjects { get; }

    PageInfo PageInfo { get; }

    Task<int> CountAsync(CancellationToken cancellationToken);

    object? DeferredCountResult { get; }
}

/// <summary>
/// <c>&lt;Plural&gt;Connection</c> for a node graph type, named as HotChocolate names a connection after its field
/// (graphql-conventions.md §5): <c>WorkerGraphType</c> → <c>WorkersConnection</c>.
/// </summary>
/// <typeparam name="TNodeGraphType">The node's graph type.</typeparam>
public sealed class ConnectionGraphType<TNodeGraphType> : ObjectGraphType<object>
    where TNodeGraphType : IGraphType
{
    /// <summary>Declares the connection's fields.</summary>
    public ConnectionGraphType()
    {
        var plural = ConnectionNaming.Plural(typeof(TNodeGraphType));
        Name = plural + "Connection";
        Description = "A connection to a list of items.";
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo")
            .Description("Information to aid in pagination.")
            .Resolve(ctx => ((IConnection)ctx.Source).PageInfo);
        Field<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeGraphType>>>>("edges")
            .Description("A list of edges.")
            .Resolve(ctx => ((IConnection)ctx.Source).EdgeObjects);
        Field<ListGraphType<NonNullGraphType<TNodeGraphType>>>("nodes")
            .Description("A flattened list of the nodes.")
            .Resolve(ctx => ((IConnection)ctx.Source).NodeObjects);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Identifies the total count of items in the connection (counted only when selected).")
            .Cost(FieldCost.DatabaseWeight)
            .ResolveAsync(async ctx =>
            {
                // Nested connections hand back a batch-loader result, so the counts of one level are one statement.
                var connection = (IConnection)ctx.Source;
                return connection.DeferredCountResult ?? await connection.CountAsync(ctx.CancellationToken).ConfigureAwait(false);
            });
    }
}

/// <summary><c>&lt;Plural&gt;Edge</c>: a node with its cursor.</summary>
/// <typeparam name="TNodeGraphType">The node's graph type.</typeparam>
public sealed class EdgeGraphType<TNodeGraphType> : ObjectGraphType<object>
    where TNodeGraphType : IGraphType
{
    /// <summary>Declares the edge's fields.</summary>
    public EdgeGraphType()
    {
        Name = ConnectionNaming.Plural(typeof(TNodeGraphType)) + "Edge";
        Description = "An edge in a connection.";
        var cursor = Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("A cursor for use in pagination.")
            .Resolve(ctx => ((IEdge)ctx.Source).Cursor);
        cursor.WithMetadata(PlainField.MetadataKey, PlainField.Value<IEdge, string>(cursor.FieldType.Resolver, edge => edge.Cursor));
        var node = Field<NonNullGraphType<TNodeGraphType>>("node")
            .Description("The item at the end of the edge.")
            .Resolve(ctx => ((IEdge)ctx.Source).NodeObject);
        // Plain, so that a list of edges over plain nodes is completed in one pass (ProjectedExecutionStrategy).
        node.WithMetadata(PlainField.MetadataKey, PlainField.Reference<IEdge, object>(node.FieldType.Resolver, edge => edge.NodeObject, _ => false));
    }
}

/// <summary>Relay's <c>PageInfo</c>.</summary>
public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    /// <summary>Declares the fields.</summary>
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Information about pagination in a connection.";
        Field(p => p.HasNextPage).Description("Indicates whether more edges exist following the set defined by the clients arguments.");
        Field(p => p.HasPreviousPage).Description("Indicates whether more edges exist prior the set defined by the clients arguments.");
        Field(p => p.StartCursor, nullable: true).Description("When paginating backwards, the cursor to continue.");
        Field(p => p.EndCursor, nullable: true).Description("When paginating forwards, the cursor to continue.");
    }
}

/// <summary>Non-generic view of an <see cref="Edge{T}"/>.</summary>
internal interface IEdge
{
    string Cursor { get; }

    object? NodeObject { get; }
}

/// <summary>Names connection types after the plural of the node type (HotChocolate's field-based naming).</summary>
public static class ConnectionNaming
{
    /// <summary><c>WorkerGraphType</c> → <c>Workers</c>; <c>CommunityGraphType</c> → <c>Communities</c>.</summary>
    public static string Plural(Type nodeGraphType)
    {
        var name = nodeGraphType.Name;
        if (name.EndsWith("GraphType", StringComparison.Ordinal))
        {
            name = name[..^"GraphType".Length];
        }

        if (name.EndsWith('y') && name.Length > 1 && !"aeiou".Contains(name[^2], StringComparison.Ordinal))
        {
            return name[..^1] + "ies";
        }

        return name.EndsWith('s') || name.EndsWith('x') || name.EndsWith("ch", StringComparison.Ordinal) ? name + "es" : name + "s";
    }
}

using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.GraphQL.Conventions.Batching;
using WorkforceGraph.GraphQL.Conventions.Errors;
using WorkforceGraph.GraphQL.Conventions.Limits;

namespace WorkforceGraph.GraphQL.Conventions.NodeIds;

/// <summary>Relay's <c>Node</c> interface (graphql-conventions.md §7).</summary>
public sealed class NodeInterfaceGraphType : InterfaceGraphType
{
    /// <summary>Declares <c>id: ID!</c>.</summary>
    public NodeInterfaceGraphType()
    {
        Name = "Node";
        Description = "The node interface is implemented by entities that have a global unique identifier.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The globally unique, opaque identifier of the object.");
    }
}

/// <summary>Loads nodes of one GraphQL type by the key text of their IDs; registered once per node type.</summary>
public interface INodeResolver
{
    /// <summary>The GraphQL type name in the IDs this resolver serves (e.g. <c>Worker</c>).</summary>
    string TypeName { get; }

    /// <summary>Whether the key text is of this type's key format (else the ID is malformed: INVALID_NODE_ID).</summary>
    bool IsWellFormedKey(string key);

    /// <summary>Loads the rows for the given keys in one query; absent keys are left out (no row, or out of scope).</summary>
    Task<IReadOnlyDictionary<string, object>> LoadAsync(IReadOnlyList<string> keys, IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>Adds <c>node(id:)</c> and <c>nodes(ids:)</c> to a query type.</summary>
public static class NodeFields
{
    /// <summary>
    /// Adds the two fields. Both read the database (cost <see cref="FieldCost.DatabaseWeight"/>); <c>nodes(ids:)</c> is a
    /// batch as long as <c>ids</c>, bounded by <c>Limits:MaxNodeBatch</c> before execution (400 <c>HC0076</c>).
    /// </summary>
    public static void AddNodeFields(this ObjectGraphType<object> query)
    {
        query.Field<NodeInterfaceGraphType>("node")
            .Description("Fetches an object given its ID; null when no such object exists for the caller.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "ID of the object.")
            .Cost(FieldCost.DatabaseWeight)
            .Resolve(ctx => Load(ctx, ctx.GetArgument<string>("id")));

        query.Field<NonNullGraphType<ListGraphType<NodeInterfaceGraphType>>>("nodes")
            .Description("Lookup nodes by a list of IDs, in input order; null for IDs that match no object.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "The list of node IDs.")
            .Cost(FieldCost.DatabaseWeight)
            .BatchOf("ids")
            .ResolveAsync(async ctx =>
            {
                var ids = ctx.GetArgument<List<string>>("ids");
                var pending = ids.Select(id => Load(ctx, id)).ToList();
                var results = new object?[pending.Count];
                for (var i = 0; i < pending.Count; i++)
                {
                    results[i] = pending[i] is null ? null : await pending[i]!.GetResultAsync(ctx.CancellationToken).ConfigureAwait(false);
                }

                return (object?)results;
            });
    }

    /// <summary>The error for an ID that does not decode (HC's message, plus our code).</summary>
    public static CodedExecutionError InvalidNodeId(string? originalValue) =>
        new CodedExecutionError(ErrorCodes.InvalidNodeId, "The node ID string has an invalid format.").WithExtension("originalValue", originalValue);

    private static global::GraphQL.DataLoader.IDataLoaderResult<object?>? Load(IResolveFieldContext ctx, string id)
    {
        if (!NodeId.TryDecode(id, out var typeName, out var key))
        {
            throw InvalidNodeId(id);
        }

        var resolver = Resolver(ctx, typeName);
        if (resolver is null)
        {
            return null;
        }

        if (!resolver.IsWellFormedKey(key))
        {
            throw InvalidNodeId(id);
        }

        return LoadNode(ctx, typeName, key);
    }

    /// <summary>
    /// Loads the node of <paramref name="typeName"/> with the key text <paramref name="key"/> through the same batched,
    /// scoped loader as <c>node(id:)</c>: null when no such node type exists, a null result when the row is absent.
    /// </summary>
    public static global::GraphQL.DataLoader.IDataLoaderResult<object?>? LoadNode(IResolveFieldContext ctx, string typeName, string key)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var resolver = Resolver(ctx, typeName);
        if (resolver is null)
        {
            return null;
        }

        var services = ctx.RequestServices!;
        var loader = services.GetRequiredService<BatchLoaderRegistry>().GetOrAdd<string, object?>(
            "node:" + typeName,
            async (keys, ct) =>
            {
                var rows = await resolver.LoadAsync(keys, services, ct).ConfigureAwait(false);
                return rows.ToDictionary(r => r.Key, r => (object?)r.Value);
            },
            null);
        return loader.Load(key);
    }

    private static INodeResolver? Resolver(IResolveFieldContext ctx, string typeName)
    {
        var services = ctx.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices is not set.");
        return services.GetServices<INodeResolver>().FirstOrDefault(r => r.TypeName == typeName);
    }
}

using GraphQL.Types;

namespace WorkforceGraph.GraphQL.Conventions.Types;

/// <summary>Helpers over resolved graph types.</summary>
internal static class GraphTypes
{
    /// <summary>The named type inside <c>NonNull</c>/<c>List</c> wrappers.</summary>
    public static IGraphType? Unwrap(IGraphType? type)
    {
        while (type is IProvideResolvedType wrapper)
        {
            type = wrapper.ResolvedType;
        }

        return type;
    }

    /// <summary>The object or interface type a field leads to, through list and non-null wrappers.</summary>
    public static IComplexGraphType Complex(IGraphType? type) =>
        Unwrap(type) as IComplexGraphType ?? throw new InvalidOperationException($"{type} does not lead to an object type.");
}

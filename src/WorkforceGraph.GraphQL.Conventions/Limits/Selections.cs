using System.Collections.Immutable;
using GraphQL.Types;
using GraphQLParser.AST;

namespace WorkforceGraph.GraphQL.Conventions.Limits;

/// <summary>One field selection met while walking an operation, with the type it is selected on.</summary>
/// <param name="Ast">The field in the document.</param>
/// <param name="ParentType">The type the field is selected on, when known.</param>
/// <param name="Definition">The field's definition, when the schema has it (never for <c>__</c> meta fields).</param>
/// <param name="FragmentsOnPath">Fragments being expanded on the path to this field (guards against cycles).</param>
internal readonly record struct SelectedField(GraphQLField Ast, IComplexGraphType? ParentType, FieldType? Definition, ImmutableHashSet<string> FragmentsOnPath)
{
    public string Name => Ast.Name.StringValue;

    public bool IsMeta => Name.StartsWith("__", StringComparison.Ordinal);

    /// <summary>The object or interface type the field's selection set is on, when known.</summary>
    public IComplexGraphType? ChildType => Selections.Unwrap(Definition?.ResolvedType) as IComplexGraphType;
}

/// <summary>
/// How many field visits one walk may make. Fragments are expanded per spread, so a small document can stand for an
/// exponential number of fields (a fragment "bomb"); a walk stops when its budget is spent, and the cost rule then
/// refuses the operation.
/// </summary>
internal sealed class VisitBudget
{
    /// <summary>Selections (fields, fragment spreads, inline fragments) a walk may visit.</summary>
    public const int DefaultVisits = 200_000;

    private int _remaining = DefaultVisits;

    /// <summary>Whether the walk ran out of visits.</summary>
    public bool Exhausted => _remaining < 0;

    /// <summary>Takes one visit; false once the budget is spent.</summary>
    public bool Take() => --_remaining >= 0;
}

/// <summary>Walks the selections of an operation with fragments expanded, as the limit rules count them.</summary>
internal static class Selections
{
    /// <summary>The fields directly under <paramref name="selectionSet"/>, fragment spreads and inline fragments expanded.</summary>
    public static IEnumerable<SelectedField> Fields(
        GraphQLSelectionSet? selectionSet, IComplexGraphType? parentType, GraphQLDocument document, ISchema schema, ImmutableHashSet<string> fragmentsOnPath, VisitBudget budget)
    {
        if (selectionSet is null)
        {
            yield break;
        }

        foreach (var selection in selectionSet.Selections)
        {
            // Every selection takes a visit, spreads too: after the budget is spent no path is followed further.
            if (!budget.Take())
            {
                yield break;
            }

            switch (selection)
            {
                case GraphQLField field:
                    var name = field.Name.StringValue;
                    var definition = name.StartsWith("__", StringComparison.Ordinal) ? null : parentType?.GetField(name);
                    yield return new SelectedField(field, parentType, definition, fragmentsOnPath);
                    break;
                case GraphQLInlineFragment inline:
                    foreach (var inner in Fields(inline.SelectionSet, Narrow(inline.TypeCondition, parentType, schema), document, schema, fragmentsOnPath, budget))
                    {
                        yield return inner;
                    }

                    break;
                case GraphQLFragmentSpread spread:
                    var fragmentName = spread.FragmentName.Name.StringValue;
                    if (fragmentsOnPath.Contains(fragmentName) || FindFragment(document, fragmentName) is not { } fragment)
                    {
                        break;
                    }

                    foreach (var inner in Fields(fragment.SelectionSet, Narrow(fragment.TypeCondition, parentType, schema), document, schema, fragmentsOnPath.Add(fragmentName), budget))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }

    /// <summary>The root type of the operation.</summary>
    public static IComplexGraphType? RootType(GraphQLOperationDefinition operation, ISchema schema) => operation.Operation switch
    {
        OperationType.Query => schema.Query,
        OperationType.Mutation => schema.Mutation,
        OperationType.Subscription => schema.Subscription,
        _ => null,
    };

    /// <summary>The named type inside list and non-null wrappers.</summary>
    public static IGraphType? Unwrap(IGraphType? type)
    {
        while (type is IProvideResolvedType wrapper)
        {
            type = wrapper.ResolvedType;
        }

        return type;
    }

    /// <summary>Whether the type is a list (through a non-null wrapper).</summary>
    public static bool IsList(IGraphType? type) => (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is ListGraphType;

    private static IComplexGraphType? Narrow(GraphQLTypeCondition? condition, IComplexGraphType? parentType, ISchema schema) =>
        condition is null ? parentType : schema.AllTypes[condition.Type.Name.StringValue] as IComplexGraphType;

    private static GraphQLFragmentDefinition? FindFragment(GraphQLDocument document, string name)
    {
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLFragmentDefinition fragment && fragment.FragmentName.Name.StringValue == name)
            {
                return fragment;
            }
        }

        return null;
    }
}

using System.Collections;
using System.Collections.Immutable;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using WorkforceGraph.GraphQL.Conventions.Errors;

namespace WorkforceGraph.GraphQL.Conventions.Limits;

/// <summary>The cost of an operation: field cost (work) and type cost (objects returned).</summary>
/// <param name="FieldCost">The field cost.</param>
/// <param name="TypeCost">The type cost.</param>
public sealed record OperationCost(double FieldCost, double TypeCost)
{
    /// <summary>The <see cref="global::GraphQL.ExecutionOptions.UserContext"/> key the cost rule leaves the cost under.</summary>
    public const string UserContextKey = "wg:operationCost";
}

/// <summary>
/// §11 cost (HotChocolate's model after the IBM cost spec), computed after variables are coerced so that
/// <c>first</c>/<c>last</c> and list lengths are known:
/// <list type="bullet">
/// <item>field cost of a field = its weight (see <see cref="FieldCost"/>) + the weight of each filter operation its
/// arguments use + its list size × the field cost of its selection;</item>
/// <item>type cost of a field = its list size × (1 for an object, 0 for a leaf + the type cost of its selection).</item>
/// </list>
/// A connection's size applies to its <c>nodes</c>/<c>edges</c>. Fragments on different types all count (an upper
/// bound); introspection fields cost nothing. Over <c>MaxFieldCost</c> or <c>MaxTypeCost</c>: 400 <c>HC0047</c>.
/// The cost is left in the user context under <see cref="OperationCost.UserContextKey"/> for <c>GraphQL-Cost</c>.
/// </summary>
internal sealed class OperationCostRule(double maxFieldCost, double maxTypeCost, int defaultListSize, bool validateOnly) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        // A fragment "bomb" spends the visit budget: refused without finishing the sum.
        var budget = new VisitBudget();
        var (fieldCost, typeCost) = Sum(context.Operation.SelectionSet, Selections.RootType(context.Operation, context.Schema), ImmutableHashSet<string>.Empty, null, null);
        var exhausted = budget.Exhausted;
        context.UserContext[OperationCost.UserContextKey] = new OperationCost(fieldCost, typeCost);

        if (fieldCost > maxFieldCost || exhausted)
        {
            context.ReportError(new CodedValidationError(ErrorCodes.CostExceeded, "The maximum allowed field cost was exceeded.", context.Document.Source, context.Operation)
                .WithExtension("fieldCost", fieldCost)
                .WithExtension("maxFieldCost", maxFieldCost));
        }
        else if (typeCost > maxTypeCost)
        {
            context.ReportError(new CodedValidationError(ErrorCodes.CostExceeded, "The maximum allowed type cost was exceeded.", context.Document.Source, context.Operation)
                .WithExtension("typeCost", typeCost)
                .WithExtension("maxTypeCost", maxTypeCost));
        }
        else if (validateOnly)
        {
            context.ReportError(new CostValidatedOnly(context.Document.Source, context.Operation));
        }

        return default;

        (double Field, double Type) Sum(
            GraphQLParser.AST.GraphQLSelectionSet? set, IComplexGraphType? type, ImmutableHashSet<string> fragments, ListSize? sizing, IDictionary<string, ArgumentValue>? sizingArguments)
        {
            double field = 0, objects = 0;
            foreach (var selected in Selections.Fields(set, type, context.Document, context.Schema, fragments, budget))
            {
                if (selected.IsMeta || selected.Definition is not { } definition)
                {
                    continue;
                }

                var arguments = context.ArgumentValues?.TryGetValue(selected.Ast, out var values) == true ? values : null;
                var composite = selected.ChildType is not null;
                var size = definition.GetMetadata<ListSize?>(FieldCost.ListSizeKey);

                // A connection sizes its nodes/edges by its own arguments; a list sizes itself.
                var multiplier = sizing is not null && sizing.SizedFields.Contains(selected.Name) ? Size(sizing, sizingArguments)
                    : size is { SizedFields.Count: 0 } ? Size(size, arguments)
                    : Selections.IsList(definition.ResolvedType) ? defaultListSize
                    : 1;
                var children = size is { SizedFields.Count: > 0 }
                    ? Sum(selected.Ast.SelectionSet, selected.ChildType, selected.FragmentsOnPath, size, arguments)
                    : Sum(selected.Ast.SelectionSet, selected.ChildType, selected.FragmentsOnPath, null, null);
                field += FieldCost.WeightOf(definition, composite) + OperationWeight(definition, arguments) + (multiplier * children.Field);
                objects += multiplier * ((composite ? 1 : 0) + children.Type);
            }

            return (field, objects);
        }

        double Size(ListSize size, IDictionary<string, ArgumentValue>? arguments)
        {
            if (size.LengthArgument is { } lengthArgument)
            {
                return arguments?.TryGetValue(lengthArgument, out var list) == true && list.Value is ICollection collection ? collection.Count : 0;
            }

            double? sliced = null;
            foreach (var name in size.SlicingArguments)
            {
                if (arguments?.TryGetValue(name, out var value) == true && value.Value is int count)
                {
                    sliced = Math.Max(sliced ?? 0, Math.Max(0, count));
                }
            }

            return sliced ?? size.AssumedSize ?? defaultListSize;
        }
    }

    // Each operation a filter argument uses (a leaf of its value) weighs the argument's operation weight.
    private static double OperationWeight(FieldType definition, IDictionary<string, ArgumentValue>? arguments)
    {
        if (arguments is null || definition.Arguments is null)
        {
            return 0;
        }

        double total = 0;
        foreach (var argument in definition.Arguments)
        {
            if (argument.GetMetadata<double?>(FieldCost.OperationWeightKey) is { } weight && arguments.TryGetValue(argument.Name, out var value))
            {
                total += weight * Operations(value.Value);
            }
        }

        return total;
    }

    private static int Operations(object? value) => value is IDictionary<string, object?> map ? map.Values.Sum(Nested) : 0;

    // A nested object or a list of objects (and/or) holds operations; anything else is one operation's operand.
    private static int Nested(object? value) => value switch
    {
        IDictionary<string, object?> map => Operations(map),
        IList { Count: > 0 } list when list.Cast<object?>().All(item => item is IDictionary<string, object?>) => list.Cast<object?>().Sum(Operations),
        _ => 1,
    };
}

/// <summary>Marks a request validated for cost only (<c>GraphQL-Cost: validate</c>): nothing executes, nothing is reported as an error.</summary>
internal sealed class CostValidatedOnly(GraphQLParser.ROM source, GraphQLParser.AST.ASTNode node)
    : ValidationError(source, null!, "Validated for cost only.", node);

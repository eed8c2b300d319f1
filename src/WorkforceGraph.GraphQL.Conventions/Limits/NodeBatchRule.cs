using System.Collections;
using System.Collections.Immutable;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using WorkforceGraph.GraphQL.Conventions.Errors;

namespace WorkforceGraph.GraphQL.Conventions.Limits;

/// <summary>
/// §7/§11: a batch lookup (a field declared with <see cref="FieldCost.BatchOf{TSource, TReturn}"/>, e.g. <c>nodes(ids:)</c>)
/// takes at most <c>MaxNodeBatch</c> IDs; more is 400 <c>HC0076</c>. Checked after variables are coerced.
/// </summary>
internal sealed class NodeBatchRule(int maxNodeBatch) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        var reported = false;
        var budget = new VisitBudget();
        Walk(context.Operation.SelectionSet, Selections.RootType(context.Operation, context.Schema), ImmutableHashSet<string>.Empty);
        return default;

        void Walk(GraphQLSelectionSet? set, IComplexGraphType? type, ImmutableHashSet<string> fragments)
        {
            foreach (var field in Selections.Fields(set, type, context.Document, context.Schema, fragments, budget))
            {
                if (reported)
                {
                    return;
                }

                if (field.Definition?.GetMetadata<string?>(FieldCost.BatchArgumentKey) is { } argument
                    && context.ArgumentValues?.TryGetValue(field.Ast, out var arguments) == true
                    && arguments.TryGetValue(argument, out var value)
                    && value.Value is ICollection { Count: var count }
                    && count > maxNodeBatch)
                {
                    reported = true;
                    context.ReportError(new CodedValidationError(
                        ErrorCodes.NodeBatchTooLarge,
                        $"The maximum number of nodes that can be fetched at once is {maxNodeBatch}. This selection tried to fetch {count} nodes that exceeded the maximum allowed amount.",
                        context.Document.Source,
                        field.Ast));
                    return;
                }

                Walk(field.Ast.SelectionSet, field.ChildType, field.FragmentsOnPath);
            }
        }
    }
}

using System.Collections.Immutable;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using WorkforceGraph.GraphQL.Conventions.Errors;

namespace WorkforceGraph.GraphQL.Conventions.Limits;

/// <summary>
/// §11 field cycles (HotChocolate's <c>MaxAllowedFieldCycleDepth</c>): one field coordinate (<c>Type.field</c>) may
/// occur at most <c>MaxFieldCycleDepth</c> times on one path, e.g. <c>region { parent { parent { parent … } } }</c>
/// (400 <c>HC0087</c>). Introspection fields are left to the introspection depth rule.
/// </summary>
internal sealed class FieldCycleDepthRule(int maxCycleDepth) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
        GraphQLField? offender = null;
        var budget = new VisitBudget();
        Walk(context.Operation.SelectionSet, Selections.RootType(context.Operation, context.Schema), ImmutableHashSet<string>.Empty);
        if (offender is not null)
        {
            context.ReportError(new CodedValidationError(
                ErrorCodes.FieldCycleDepthExceeded,
                "Maximum allowed coordinate cycle depth was exceeded.",
                context.Document.Source,
                offender));
        }

        return default;

        void Walk(GraphQLSelectionSet? set, IComplexGraphType? type, ImmutableHashSet<string> fragments)
        {
            foreach (var field in Selections.Fields(set, type, context.Document, context.Schema, fragments, budget))
            {
                if (offender is not null)
                {
                    return;
                }

                if (field.IsMeta || field.Ast.SelectionSet is null)
                {
                    continue;
                }

                var coordinate = (field.ParentType?.Name ?? "?") + "." + field.Name;
                var occurrences = onPath.GetValueOrDefault(coordinate) + 1;
                if (occurrences > maxCycleDepth)
                {
                    offender = field.Ast;
                    return;
                }

                onPath[coordinate] = occurrences;
                Walk(field.Ast.SelectionSet, field.ChildType, field.FragmentsOnPath);
                onPath[coordinate] = occurrences - 1;
            }
        }
    }
}

using System.Collections.Immutable;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using WorkforceGraph.GraphQL.Conventions.Errors;

namespace WorkforceGraph.GraphQL.Conventions.Limits;

/// <summary>§11 aliases: each aliased field occurrence of the operation, fragments counted once per spread (400 <c>MAX_ALIASES_EXCEEDED</c>).</summary>
internal sealed class AliasCountRule(int maxAliases) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var count = 0;
        var budget = new VisitBudget();
        Count(context.Operation.SelectionSet, Selections.RootType(context.Operation, context.Schema), ImmutableHashSet<string>.Empty);
        if (count > maxAliases)
        {
            context.ReportError(new CodedValidationError(
                    ErrorCodes.MaxAliasesExceeded,
                    $"The operation uses more than {maxAliases} aliases.",
                    context.Document.Source,
                    context.Operation)
                .WithExtension("maxAliases", maxAliases));
        }

        return default;

        void Count(GraphQLSelectionSet? set, IComplexGraphType? type, ImmutableHashSet<string> fragments)
        {
            foreach (var field in Selections.Fields(set, type, context.Document, context.Schema, fragments, budget))
            {
                // Over the limit is enough to know.
                if (count > maxAliases)
                {
                    return;
                }

                if (field.Ast.Alias is not null)
                {
                    count++;
                }

                Count(field.Ast.SelectionSet, field.ChildType, field.FragmentsOnPath);
            }
        }
    }
}

using System.Collections.Immutable;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using WorkforceGraph.GraphQL.Conventions.Errors;

namespace WorkforceGraph.GraphQL.Conventions.Limits;

/// <summary>
/// §11 execution depth: the fields on the longest path of the operation (a root field is 1), fragments followed,
/// introspection fields left to their own limit, as HotChocolate's rule. 400 <c>MAX_DEPTH_EXCEEDED</c> with
/// <c>allowedExecutionDepth</c> and <c>detectedExecutionDepth</c>.
/// </summary>
internal sealed class ExecutionDepthRule(int maxDepth) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var budget = new VisitBudget();
        var detected = Depth(context.Operation.SelectionSet, Selections.RootType(context.Operation, context.Schema), ImmutableHashSet<string>.Empty, 0);
        if (detected > maxDepth)
        {
            context.ReportError(new CodedValidationError(
                    ErrorCodes.MaxDepthExceeded,
                    $"The GraphQL document has an execution depth of {detected} which exceeds the max allowed execution depth of {maxDepth}.",
                    context.Document.Source,
                    context.Operation)
                .WithExtension("allowedExecutionDepth", maxDepth)
                .WithExtension("detectedExecutionDepth", detected));
        }

        return default;

        int Depth(GraphQLSelectionSet? set, IComplexGraphType? type, ImmutableHashSet<string> fragments, int level)
        {
            var deepest = level;
            foreach (var field in Selections.Fields(set, type, context.Document, context.Schema, fragments, budget))
            {
                if (!field.IsMeta)
                {
                    deepest = Math.Max(deepest, Depth(field.Ast.SelectionSet, field.ChildType, field.FragmentsOnPath, level + 1));
                }
            }

            return deepest;
        }
    }
}

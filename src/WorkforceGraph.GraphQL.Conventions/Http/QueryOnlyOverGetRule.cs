using GraphQL.Validation;
using GraphQLParser.AST;
using WorkforceGraph.GraphQL.Conventions.Errors;

namespace WorkforceGraph.GraphQL.Conventions.Http;

/// <summary>§1: GET carries queries only; the endpoint answers 405 with <c>Allow: POST</c>.</summary>
internal sealed class QueryOnlyOverGetRule : ValidationRuleBase
{
    public const string Message = "The specified operation kind is not allowed.";

    public static readonly QueryOnlyOverGetRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation;
        if (operation.Operation != OperationType.Query)
        {
            context.ReportError(new CodedValidationError(ErrorCodes.OperationNotAllowed, Message, context.Document.Source, operation));
        }

        return default;
    }
}

using GraphQL.Validation;

namespace WorkforceGraph.GraphQL.Conventions.Diagnostics;

/// <summary>
/// Not a check: records the operation validation selected into the request's <see cref="GraphQLRequestInfo"/>, so a
/// request that fails validation still reports its operation's declared name and type. One instance per request.
/// </summary>
internal sealed class OperationCaptureRule(GraphQLRequestInfo info) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        info.SetOperation(context.Operation);
        return default;
    }
}

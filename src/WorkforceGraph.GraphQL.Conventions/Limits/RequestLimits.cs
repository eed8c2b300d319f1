using GraphQL;
using GraphQL.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkforceGraph.GraphQL.Conventions.Http;
using WorkforceGraph.GraphQL.Conventions.Paging;

namespace WorkforceGraph.GraphQL.Conventions.Limits;

/// <summary>Assembles the §11 limit rules of one request and applies the limits that shape its result.</summary>
internal static class RequestLimits
{
    /// <summary>The request header asking for the operation's cost (HotChocolate's).</summary>
    public const string CostHeader = "GraphQL-Cost";

    /// <summary>
    /// The limit rules: <c>DocumentRules</c> depend on the document alone (validated once per document);
    /// <c>RequestRules</c> depend on the HTTP method, the caller or the coerced variables, so they must run for
    /// cached documents too.
    /// </summary>
    public static (IValidationRule[] DocumentRules, IValidationRule[] RequestRules) Rules(
        GraphQLHttpOptions limits, HttpContext context, bool isGet, (IntrospectionOptions Policy, bool IsDevelopment) introspection)
    {
        var defaultPageSize = context.RequestServices.GetService<IOptions<PagingOptions>>()?.Value.DefaultPageSize ?? new PagingOptions().DefaultPageSize;
        IValidationRule[] documentRules =
        [
            new ExecutionDepthRule(limits.MaxDepth),
            new FieldCycleDepthRule(limits.MaxFieldCycleDepth),
            new AliasCountRule(limits.MaxAliases),
            new IntrospectionDepthRule(limits.MaxIntrospectionOfTypeDepth, limits.MaxIntrospectionListDepth),
        ];
        var requestRules = new List<IValidationRule>(4);
        if (isGet)
        {
            requestRules.Add(QueryOnlyOverGetRule.Instance);
        }

        if (!introspection.IsDevelopment && introspection.Policy.Policy != IntrospectionPolicy.Enabled)
        {
            // Decided at validation, from ExecutionOptions.User (a configurator may authenticate the caller).
            requestRules.Add(new IntrospectionNotAllowedRule(introspection.Policy));
        }

        requestRules.Add(new NodeBatchRule(limits.MaxNodeBatch));
        requestRules.Add(new OperationCostRule(limits.MaxFieldCost, limits.MaxTypeCost, defaultPageSize, CostMode(context) == "validate"));
        return (documentRules, [.. requestRules]);
    }

    /// <summary>
    /// Adds <c>extensions.operationCost</c> when <c>GraphQL-Cost</c> asks for it, turns a cost-only validation into
    /// a result without errors, and keeps at most <c>MaxValidationErrors</c> errors of a request that did not execute.
    /// </summary>
    public static void Complete(ExecutionResult result, ExecutionOptions options, HttpContext context, GraphQLHttpOptions limits)
    {
        if (result.Errors is { } errors && errors.Any(e => e is CostValidatedOnly))
        {
            var rest = errors.Where(e => e is not CostValidatedOnly).ToList();
            result.Errors = rest.Count == 0 ? null : [.. rest];
        }

        var mode = CostMode(context);
        if (mode is "report" or "validate" && options.UserContext.TryGetValue(OperationCost.UserContextKey, out var value) && value is OperationCost cost)
        {
            result.Extensions ??= [];
            result.Extensions["operationCost"] = new Dictionary<string, object?> { ["fieldCost"] = cost.FieldCost, ["typeCost"] = cost.TypeCost };
        }

        if (!result.Executed && result.Errors is { } remaining && remaining.Count > limits.MaxValidationErrors && limits.MaxValidationErrors > 0)
        {
            var kept = new ExecutionErrors();
            foreach (var error in remaining.Take(limits.MaxValidationErrors))
            {
                kept.Add(error);
            }

            result.Errors = kept;
        }
    }

    private static string? CostMode(HttpContext context) =>
        context.Request.Headers[CostHeader].ToString().Trim().ToLowerInvariant() switch
        {
            "report" => "report",
            "validate" => "validate",
            _ => null,
        };
}

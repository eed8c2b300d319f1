using GraphQL;

namespace WorkforceGraph.Features.Common;

/// <summary>Domain field errors shared by several features (codes: graphql-conventions.md §2).</summary>
public static class FieldErrors
{
    /// <summary>A division-code argument that is malformed or of the wrong level.</summary>
    public static ExecutionError InvalidDivisionCode(string argument, string reason)
    {
        var error = new ExecutionError($"Invalid division code in `{argument}`: {reason}") { Code = "INVALID_DIVISION_CODE" };
        error.Extensions ??= new Dictionary<string, object?>();
        error.Extensions["argument"] = argument;
        return error;
    }
}

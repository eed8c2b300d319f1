using WorkforceGraph.GraphQL.Conventions.Errors;

namespace WorkforceGraph.Features.Common;

/// <summary>Domain field errors shared by several features (codes: graphql-conventions.md §2).</summary>
public static class FieldErrors
{
    /// <summary>A division-code argument that is malformed or of the wrong level.</summary>
    public static CodedExecutionError InvalidDivisionCode(string argument, string reason) =>
        new CodedExecutionError("INVALID_DIVISION_CODE", $"Invalid division code in `{argument}`: {reason}").WithExtension("argument", argument);
}

using WorkforceGraph.GraphQL.Conventions.Errors;

namespace WorkforceGraph.Features.Common;

/// <summary>Domain field errors shared by several features (codes: graphql-conventions.md §2).</summary>
public static class FieldErrors
{
    /// <summary>A division-code argument that is malformed or of the wrong level.</summary>
    public static CodedExecutionError InvalidDivisionCode(string argument, string reason) =>
        new CodedExecutionError("INVALID_DIVISION_CODE", $"Invalid division code in `{argument}`: {reason}").WithExtension("argument", argument);

    /// <summary>
    /// A region code that names no region the caller can see: unknown and out of scope give the same answer, so the
    /// error is no oracle for what exists outside the caller's region.
    /// </summary>
    public static CodedExecutionError UnknownRegion(string argument, string code) =>
        new CodedExecutionError("UNKNOWN_REGION", $"No region {code} is visible to you.").WithExtension("argument", argument);
}

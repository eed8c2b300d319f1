namespace WorkforceGraph.GraphQL.Conventions.Http;

/// <summary>
/// Request limits of the GraphQL endpoint, bound from the configuration section
/// <see cref="SectionName"/> (graphql-conventions.md §11). Every limit is checked before anything executes.
/// </summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "GraphQL:Limits";

    /// <summary>Largest accepted request body in bytes; larger bodies get 413 <c>HC0010</c>.</summary>
    public long MaxRequestBytes { get; set; } = 2_000_000;

    /// <summary>Most lexical tokens in a document (400 <c>HC0011</c> above).</summary>
    public int MaxTokens { get; set; } = 5_000;

    /// <summary>Most field selections in a document, all operations and fragments counted (400 <c>HC0011</c> above).</summary>
    public int MaxFields { get; set; } = 2_048;

    /// <summary>Most directives applied at one location (a field, fragment, operation or variable; 400 <c>HC0011</c> above).</summary>
    public int MaxDirectivesPerLocation { get; set; } = 4;

    /// <summary>Most directives applied in a document (400 <c>HC0011</c> above).</summary>
    public int MaxDirectives { get; set; } = 50;

    /// <summary>Deepest nesting of the parser's syntax tree (400 <c>HC0011</c> above).</summary>
    public int MaxRecursionDepth { get; set; } = 200;

    /// <summary>Deepest field path of the operation, root field = 1, fragments followed, introspection left out (400 <c>MAX_DEPTH_EXCEEDED</c>).</summary>
    public int MaxDepth { get; set; } = 12;

    /// <summary>Most occurrences of one field coordinate (<c>Type.field</c>) on one path (400 <c>HC0087</c> above).</summary>
    public int MaxFieldCycleDepth { get; set; } = 3;

    /// <summary>Most aliased field occurrences in the operation, fragments counted per spread (400 <c>MAX_ALIASES_EXCEEDED</c> above).</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>Largest field cost of an operation (400 <c>HC0047</c> above).</summary>
    public double MaxFieldCost { get; set; } = 20_000;

    /// <summary>Largest type cost of an operation (400 <c>HC0047</c> above).</summary>
    public double MaxTypeCost { get; set; } = 20_000;

    /// <summary>Most IDs a batch lookup such as <c>nodes(ids:)</c> takes (400 <c>HC0076</c> above).</summary>
    public int MaxNodeBatch { get; set; } = 50;

    /// <summary>
    /// Largest response body, in bytes, that is serialized in memory and sent in one write with its
    /// <c>Content-Length</c>; a larger one streams (chunked) from there on. Zero: every response streams.
    /// </summary>
    public int ResponseBufferBytes { get; set; } = 256 * 1024;

    /// <summary>Most validation errors reported for one request; the rest are dropped.</summary>
    public int MaxValidationErrors { get; set; } = 5;

    /// <summary>Longest execution of one request (<c>HC0045</c> after it); zero or less: no limit.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most <c>ofType</c> fields on one introspection path (400 <c>HC0086</c> above).</summary>
    public int MaxIntrospectionOfTypeDepth { get; set; } = 16;

    /// <summary>
    /// Most occurrences of each recursive introspection list (<c>fields</c>, <c>inputFields</c>, <c>interfaces</c>,
    /// <c>possibleTypes</c>) on one path (400 <c>HC0086</c> above).
    /// </summary>
    public int MaxIntrospectionListDepth { get; set; } = 1;
}

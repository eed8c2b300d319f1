namespace WorkforceGraph.GraphQL.Conventions.Errors;

/// <summary>
/// Generic error codes emitted by the GraphQL-over-HTTP layer (graphql-conventions.md §1, §2).
/// Framework codes keep HotChocolate's names; the others are ours.
/// </summary>
public static class ErrorCodes
{
    /// <summary>Input coercion failed (variables or scalar values).</summary>
    public const string InputCoercion = "HC0001";

    /// <summary>The request is invalid: empty or array body, <c>variables</c> not an object, unsupported content type.</summary>
    public const string InvalidRequest = "HC0009";

    /// <summary>The request body is larger than <c>Limits:MaxRequestBytes</c>.</summary>
    public const string RequestTooLarge = "HC0010";

    /// <summary>Syntax error in the JSON body or in the GraphQL document.</summary>
    public const string SyntaxError = "HC0011";

    /// <summary>The request carries no <c>query</c>.</summary>
    public const string QueryMissing = "HC0013";

    /// <summary>No acceptable response media type.</summary>
    public const string NotAcceptable = "HC0063";

    /// <summary>The <c>Accept</c> header is malformed.</summary>
    public const string MalformedAcceptHeader = "HC0064";

    /// <summary>
    /// A persisted operation id (<c>id</c>, or <c>extensions.persistedQuery.sha256Hash</c>) names no stored or registered
    /// operation; the message is <c>PersistedQueryNotFound</c>, so an APQ client resends the text with its hash.
    /// </summary>
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>Only stored operations may run (<c>GraphQL:PersistedOperations:Only</c>): text and APQ registration are refused.</summary>
    public const string PersistedQueryNotAllowed = "PERSISTED_QUERY_NOT_ALLOWED";

    /// <summary>The request's text does not hash to the persisted operation id it was sent with.</summary>
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";

    /// <summary>A GraphQL validation rule failed.</summary>
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";

    /// <summary>The operation kind is not allowed over this HTTP method (a mutation sent by GET).</summary>
    public const string OperationNotAllowed = "OPERATION_NOT_ALLOWED";

    /// <summary>An unexpected exception; its details stay on the server outside Development.</summary>
    public const string UnexpectedExecutionError = "UNEXPECTED_EXECUTION_ERROR";

    /// <summary>
    /// Fallback for an <c>GraphQL.ExecutionError</c> raised without a code; resolvers should
    /// use <see cref="CodedExecutionError"/> instead.
    /// </summary>
    public const string ExecutionError = "EXECUTION_ERROR";

    /// <summary><c>first</c>/<c>last</c> above the maximum page size (field error).</summary>
    public const string MaxPageSizeExceeded = "HC0051";

    /// <summary><c>first</c>/<c>last</c> missing where paging boundaries are required (field error).</summary>
    public const string PagingBoundariesRequired = "HC0052";

    /// <summary><c>nodes(ids:)</c> longer than the node batch limit.</summary>
    public const string NodeBatchTooLarge = "HC0076";

    /// <summary>A cursor that does not decode, has another version, or belongs to another order (field error).</summary>
    public const string InvalidCursor = "HC0078";

    /// <summary>Negative <c>first</c>/<c>last</c> (field error).</summary>
    public const string NegativePageSize = "HC0079";

    /// <summary>A global ID that does not decode, or names another type where one type is required.</summary>
    public const string InvalidNodeId = "INVALID_NODE_ID";

    /// <summary>The request ran longer than <c>Limits:ExecutionTimeout</c>.</summary>
    public const string ExecutionTimeout = "HC0045";

    /// <summary>Introspection (<c>__schema</c>, <c>__type</c>) is not allowed for this caller.</summary>
    public const string IntrospectionNotAllowed = "HC0046";

    /// <summary>The operation's field cost or type cost is over budget.</summary>
    public const string CostExceeded = "HC0047";

    /// <summary>An introspection query nested deeper than allowed (<c>ofType</c> chains, recursive lists).</summary>
    public const string IntrospectionDepthExceeded = "HC0086";

    /// <summary>One field coordinate occurs on one path more often than <c>Limits:MaxFieldCycleDepth</c>.</summary>
    public const string FieldCycleDepthExceeded = "HC0087";

    /// <summary>The operation is deeper than <c>Limits:MaxDepth</c>.</summary>
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";

    /// <summary>The operation has more aliases than <c>Limits:MaxAliases</c>.</summary>
    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";

    /// <summary><c>null</c> given to a filter or sort operation that does not take null (field error).</summary>
    public const string NonNullOperand = "HC0026";

    /// <summary>An anonymous call where the host requires a bearer token (HTTP 401).</summary>
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";

    /// <summary>The caller's role or scope refuses a field or an operation (a field error, never a 403).</summary>
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";

    /// <summary>Too many requests from one caller in the rate limiter's window (HTTP 429).</summary>
    public const string RateLimited = "RATE_LIMITED";
}

using GraphQL;

namespace WorkforceGraph.GraphQL.Conventions.Http;

/// <summary>
/// Thrown by an <see cref="IGraphQLRequestConfigurator"/> to refuse a request before it executes;
/// the endpoint answers with <see cref="StatusCode"/> (or, when it is null, the status of a request error for the
/// negotiated media type: 400, or 200 under legacy <c>application/json</c>) and one error, without <c>data</c>.
/// Response headers (e.g. <c>WWW-Authenticate</c>) may be set on the response before throwing.
/// </summary>
public sealed class GraphQLRequestRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status, e.g. 401.</param>
    /// <param name="error">The error written to the response (use a coded error).</param>
    public GraphQLRequestRejectedException(int statusCode, ExecutionError error)
        : base(error?.Message)
    {
        ArgumentNullException.ThrowIfNull(error);
        StatusCode = statusCode;
        Error = error;
    }

    /// <summary>Creates the exception for a request error, answered like a malformed request (§1).</summary>
    /// <param name="error">The error written to the response (use a coded error).</param>
    public GraphQLRequestRejectedException(ExecutionError error)
        : base(error?.Message)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>The HTTP status code to answer with; null for the request-error status of the media type.</summary>
    public int? StatusCode { get; }

    /// <summary>The error written to the response.</summary>
    public ExecutionError Error { get; }
}

using GraphQLParser.AST;

namespace WorkforceGraph.GraphQL.Conventions.Diagnostics;

/// <summary>
/// What the GraphQL endpoint learned about one request, set as an HTTP feature
/// (<c>HttpContext.Features.Get&lt;GraphQLRequestInfo&gt;()</c>) for a host's request log. Only values safe to log:
/// the operation's declared name and type, error codes, status and counts; never the document or variables.
/// </summary>
public sealed class GraphQLRequestInfo
{
    private readonly List<string> _errorCodes = [];
    private readonly List<int> _errorCounts = [];

    /// <summary>The operation's name as the parsed document declares it; null when anonymous or not parsed.</summary>
    public string? OperationName { get; private set; }

    /// <summary><c>query</c>, <c>mutation</c> or <c>subscription</c>; null when no operation was selected.</summary>
    public string? OperationType { get; private set; }

    /// <summary>The HTTP status the endpoint answered with.</summary>
    public int StatusCode { get; internal set; }

    /// <summary>The distinct error codes of the response, in the order they first appear.</summary>
    public IReadOnlyList<string> ErrorCodes => _errorCodes;

    /// <summary>How many errors carried each of <see cref="ErrorCodes"/>, in the same order.</summary>
    public IReadOnlyList<int> ErrorCounts => _errorCounts;

    /// <summary>The SQL statements the request ran (every statement of a context carrying <see cref="SqlDiagnosticsInterceptor"/>).</summary>
    public int SqlStatementCount { get; internal set; }

    /// <summary>The rows the request's SQL readers returned.</summary>
    public long SqlRowsRead { get; internal set; }

    /// <summary>Whether the request was a GraphQL operation (not the SDL, the IDE or a refused method).</summary>
    public bool IsOperation { get; internal set; }

    internal void SetOperation(GraphQLOperationDefinition? operation)
    {
        if (operation is null)
        {
            return;
        }

        OperationName = operation.Name?.StringValue;
        OperationType = operation.Operation switch
        {
            GraphQLParser.AST.OperationType.Mutation => "mutation",
            GraphQLParser.AST.OperationType.Subscription => "subscription",
            _ => "query",
        };
    }

    internal void AddErrorCode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return;
        }

        var index = _errorCodes.IndexOf(code);
        if (index < 0)
        {
            _errorCodes.Add(code);
            _errorCounts.Add(1);
        }
        else
        {
            _errorCounts[index]++;
        }
    }
}

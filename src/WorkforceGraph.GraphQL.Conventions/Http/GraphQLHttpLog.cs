using Microsoft.Extensions.Logging;

namespace WorkforceGraph.GraphQL.Conventions.Http;

/// <summary>Log messages of the transport; never the query text or variables.</summary>
internal static partial class GraphQLHttpLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Unexpected GraphQL execution error (trace {TraceId}, operation {OperationName}, field {FieldPath})")]
    public static partial void UnexpectedExecutionError(ILogger logger, Exception exception, string traceId, string? operationName, string? fieldPath);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Unexpected error before GraphQL execution (trace {TraceId})")]
    public static partial void UnexpectedRequestError(ILogger logger, Exception exception, string traceId);
}

using System.Diagnostics;

namespace WorkforceGraph.GraphQL.Conventions.Diagnostics;

/// <summary>
/// The names of the traces and metrics the GraphQL machinery emits: one <see cref="ActivitySource"/> and one
/// meter, both named <see cref="SourceName"/>, so a host subscribes with <c>AddSource(SourceName)</c> and
/// <c>AddMeter(SourceName)</c>. Attributes never carry the document text, variable values, SQL text or
/// parameter values: only operation names and types, error codes, counts and durations.
/// </summary>
public static class GraphQLTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string SourceName = "WorkforceGraph.GraphQL.Conventions";

    /// <summary>The span name of an operation whose type is not known (the document did not parse or validate).</summary>
    public const string OperationSpanName = "GraphQL Operation";

    /// <summary>Attribute: the operation's name as the document declares it (OpenTelemetry semantic conventions).</summary>
    public const string OperationNameTag = "graphql.operation.name";

    /// <summary>Attribute: <c>query</c>, <c>mutation</c> or <c>subscription</c> (OpenTelemetry semantic conventions).</summary>
    public const string OperationTypeTag = "graphql.operation.type";

    /// <summary>Attribute: the distinct <c>extensions.code</c> values of the response's errors, in order.</summary>
    public const string ErrorCodesTag = "graphql.error.codes";

    /// <summary>Attribute: one error code (on the error counter) or the first one (on a failed span).</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>Attribute: the number of SQL statements the request ran.</summary>
    public const string SqlStatementCountTag = "graphql.sql.statement_count";

    /// <summary>Attribute: the database system of a SQL span (<c>sqlite</c>, <c>postgresql</c>…).</summary>
    public const string DbSystemTag = "db.system.name";

    /// <summary>Attribute: the SQL verb of a statement (<c>SELECT</c>, <c>INSERT</c>…), never its text.</summary>
    public const string DbOperationTag = "db.operation.name";

    /// <summary>Attribute: the rows a query's reader returned.</summary>
    public const string DbReturnedRowsTag = "db.response.returned_rows";

    /// <summary>The source of the operation and SQL spans.</summary>
    public static ActivitySource ActivitySource { get; } = new(SourceName, typeof(GraphQLTelemetry).Assembly.GetName().Version?.ToString());
}

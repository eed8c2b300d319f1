using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WorkforceGraph.GraphQL.Conventions.Diagnostics;

/// <summary>
/// The GraphQL endpoint's instruments, on the meter <see cref="GraphQLTelemetry.SourceName"/> made by the host's
/// <see cref="IMeterFactory"/>. Each is tagged with the operation's declared name and type (absent when the
/// document did not parse or the operation is anonymous); the error counter also with the error code.
/// </summary>
public sealed class GraphQLMetrics
{
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;
    private readonly Histogram<long> _statements;
    private readonly Histogram<long> _rows;

    /// <summary>Creates the instruments.</summary>
    /// <param name="meterFactory">The host's meter factory.</param>
    public GraphQLMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(GraphQLTelemetry.SourceName);
        _requests = meter.CreateCounter<long>("graphql.server.requests", "{request}", "GraphQL requests answered, by operation.");
        _duration = meter.CreateHistogram<double>("graphql.server.request.duration", "s", "Duration of GraphQL requests, from reading the request to writing the response.");
        _errors = meter.CreateCounter<long>("graphql.server.errors", "{error}", "Errors in GraphQL responses, by extensions.code.");
        _statements = meter.CreateHistogram<long>("graphql.server.sql.statements", "{statement}", "SQL statements run per GraphQL request.");
        _rows = meter.CreateHistogram<long>("graphql.server.sql.rows", "{row}", "Rows returned by the SQL readers of one GraphQL request.");
    }

    /// <summary>Records one answered request.</summary>
    /// <param name="info">What the request did.</param>
    /// <param name="elapsed">How long it took.</param>
    public void Record(GraphQLRequestInfo info, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(info);
        var tags = new TagList();
        if (info.OperationName is { } name)
        {
            tags.Add(GraphQLTelemetry.OperationNameTag, name);
        }

        if (info.OperationType is { } type)
        {
            tags.Add(GraphQLTelemetry.OperationTypeTag, type);
        }

        _requests.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
        _statements.Record(info.SqlStatementCount, tags);
        _rows.Record(info.SqlRowsRead, tags);
        for (var i = 0; i < info.ErrorCodes.Count; i++)
        {
            var errorTags = tags;
            errorTags.Add(GraphQLTelemetry.ErrorTypeTag, info.ErrorCodes[i]);
            _errors.Add(info.ErrorCounts[i], errorTags);
        }
    }
}

using System.Diagnostics;
using WorkforceGraph.Features.Security;
using WorkforceGraph.GraphQL.Conventions.Diagnostics;

namespace WorkforceGraph.Api.Hosting;

/// <summary>
/// One structured log line per HTTP request (category <see cref="Category"/>): request and trace id, method, the
/// matched route pattern (never the raw path or query string, which a client fills), status, duration, the caller's
/// <c>sub</c>, role and region scope, and for GraphQL the operation's declared type and name, the error codes and the
/// SQL statement count. Never the document, variables, messages or any value of a record. Health probes that
/// answer 200 log at Debug, everything else at Information.
/// </summary>
internal static partial class RequestLogging
{
    public const string Category = "WorkforceGraph.Api.Requests";

    /// <summary>What a field says when it does not apply (no caller, no operation, no error).</summary>
    public const string Absent = "-";

    private const string NoRoute = "(no route)";

    private static readonly string[] KnownMethods =
    [
        HttpMethods.Get, HttpMethods.Post, HttpMethods.Head, HttpMethods.Options, HttpMethods.Put, HttpMethods.Patch,
        HttpMethods.Delete, HttpMethods.Trace, HttpMethods.Connect,
    ];

    private static readonly string[] ProbePaths = ["/healthz", "/readyz"];

    public static IApplicationBuilder UseWorkforceRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            var failed = false;
            try
            {
                await next(context);
            }
            catch
            {
                failed = true;
                throw;
            }
            finally
            {
                Write(logger, context, Stopwatch.GetElapsedTime(started), failed);
            }
        });
    }

    private static void Write(ILogger logger, HttpContext context, TimeSpan elapsed, bool failed)
    {
        var status = failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
        var probe = status == StatusCodes.Status200OK && ProbePaths.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));
        var level = probe ? LogLevel.Debug : LogLevel.Information;
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        string subject = Absent, role = Absent, region = Absent;
        if (context.User.Identity?.IsAuthenticated == true || context.User.FindFirst(WorkforceClaims.Subject) is not null)
        {
            if (Caller.TryFrom(context.User, out var caller, out _))
            {
                subject = caller.Subject;
                role = WorkforceClaims.RoleName(caller.Role);
                region = caller.Region.ToString();
            }
        }

        var graphql = context.Features.Get<GraphQLRequestInfo>();
        var traceId = Activity.Current?.TraceId.ToString() ?? Absent;
        var elapsedMs = Math.Round(elapsed.TotalMilliseconds, 1);
        var errorCodes = graphql is { ErrorCodes.Count: > 0 } ? string.Join(',', graphql.ErrorCodes) : Absent;
        // A client may send any token as the method; only the standard ones are logged as sent.
        var method = KnownMethods.FirstOrDefault(m => HttpMethods.Equals(m, context.Request.Method)) ?? "OTHER";
        var requestId = context.TraceIdentifier;
        if (graphql is { IsOperation: true })
        {
            LogOperation(logger, level, method, route ?? NoRoute, status, elapsedMs, requestId, traceId, subject, role, region,
                graphql.OperationType ?? Absent, graphql.OperationName ?? Absent, errorCodes, graphql.SqlStatementCount, graphql.SqlRowsRead);
        }
        else
        {
            LogRequest(logger, level, method, route ?? NoRoute, status, elapsedMs, requestId, traceId, subject, role, region, errorCodes);
        }
    }

    [LoggerMessage(EventId = 101, Message = "HTTP {Method} {Route} answered {StatusCode} in {ElapsedMs} ms; request {RequestId}, trace {TraceId}, caller {CallerId} ({Role}, region {RegionScope}); errors {ErrorCodes}")]
    private static partial void LogRequest(
        ILogger logger,
        LogLevel level,
        string method,
        string route,
        int statusCode,
        double elapsedMs,
        string requestId,
        string traceId,
        string callerId,
        string role,
        string regionScope,
        string errorCodes);

    [LoggerMessage(EventId = 100, Message = "HTTP {Method} {Route} answered {StatusCode} in {ElapsedMs} ms; request {RequestId}, trace {TraceId}, caller {CallerId} ({Role}, region {RegionScope}); GraphQL {OperationType} {OperationName}, errors {ErrorCodes}, {SqlStatementCount} SQL statements, {SqlRows} rows")]
    private static partial void LogOperation(
        ILogger logger,
        LogLevel level,
        string method,
        string route,
        int statusCode,
        double elapsedMs,
        string requestId,
        string traceId,
        string callerId,
        string role,
        string regionScope,
        string operationType,
        string operationName,
        string errorCodes,
        int sqlStatementCount,
        long sqlRows);
}

using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using WorkforceGraph.GraphQL.Conventions.Http;

namespace WorkforceGraph.GraphQL.Conventions.Diagnostics;

/// <summary>
/// In the Development environment, a request with the header <c>X-Diagnostics: sql</c> collects the SQL
/// statements it runs and gets them in <c>extensions.diagnostics</c> (<c>sqlStatementCount</c>,
/// <c>sqlStatements</c>). In any other environment, or without the header, it does nothing.
/// </summary>
public sealed class SqlDiagnosticsRequestConfigurator : IGraphQLRequestConfigurator
{
    /// <summary>The request header that asks for diagnostics.</summary>
    public const string HeaderName = "X-Diagnostics";

    /// <summary>The header value (case-insensitive; one of a comma-separated list) that asks for SQL.</summary>
    public const string SqlValue = "sql";

    /// <summary>The key of the diagnostics in the response's <c>extensions</c>.</summary>
    public const string ExtensionKey = "diagnostics";

    private readonly bool _enabled;
    private SqlStatementCollector? _collector;
    private bool _owned;

    /// <summary>Creates the configurator for one request.</summary>
    /// <param name="environment">The host environment; only Development collects.</param>
    public SqlDiagnosticsRequestConfigurator(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _enabled = environment.IsDevelopment();
    }

    /// <inheritdoc />
    /// <remarks>
    /// Deliberately not <see langword="async"/>: the collector is set on the caller's async flow, which
    /// then executes the request, so every resolver and batch loader records into it.
    /// </remarks>
    public ValueTask ConfigureAsync(ExecutionOptions options, HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (_enabled && AsksForSql(httpContext.Request.Headers[HeaderName]))
        {
            // The endpoint counts every request's statements already; keep their text too.
            _collector = SqlStatementCollector.Current;
            if (_collector is null)
            {
                _collector = SqlStatementCollector.Start(keepStatements: true);
                _owned = true;
            }

            _collector.KeepStatements();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask OnResultAsync(ExecutionResult result, HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_collector is { } collector)
        {
            if (_owned)
            {
                SqlStatementCollector.Stop();
            }

            var statements = collector.ToList();
            result.Extensions ??= [];
            result.Extensions[ExtensionKey] = new Dictionary<string, object?>
            {
                ["sqlStatementCount"] = statements.Count,
                ["sqlStatements"] = statements,
            };
        }

        return ValueTask.CompletedTask;
    }

    private static bool AsksForSql(Microsoft.Extensions.Primitives.StringValues values)
    {
        foreach (var value in values)
        {
            foreach (var token in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (string.Equals(token, SqlValue, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkforceGraph.GraphQL.Conventions.Diagnostics;

/// <summary>
/// An EF Core command interceptor that records the text of every command about to run into
/// <see cref="SqlStatementCollector.Current"/>; it does nothing when no collector is active. Stateless, so
/// one instance (<see cref="Instance"/>) serves every context, pooled context options included.
/// </summary>
public sealed class SqlDiagnosticsInterceptor : DbCommandInterceptor
{
    private SqlDiagnosticsInterceptor()
    {
    }

    /// <summary>The single instance.</summary>
    public static SqlDiagnosticsInterceptor Instance { get; } = new();

    /// <inheritdoc />
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private static void Record(DbCommand command) => SqlStatementCollector.Current?.Add(command.CommandText);
}

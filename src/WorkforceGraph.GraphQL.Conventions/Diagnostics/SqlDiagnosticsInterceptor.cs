using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkforceGraph.GraphQL.Conventions.Diagnostics;

/// <summary>
/// An EF Core command interceptor that feeds two consumers and costs next to nothing when neither listens:
/// <list type="bullet">
/// <item><see cref="SqlStatementCollector.Current"/>: every command about to run is counted (its text kept for
/// <c>X-Diagnostics: sql</c>), and the rows each reader returned are added up;</item>
/// <item><see cref="GraphQLTelemetry.ActivitySource"/>: inside a trace (a current activity), each command becomes a
/// client span from its start to the end of its reader (or its result), with the database system, the SQL verb,
/// the rows returned and, on failure, the exception's type. Never the SQL text nor parameter values: EF Core
/// inlines constants of LINQ expressions as SQL literals, so the text is not guaranteed to be free of data.</item>
/// </list>
/// Stateless, so one instance (<see cref="Instance"/>) serves every context, pooled context options included.
/// </summary>
public sealed class SqlDiagnosticsInterceptor : DbCommandInterceptor
{
    private static readonly string[] Verbs =
    [
        "SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "MERGE", "VALUES", "CREATE", "ALTER", "DROP", "PRAGMA",
        "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "COPY", "SET", "EXPLAIN", "TRUNCATE",
    ];

    private static readonly object Empty = new();

    // Readers that had no rows when executed; weak, so a reader never disposed through EF leaks nothing.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbDataReader, object> EmptyReaders = [];

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

    /// <inheritdoc />
    /// <remarks>A reader's span ends here, after its rows were read, with the number of rows.</remarks>
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var empty = eventData.DataReader is { } reader && EmptyReaders.Remove(reader);
        var rows = RowsOf(empty, eventData.ReadCount);
        SqlStatementCollector.Current?.AddRows(rows);
        Trace(command, eventData.StartTime, rows, failure: null);
        return result;
    }

    /// <summary>
    /// The rows a reader returned, from EF Core's count of <c>Read</c> calls: a reader read to its end made one call
    /// that found no row; a reader with rows that was read once (<c>First</c>) returned that row; an empty reader
    /// (<see cref="DbDataReader.HasRows"/> false when it was executed) none. Exact for readers read to the end, for
    /// <c>First</c> and <c>Single</c>; one short for a reader abandoned after several rows.
    /// </summary>
    /// <param name="empty">Whether the reader had no rows when it was executed.</param>
    /// <param name="readCount">EF Core's count of <c>Read</c> calls.</param>
    /// <returns>The rows returned.</returns>
    public static long RowsOf(bool empty, int readCount) =>
        empty || readCount <= 0 ? 0 : readCount == 1 ? 1 : readCount - 1;

    /// <inheritdoc />
    /// <remarks>Notes a reader without rows: its one <c>Read</c> call found none.</remarks>
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        NoteEmpty(result);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        NoteEmpty(result);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Trace(command, eventData.StartTime, rows: null, failure: null);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Trace(command, eventData.StartTime, rows: null, failure: null);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Trace(command, eventData.StartTime, rows: null, failure: null);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Trace(command, eventData.StartTime, rows: null, failure: null);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Trace(command, eventData.StartTime, rows: null, eventData.Exception);
    }

    /// <inheritdoc />
    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Trace(command, eventData.StartTime, rows: null, eventData.Exception);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Trace(command, eventData.StartTime, rows: null, new OperationCanceledException());
    }

    /// <inheritdoc />
    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Trace(command, eventData.StartTime, rows: null, new OperationCanceledException());
        return Task.CompletedTask;
    }

    /// <summary>The first SQL keyword of a command (after comments), upper-cased, if it is a known verb; never more of the text.</summary>
    /// <param name="commandText">The command text.</param>
    /// <returns>The verb, or null.</returns>
    public static string? VerbOf(string? commandText)
    {
        var text = commandText.AsSpan();
        while (true)
        {
            text = text.TrimStart();
            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                var end = text.IndexOf('\n');
                text = end < 0 ? [] : text[(end + 1)..];
            }
            else if (text.StartsWith("/*", StringComparison.Ordinal))
            {
                var end = text.IndexOf("*/", StringComparison.Ordinal);
                text = end < 0 ? [] : text[(end + 2)..];
            }
            else
            {
                break;
            }
        }

        var length = 0;
        while (length < text.Length && char.IsAsciiLetter(text[length]))
        {
            length++;
        }

        var word = text[..length];
        foreach (var verb in Verbs)
        {
            if (word.Equals(verb, StringComparison.OrdinalIgnoreCase))
            {
                return verb;
            }
        }

        return null;
    }

    /// <summary>The OpenTelemetry <c>db.system.name</c> of a command's ADO.NET provider.</summary>
    /// <param name="command">The command.</param>
    /// <returns><c>sqlite</c>, <c>postgresql</c>, <c>microsoft.sql_server</c>, <c>mysql</c> or <c>other_sql</c>.</returns>
    public static string SystemOf(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var name = command.GetType().Namespace ?? string.Empty;
        return name switch
        {
            _ when name.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal) || name.StartsWith("System.Data.SQLite", StringComparison.Ordinal) => "sqlite",
            _ when name.StartsWith("Npgsql", StringComparison.Ordinal) => "postgresql",
            _ when name.StartsWith("Microsoft.Data.SqlClient", StringComparison.Ordinal) => "microsoft.sql_server",
            _ when name.StartsWith("MySql", StringComparison.Ordinal) => "mysql",
            _ => "other_sql",
        };
    }

    private static void NoteEmpty(DbDataReader? reader)
    {
        if (reader is null || (SqlStatementCollector.Current is null && !GraphQLTelemetry.ActivitySource.HasListeners()))
        {
            return;
        }

        try
        {
            if (!reader.HasRows)
            {
                EmptyReaders.AddOrUpdate(reader, Empty);
            }
        }
        catch (InvalidOperationException)
        {
            // A provider that cannot tell: counted from its reads alone.
        }
    }

    private static void Record(DbCommand command) => SqlStatementCollector.Current?.Add(command.CommandText);

    private static void Trace(DbCommand command, DateTimeOffset startTime, long? rows, Exception? failure)
    {
        var source = GraphQLTelemetry.ActivitySource;
        if (!source.HasListeners() || Activity.Current is not { } parent)
        {
            return;
        }

        var verb = VerbOf(command.CommandText);
        var system = SystemOf(command);
        // Started and stopped here, so Activity.Current is the same before and after.
        using var activity = source.StartActivity(verb ?? system, ActivityKind.Client, parent.Context, tags: null, links: null, startTime);
        if (activity is null)
        {
            return;
        }

        activity.SetTag(GraphQLTelemetry.DbSystemTag, system);
        if (verb is not null)
        {
            activity.SetTag(GraphQLTelemetry.DbOperationTag, verb);
        }

        if (rows is { } read)
        {
            activity.SetTag(GraphQLTelemetry.DbReturnedRowsTag, read);
        }

        if (failure is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error);
            activity.SetTag(GraphQLTelemetry.ErrorTypeTag, failure.GetType().FullName);
        }
    }
}

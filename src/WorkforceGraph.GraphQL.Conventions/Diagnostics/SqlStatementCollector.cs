namespace WorkforceGraph.GraphQL.Conventions.Diagnostics;

/// <summary>
/// Counts the SQL statements one GraphQL request runs and the rows its readers return, and, when asked
/// (<c>X-Diagnostics: sql</c>), keeps each statement's text in the order they started. Thread-safe: resolvers and
/// batch loaders of a level run in parallel. The collector of the current request is found through an
/// <see cref="AsyncLocal{T}"/>, so everything awaited inside the request's async flow records into it.
/// </summary>
public sealed class SqlStatementCollector
{
    private static readonly AsyncLocal<SqlStatementCollector?> CurrentCollector = new();
    private readonly object _gate = new();
    private List<string>? _statements;
    private int _count;
    private long _rows;

    private SqlStatementCollector(bool keepStatements)
    {
        if (keepStatements)
        {
            _statements = [];
        }
    }

    /// <summary>The collector of the current async flow, or null when nothing collects.</summary>
    public static SqlStatementCollector? Current => CurrentCollector.Value;

    /// <summary>The number of statements recorded so far (whether or not their text is kept).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The rows the recorded statements' readers returned so far.</summary>
    public long RowsRead => Interlocked.Read(ref _rows);

    /// <summary>Whether the text of each statement is kept (see <see cref="KeepStatements"/>).</summary>
    public bool KeepsStatements
    {
        get
        {
            lock (_gate)
            {
                return _statements is not null;
            }
        }
    }

    /// <summary>
    /// Starts collecting for the current async flow and everything it awaits or starts afterwards.
    /// Call it from a synchronous method (or directly in the flow that runs the request): an
    /// <see langword="async"/> method's changes to an <see cref="AsyncLocal{T}"/> do not reach its caller.
    /// </summary>
    /// <param name="keepStatements">Keep each statement's text (otherwise only counts).</param>
    /// <returns>The new collector, also available as <see cref="Current"/>.</returns>
    public static SqlStatementCollector Start(bool keepStatements = true)
    {
        var collector = new SqlStatementCollector(keepStatements);
        CurrentCollector.Value = collector;
        return collector;
    }

    /// <summary>Stops collecting in the current async flow (what was recorded stays).</summary>
    public static void Stop() => CurrentCollector.Value = null;

    /// <summary>From now on, keeps the text of each statement as well as counting it.</summary>
    public void KeepStatements()
    {
        lock (_gate)
        {
            _statements ??= [];
        }
    }

    /// <summary>Records one statement.</summary>
    /// <param name="commandText">The command text, with parameter placeholders (values are not inlined).</param>
    public void Add(string commandText)
    {
        ArgumentNullException.ThrowIfNull(commandText);
        Interlocked.Increment(ref _count);
        lock (_gate)
        {
            _statements?.Add(commandText);
        }
    }

    /// <summary>Records the rows a statement's reader returned.</summary>
    /// <param name="rows">The rows read.</param>
    public void AddRows(long rows)
    {
        if (rows > 0)
        {
            Interlocked.Add(ref _rows, rows);
        }
    }

    /// <summary>A copy of the statements kept so far, in the order they started (empty when text is not kept).</summary>
    /// <returns>The SQL text of each statement.</returns>
    public IReadOnlyList<string> ToList()
    {
        lock (_gate)
        {
            return _statements is null ? [] : [.. _statements];
        }
    }
}

namespace WorkforceGraph.GraphQL.Conventions.Diagnostics;

/// <summary>
/// The SQL statements one GraphQL request ran, in the order they started. Thread-safe: resolvers and
/// batch loaders of a level run in parallel. The collector of the current request is found through an
/// <see cref="AsyncLocal{T}"/>, so everything awaited inside the request's async flow records into it.
/// </summary>
public sealed class SqlStatementCollector
{
    private static readonly AsyncLocal<SqlStatementCollector?> CurrentCollector = new();
    private readonly List<string> _statements = [];

    /// <summary>The collector of the current async flow, or null when nothing collects (the usual case).</summary>
    public static SqlStatementCollector? Current => CurrentCollector.Value;

    /// <summary>The number of statements recorded so far.</summary>
    public int Count
    {
        get
        {
            lock (_statements)
            {
                return _statements.Count;
            }
        }
    }

    /// <summary>
    /// Starts collecting for the current async flow and everything it awaits or starts afterwards.
    /// Call it from a synchronous method (or directly in the flow that runs the request): an
    /// <see langword="async"/> method's changes to an <see cref="AsyncLocal{T}"/> do not reach its caller.
    /// </summary>
    /// <returns>The new collector, also available as <see cref="Current"/>.</returns>
    public static SqlStatementCollector Start()
    {
        var collector = new SqlStatementCollector();
        CurrentCollector.Value = collector;
        return collector;
    }

    /// <summary>Stops collecting in the current async flow (statements already recorded stay).</summary>
    public static void Stop() => CurrentCollector.Value = null;

    /// <summary>Records one statement's SQL text.</summary>
    /// <param name="commandText">The command text, with parameter placeholders (values are not inlined).</param>
    public void Add(string commandText)
    {
        ArgumentNullException.ThrowIfNull(commandText);
        lock (_statements)
        {
            _statements.Add(commandText);
        }
    }

    /// <summary>A copy of the statements recorded so far, in the order they started.</summary>
    /// <returns>The SQL text of each statement.</returns>
    public IReadOnlyList<string> ToList()
    {
        lock (_statements)
        {
            return [.. _statements];
        }
    }
}

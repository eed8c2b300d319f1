namespace WorkforceGraph.Data.Seeding;

/// <summary>
/// Writes generated entities straight to the database, bypassing change tracking. One implementation per
/// provider, chosen in <see cref="WorkforceDatabase.CreateBulkWriter"/>. Entities carry explicit keys and
/// arrive parents first; table and column names and value conversions come from the EF model.
/// </summary>
public interface IBulkWriter : IAsyncDisposable
{
    /// <summary>Rows written so far, all tables.</summary>
    long RowsWritten { get; }

    /// <summary>Rows written per table, in the order the tables were first written.</summary>
    IReadOnlyList<SeedTableCount> Counts { get; }

    /// <summary>Prepares the connection for a bulk load (e.g. relaxed durability) and opens the first batch.</summary>
    Task BeginAsync(CancellationToken cancellationToken);

    /// <summary>Queues or writes one row; batches are committed as they fill.</summary>
    void Write<TEntity>(TEntity entity)
        where TEntity : class;

    /// <summary>Commits the last batch and restores the connection's settings.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}

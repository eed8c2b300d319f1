using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace WorkforceGraph.Data.Seeding;

/// <summary>
/// PostgreSQL bulk load with binary COPY. One connection carries one COPY at a time, and rows of several tables
/// arrive interleaved (parents first), so rows are buffered per table and, every <see cref="RowsPerFlush"/> rows, every
/// table's buffer is copied in the order the tables were first written: parents always land before their children.
/// Each flush is one transaction. Rows carry explicit keys, so the identity sequences are moved past them at the end.
/// </summary>
internal sealed class PostgresBulkWriter(NpgsqlConnection connection, IModel model) : IBulkWriter
{
    /// <summary>Rows buffered before a flush.</summary>
    public const int RowsPerFlush = 50_000;

    private readonly Dictionary<Type, Table> _tables = [];
    private readonly List<Table> _order = [];
    private int _buffered;
    private bool _begun;

    public long RowsWritten { get; private set; }

    public IReadOnlyList<SeedTableCount> Counts => _order.Select(t => new SeedTableCount(t.Map.Table, t.Rows)).ToList();

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        // The load is repeatable from scratch (seed --force), so commits need not wait for the disk.
        await ExecuteAsync("SET synchronous_commit = off;", cancellationToken);
        _begun = true;
    }

    public void Write<TEntity>(TEntity entity)
        where TEntity : class
    {
        if (!_begun)
        {
            throw new InvalidOperationException("Call BeginAsync first.");
        }

        var type = entity.GetType();
        if (!_tables.TryGetValue(type, out var table))
        {
            table = new Table(BulkTableMap.For(model, type));
            _tables.Add(type, table);
            _order.Add(table);
        }

        table.Pending.Add(entity);
        table.Rows++;
        RowsWritten++;
        if (++_buffered >= RowsPerFlush)
        {
            // IBulkWriter.Write is synchronous; a flush is the one blocking step, every 50,000 rows.
            FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        foreach (var table in _order)
        {
            if (table.Map.Columns.Any(c => c.Name == "Id"))
            {
                var name = Quote(table.Map.Table);
                await ExecuteAsync(
                    $"SELECT setval(pg_get_serial_sequence('{name}', 'Id'), COALESCE((SELECT MAX(\"Id\") FROM {name}), 0) + 1, false);",
                    cancellationToken);
            }
        }

        await ExecuteAsync("ANALYZE;", cancellationToken);
        await ExecuteAsync("SET synchronous_commit = on;", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var table in _order)
        {
            table.Pending.Clear();
        }

        if (connection.State == System.Data.ConnectionState.Open)
        {
            await ExecuteAsync("SET synchronous_commit = on;", CancellationToken.None);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_buffered == 0)
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in _order.Where(t => t.Pending.Count > 0))
        {
            var columns = string.Join(", ", table.Map.Columns.Select(c => Quote(c.Name)));
            await using (var importer = await connection.BeginBinaryImportAsync($"COPY {Quote(table.Map.Table)} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var entity in table.Pending)
                {
                    await importer.StartRowAsync(cancellationToken);
                    foreach (var column in table.Map.Columns)
                    {
                        var value = column.ProviderValue(entity);
                        if (value is DBNull)
                        {
                            await importer.WriteNullAsync(cancellationToken);
                        }
                        else
                        {
                            await importer.WriteAsync(value, cancellationToken);
                        }
                    }
                }

                await importer.CompleteAsync(cancellationToken);
            }

            table.Pending.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
        _buffered = 0;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed class Table(BulkTableMap map)
    {
        public BulkTableMap Map { get; } = map;

        public List<object> Pending { get; } = [];

        public long Rows { get; set; }
    }
}

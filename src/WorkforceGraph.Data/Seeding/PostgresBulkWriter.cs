using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace WorkforceGraph.Data.Seeding;

/// <summary>
/// PostgreSQL bulk load with binary COPY. One connection carries one COPY at a time, and rows of several tables
/// arrive interleaved (parents first), so rows are buffered per table and, every <see cref="RowsPerFlush"/> rows, every
/// table's buffer is copied in the order the tables were first written: parents always land before their children.
/// Rows carry explicit keys, so the identity sequences are moved past them at the end.
/// <para>
/// The whole load is one transaction, as pg_dump restores: the foreign keys and the non-unique indexes are dropped
/// first and created again from their own definitions (<c>pg_get_constraintdef</c>, <c>pg_get_indexdef</c>) once the
/// rows are in, one validating join and one sort each instead of a trigger and an index insert per row. Primary keys
/// and unique indexes stay. A failed or cancelled load rolls back to the empty, complete schema. Then VACUUM ANALYZE
/// sets the statistics and the visibility map (index-only scans) before the first query.
/// </para>
/// </summary>
internal sealed class PostgresBulkWriter(NpgsqlConnection connection, IModel model) : IBulkWriter
{
    /// <summary>Rows buffered before a flush.</summary>
    public const int RowsPerFlush = 50_000;

    private readonly Dictionary<Type, Table> _tables = [];
    private readonly List<Table> _order = [];
    private readonly List<string> _recreate = [];
    private NpgsqlTransaction? _transaction;
    private int _buffered;
    private bool _begun;

    public long RowsWritten { get; private set; }

    public IReadOnlyList<SeedTableCount> Counts => _order.Select(t => new SeedTableCount(t.Map.Table, t.Rows)).ToList();

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        // The load is repeatable from scratch (seed --force), so commits need not wait for the disk.
        await ExecuteAsync("SET synchronous_commit = off;", cancellationToken);
        _transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Foreign keys first (they may rely on an index), indexes after; created again in the opposite order.
        var drops = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname),
                       format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)), 2
                FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace
                UNION ALL
                SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid), 1
                FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                WHERE t.relnamespace = current_schema()::regnamespace AND NOT i.indisunique AND NOT i.indisprimary
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                ORDER BY 3 DESC, 1
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var creates = new List<(int Order, string Sql)>();
            while (await reader.ReadAsync(cancellationToken))
            {
                drops.Add(reader.GetString(0));
                creates.Add((reader.GetInt32(2), reader.GetString(1)));
            }

            _recreate.AddRange(creates.OrderBy(c => c.Order).Select(c => c.Sql));
        }

        foreach (var drop in drops)
        {
            await ExecuteAsync(drop + ";", cancellationToken);
        }

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
        foreach (var create in _recreate)
        {
            await ExecuteAsync(create + ";", cancellationToken);
        }

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

        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken);
            await _transaction.DisposeAsync();
            _transaction = null;
        }

        await ExecuteAsync("VACUUM (ANALYZE);", cancellationToken);
        await ExecuteAsync("SET synchronous_commit = on;", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var table in _order)
        {
            table.Pending.Clear();
        }

        if (_transaction is not null)
        {
            // Not completed: nothing of the load stays, and the dropped keys and indexes come back.
            await _transaction.DisposeAsync();
            _transaction = null;
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

        _buffered = 0;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
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

using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WorkforceGraph.Data.Seeding;

/// <summary>
/// SQLite bulk load: one connection, WAL with synchronous=OFF during the load (restored after), one prepared
/// parameterized INSERT per table reused for every row, and a commit every <see cref="RowsPerTransaction"/> rows.
/// Parameters are created by EF's own type mappings, so DateOnly, decimal and bool are stored as EF stores them.
/// Secondary indexes of the model's tables are dropped during the load and recreated afterwards from the very
/// SQL the migrations created them with (sqlite_master), also when the load fails.
/// </summary>
internal sealed class SqliteBulkWriter(SqliteConnection connection, IModel model) : IBulkWriter
{
    /// <summary>Rows per transaction; larger batches gained nothing measurable on the province scale.</summary>
    public const int RowsPerTransaction = 50_000;

    private readonly Dictionary<Type, Inserter> _inserters = [];
    private readonly List<Inserter> _order = [];
    private SqliteTransaction? _transaction;
    private int _rowsInTransaction;
    private string? _journalMode;
    private long? _synchronous;
    private long? _cacheSize;
    private List<string>? _droppedIndexes;

    public long RowsWritten { get; private set; }

    public IReadOnlyList<SeedTableCount> Counts => _order.Select(i => new SeedTableCount(i.Map.Table, i.Rows)).ToList();

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        _journalMode = Convert.ToString(await ScalarAsync("PRAGMA journal_mode;", cancellationToken), CultureInfo.InvariantCulture);
        _synchronous = Convert.ToInt64(await ScalarAsync("PRAGMA synchronous;", cancellationToken), CultureInfo.InvariantCulture);
        await ScalarAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        _cacheSize = Convert.ToInt64(await ScalarAsync("PRAGMA cache_size;", cancellationToken), CultureInfo.InvariantCulture);
        await ScalarAsync("PRAGMA synchronous=OFF;", cancellationToken);
        // 256 MiB of page cache keeps the growing indexes (natural keys, foreign keys) in memory during the load.
        await ScalarAsync("PRAGMA cache_size=-262144;", cancellationToken);
        await DropIndexesAsync(cancellationToken);
        _transaction = connection.BeginTransaction();
    }

    public void Write<TEntity>(TEntity entity)
        where TEntity : class
    {
        if (_transaction is null)
        {
            throw new InvalidOperationException("Call BeginAsync first.");
        }

        var type = entity.GetType();
        if (!_inserters.TryGetValue(type, out var inserter))
        {
            inserter = new Inserter(connection, BulkTableMap.For(model, type));
            inserter.Command.Transaction = _transaction;
            _inserters.Add(type, inserter);
            _order.Add(inserter);
        }

        inserter.Insert(entity);
        RowsWritten++;
        if (++_rowsInTransaction >= RowsPerTransaction)
        {
            _transaction.Commit();
            _transaction.Dispose();
            _transaction = connection.BeginTransaction();
            foreach (var other in _order)
            {
                other.Command.Transaction = _transaction;
            }

            _rowsInTransaction = 0;
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken);
            await _transaction.DisposeAsync();
            _transaction = null;
        }

        await RecreateIndexesAsync(cancellationToken);
        await RestoreAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync();
            await _transaction.DisposeAsync();
            _transaction = null;
        }

        foreach (var inserter in _order)
        {
            await inserter.Command.DisposeAsync();
        }

        await RecreateIndexesAsync(CancellationToken.None);
        await RestoreAsync(CancellationToken.None);
    }

    // Building an index once over the loaded rows is a sorted bulk build; maintaining it row by row is not
    // (province scale: SQLite execution was 85 % of the load with the indexes in place).
    private async Task DropIndexesAsync(CancellationToken cancellationToken)
    {
        var tables = model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var indexes = new List<(string Name, string Sql)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid;";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (tables.Contains(reader.GetString(1)))
                {
                    indexes.Add((reader.GetString(0), reader.GetString(2)));
                }
            }
        }

        _droppedIndexes = [];
        foreach (var (name, sql) in indexes)
        {
            await ScalarAsync($"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\";", cancellationToken);
            _droppedIndexes.Add(sql);
        }
    }

    private async Task RecreateIndexesAsync(CancellationToken cancellationToken)
    {
        if (_droppedIndexes is null)
        {
            return;
        }

        foreach (var sql in _droppedIndexes)
        {
            await ScalarAsync(sql + ";", cancellationToken);
        }

        _droppedIndexes = null;
    }

    // Pooled connections keep per-connection pragmas, so synchronous must go back even after a failure.
    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        if (_synchronous is { } synchronous)
        {
            await ScalarAsync(string.Create(CultureInfo.InvariantCulture, $"PRAGMA synchronous={synchronous};"), cancellationToken);
            _synchronous = null;
        }

        if (_cacheSize is { } cacheSize)
        {
            await ScalarAsync(string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size={cacheSize};"), cancellationToken);
            _cacheSize = null;
        }

        if (_journalMode is { } journalMode && !string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            await ScalarAsync($"PRAGMA journal_mode={journalMode};", cancellationToken);
        }

        _journalMode = null;
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private sealed class Inserter
    {
        private readonly SqliteParameter[] _parameters;

        public Inserter(SqliteConnection connection, BulkTableMap map)
        {
            Map = map;
            Command = connection.CreateCommand();
            var columns = string.Join(", ", map.Columns.Select(c => Quote(c.Name)));
            var names = map.Columns.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@p{i}")).ToArray();
            Command.CommandText = $"INSERT INTO {Quote(map.Table)} ({columns}) VALUES ({string.Join(", ", names)});";
            _parameters = new SqliteParameter[map.Columns.Count];
            for (var i = 0; i < _parameters.Length; i++)
            {
                _parameters[i] = (SqliteParameter)map.Columns[i].Mapping.CreateParameter(Command, names[i], null, nullable: true);
                Command.Parameters.Add(_parameters[i]);
            }

            Command.Prepare();
        }

        public BulkTableMap Map { get; }

        public SqliteCommand Command { get; }

        public long Rows { get; private set; }

        public void Insert(object entity)
        {
            for (var i = 0; i < _parameters.Length; i++)
            {
                _parameters[i].Value = Map.Columns[i].ProviderValue(entity);
            }

            Command.ExecuteNonQuery();
            Rows++;
        }

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

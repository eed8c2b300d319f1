using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using WorkforceGraph.Data;

namespace WorkforceGraph.Features.Integration;

/// <summary>
/// Inserts untracked rows of one table with multi-row <c>INSERT … VALUES (…), (…)</c> statements, prepared once per
/// row count and reused, in the context's transaction: a statement per <see cref="MaxParameters"/> values instead of
/// one per row (on PostgreSQL, a round trip per statement instead of per row). Column names, value conversions and
/// parameter types come from the EF model, so the stored values are EF's own.
/// <para>
/// With <c>withKeys</c>, the generated keys are handed out first and written explicitly, so each row knows its key
/// without relying on the order of a <c>RETURNING</c> list (which neither SQLite nor PostgreSQL promises): on
/// PostgreSQL the next values of the key's sequence, in one statement; on SQLite the keys after the largest ever
/// handed out (the table's <c>sqlite_sequence</c> entry, which <c>AUTOINCREMENT</c> keeps, or its largest key), which
/// is safe because the batch writer's transaction holds SQLite's write lock from its start (<c>BEGIN IMMEDIATE</c>).
/// </para>
/// Only plain tables qualify: a single generated integer key, no other generated values, no shadow properties, not
/// owned; <see cref="For"/> returns null otherwise and the caller saves through EF.
/// </summary>
internal sealed class MultiRowInserter : IAsyncDisposable
{
    /// <summary>Values bound per statement on PostgreSQL: far under its limit of 65,535, enough to amortize a round trip.</summary>
    public const int MaxParameters = 2_000;

    // Microsoft.Data.Sqlite binds each parameter by name, a linear search in SQLite, so a statement's binding cost grows
    // with the square of its parameters: on SQLite a few rows a statement (measured: no faster than one, and up to
    // a third slower from 128 values on).
    private const int MaxSqliteParameters = 64;

    private const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    private readonly DbConnection _connection;
    private readonly DbTransaction? _transaction;
    private readonly bool _postgres;
    private readonly string _table;
    private readonly string _tableName;
    private readonly string _keyColumn;
    private readonly string _insertPrefix;
    private readonly (IProperty Property, IClrPropertyGetter Getter, RelationalTypeMapping Mapping)[] _columns;
    private readonly Dictionary<int, DbCommand> _commands = [];
    private readonly int _rowsPerStatement;
    private readonly bool _withKeys;

    private MultiRowInserter(WorkforceDbContext db, IEntityType type, IProperty key, bool withKeys)
    {
        _connection = db.Database.GetDbConnection();
        _transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        _postgres = db.Database.ProviderName == PostgresProvider;
        _withKeys = withKeys;
        Key = key;
        var table = type.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var properties = type.GetProperties().Where(p => withKeys || p != key).ToList();
        _columns = [.. properties.Select(p => (p, p.GetGetter(), (RelationalTypeMapping)p.GetTypeMapping()))];
        _tableName = table;
        _table = Quote(table, type.GetSchema());
        _keyColumn = key.GetColumnName(store)!;
        _insertPrefix = $"INSERT INTO {_table} ({string.Join(", ", properties.Select(p => Quote(p.GetColumnName(store)!)))}) VALUES ";
        _rowsPerStatement = Math.Max(1, (_postgres ? MaxParameters : MaxSqliteParameters) / _columns.Length);
    }

    /// <summary>The generated key; set on each row when the inserter writes keys.</summary>
    public IProperty Key { get; }

    /// <summary>
    /// An inserter for <paramref name="type"/> over the context's open connection and its transaction (required when
    /// <paramref name="withKeys"/>: keys are reserved inside it), or null when the table does not qualify.
    /// </summary>
    public static MultiRowInserter? For(WorkforceDbContext db, IEntityType type, bool withKeys)
    {
        if (!(db.Database.IsSqlite() || db.Database.ProviderName == PostgresProvider) || type.IsOwned() || type.GetTableName() is null
            || type.FindPrimaryKey() is not { Properties: [{ PropertyInfo: not null } key] }
            || key.ClrType != typeof(int) && key.ClrType != typeof(long) || key.ValueGenerated != ValueGenerated.OnAdd
            || type.GetProperties().Any(p => p.IsShadowProperty() || p != key && p.ValueGenerated != ValueGenerated.Never)
            || withKeys && db.Database.CurrentTransaction is null)
        {
            return null;
        }

        return new MultiRowInserter(db, type, key, withKeys);
    }

    /// <summary>Inserts <paramref name="rows"/> (entities of the inserter's type) in order; with keys, sets each row's key first.</summary>
    public async Task InsertAsync(IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (_withKeys)
        {
            var keys = await ReserveKeysAsync(rows.Count, cancellationToken).ConfigureAwait(false);
            var setter = Key.PropertyInfo!;
            for (var i = 0; i < rows.Count; i++)
            {
                setter.SetValue(rows[i], Key.ClrType == typeof(int) ? (object)checked((int)keys[i]) : keys[i]);
            }
        }

        for (var start = 0; start < rows.Count; start += _rowsPerStatement)
        {
            var count = Math.Min(_rowsPerStatement, rows.Count - start);
            var command = Command(count);
            var parameters = command.Parameters;
            var p = 0;
            for (var r = start; r < start + count; r++)
            {
                var row = rows[r];
                foreach (var (_, getter, mapping) in _columns)
                {
                    var value = getter.GetClrValueUsingContainingEntity(row);
                    if (value is not null && mapping.Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    parameters[p++].Value = value ?? DBNull.Value;
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _commands.Clear();
    }

    // The prepared statement for `rows` rows (a batch needs at most two: full statements and the rest).
    private DbCommand Command(int rows)
    {
        if (_commands.TryGetValue(rows, out var command))
        {
            return command;
        }

        command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var text = new StringBuilder(_insertPrefix, _insertPrefix.Length + (rows * _columns.Length * 8));
        var n = 0;
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Length; c++)
            {
                var (property, _, mapping) = _columns[c];
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{n++}");
                command.Parameters.Add(mapping.CreateParameter(command, name, null, nullable: property.IsNullable));
                text.Append(c == 0 ? name : ", " + name);
            }

            text.Append(')');
        }

        command.CommandText = text.Append(';').ToString();
        command.Prepare();
        _commands[rows] = command;
        return command;
    }

    // `count` keys nobody has had yet, in the caller's transaction.
    private async Task<long[]> ReserveKeysAsync(int count, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var keys = new long[count];
        if (_postgres)
        {
            command.CommandText = $"SELECT nextval(pg_get_serial_sequence(@table, @column)) FROM generate_series(1, {count.ToString(CultureInfo.InvariantCulture)});";
            AddParameter(command, "@table", _table);
            AddParameter(command, "@column", _keyColumn);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var i = 0;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                keys[i++] = reader.GetInt64(0);
            }

            if (i != count)
            {
                throw new InvalidOperationException($"Reserved {i} keys of {_table} instead of {count}.");
            }

            return keys;
        }

        // AUTOINCREMENT never hands out a key again, even one whose row was deleted: its high-water mark is in
        // sqlite_sequence; a table without AUTOINCREMENT (or one never written) has its largest key.
        command.CommandText = $"SELECT max(ifnull((SELECT seq FROM sqlite_sequence WHERE name = @name), 0), ifnull((SELECT max({Quote(_keyColumn)}) FROM {_table}), 0));";
        AddParameter(command, "@name", _tableName);
        if (!await SqliteSequenceExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            command.CommandText = $"SELECT ifnull((SELECT max({Quote(_keyColumn)}) FROM {_table}), 0);";
            command.Parameters.Clear();
        }

        var last = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            keys[i] = last + 1 + i;
        }

        return keys;
    }

    private async Task<bool> SqliteSequenceExistsAsync(CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence';";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Quote(string table, string? schema) => schema is null ? Quote(table) : Quote(schema) + "." + Quote(table);
}

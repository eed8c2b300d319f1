using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WorkforceGraph.Data;

namespace WorkforceGraph.Features.Integration;

/// <summary>
/// Reads the rows of a table whose value in one column is among a batch of keys, untracked, with one prepared
/// <c>SELECT … WHERE column IN (SELECT value FROM json_each(@keys))</c>: what an untracked EF query by a key list
/// returns, without its per-execution cost (the batch writes' reads of stored rows on SQLite). Columns, value
/// conversions and types come from the EF model, as in <see cref="RowInserter"/>. SQLite and plain tables only (no
/// shadow properties, not owned); null otherwise, and the caller queries through EF.
/// </summary>
internal sealed class RowReader : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<IProperty, Column> Columns = new();

    private readonly DbCommand _command;
    private readonly DbParameter _keys;
    private readonly Type _clrType;
    private readonly Column[] _columns;
    private readonly ValueConverter? _keyConverter;

    private RowReader(DbConnection connection, DbTransaction? transaction, IEntityType type, IProperty by)
    {
        _clrType = type.ClrType;
        var table = type.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var properties = type.GetProperties().ToList();
        _columns = [.. properties.Select(p => Columns.GetOrAdd(p, Column.For))];
        _keyConverter = ((RelationalTypeMapping)by.GetTypeMapping()).Converter;
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _keys = _command.CreateParameter();
        _keys.ParameterName = "@keys";
        _command.Parameters.Add(_keys);
        _command.CommandText = $"SELECT {string.Join(", ", properties.Select(p => "t." + Quote(p.GetColumnName(store)!)))} FROM {Quote(table)} AS t "
            + $"WHERE t.{Quote(by.GetColumnName(store)!)} IN (SELECT value FROM json_each(@keys));";
    }

    /// <summary>A reader of <paramref name="type"/>'s rows by <paramref name="by"/> over the context's connection and transaction, or null.</summary>
    public static RowReader? For(WorkforceDbContext db, IEntityType type, IProperty by)
    {
        if (!db.Database.IsSqlite() || type.IsOwned() || type.GetTableName() is null || type.ClrType.GetConstructor(Type.EmptyTypes) is null
            || type.GetProperties().Any(p => p.IsShadowProperty() || p.PropertyInfo?.SetMethod is null))
        {
            return null;
        }

        return new RowReader(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), type, by);
    }

    /// <summary>The rows whose key column holds one of <paramref name="keys"/> (model values; converted here), as new untracked instances.</summary>
    public async Task<List<T>> ReadAsync<T>(IEnumerable<object> keys, CancellationToken cancellationToken)
        where T : class
    {
        var provider = keys.Select(k => _keyConverter is null ? k : _keyConverter.ConvertToProvider(k)).ToList();
        _keys.Value = JsonSerializer.Serialize(provider);
        var rows = new List<T>();
        await using var reader = await _command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = Activator.CreateInstance(_clrType)!;
            for (var i = 0; i < _columns.Length; i++)
            {
                _columns[i].Set(row, reader, i);
            }

            rows.Add((T)row);
        }

        return rows;
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // How one column is read (as the provider type), converted (the model's converter) and set on the instance.
    private sealed class Column(Func<DbDataReader, int, object> read, ValueConverter? converter, Action<object, object?> set)
    {
        private static readonly MethodInfo ReadMethod = typeof(Column).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!;

        public static Column For(IProperty property)
        {
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            var converter = mapping.Converter;
            var providerType = converter?.ProviderClrType ?? property.ClrType;
            providerType = Nullable.GetUnderlyingType(providerType) ?? providerType;
            var read = ReadMethod.MakeGenericMethod(providerType).CreateDelegate<Func<DbDataReader, int, object>>();
            var instance = Expression.Parameter(typeof(object));
            var value = Expression.Parameter(typeof(object));
            var info = property.PropertyInfo!;
            var set = Expression.Lambda<Action<object, object?>>(
                Expression.Call(Expression.Convert(instance, info.DeclaringType!), info.SetMethod!, Expression.Convert(value, info.PropertyType)),
                instance,
                value).Compile();
            return new Column(read, converter, set);
        }

        public void Set(object row, DbDataReader reader, int ordinal)
        {
            object? value = null;
            if (!reader.IsDBNull(ordinal))
            {
                value = read(reader, ordinal);
                if (converter is not null)
                {
                    value = converter.ConvertFromProvider(value);
                }
            }

            set(row, value);
        }

        private static object Read<TValue>(DbDataReader reader, int ordinal) => reader.GetFieldValue<TValue>(ordinal)!;
    }
}

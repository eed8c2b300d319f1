using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using WorkforceGraph.Data;

namespace WorkforceGraph.Features.Integration;

/// <summary>
/// Inserts rows with one prepared <c>INSERT … RETURNING</c> per table, reused for every row, in the context's
/// transaction: what <c>SaveChanges</c> does for a new row without its per-row command building and bookkeeping
/// (the batch writes' cost on SQLite). Column names, value conversions and parameter types come from the EF model, so
/// the stored values are EF's own. Only plain tables qualify: one generated integer key, no other generated values,
/// not owned; anything else is left to <c>SaveChanges</c>.
/// </summary>
internal sealed class RowInserter : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly (IProperty Property, DbParameter Parameter, RelationalTypeMapping Mapping)[] _columns;

    private RowInserter(DbConnection connection, DbTransaction? transaction, IEntityType type, IProperty key)
    {
        Key = key;
        var table = type.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var properties = type.GetProperties().Where(p => p != key).ToList();
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _columns = new (IProperty, DbParameter, RelationalTypeMapping)[properties.Count];
        for (var i = 0; i < properties.Count; i++)
        {
            var mapping = (RelationalTypeMapping)properties[i].GetTypeMapping();
            var parameter = mapping.CreateParameter(_command, string.Create(CultureInfo.InvariantCulture, $"@p{i}"), null, nullable: true);
            _command.Parameters.Add(parameter);
            _columns[i] = (properties[i], parameter, mapping);
        }

        _command.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", properties.Select(p => Quote(p.GetColumnName(store)!)))}) "
            + $"VALUES ({string.Join(", ", _columns.Select(c => c.Parameter.ParameterName))}) RETURNING {Quote(key.GetColumnName(store)!)};";
        _command.Prepare();
    }

    public IProperty Key { get; }

    /// <summary>An inserter for <paramref name="type"/> over the context's open connection and transaction, or null when the table does not qualify.</summary>
    public static RowInserter? For(WorkforceDbContext db, IEntityType type)
    {
        if (!db.Database.IsSqlite() || type.IsOwned() || type.GetTableName() is null || type.FindPrimaryKey() is not { Properties: [var key] }
            || key.ClrType != typeof(int) && key.ClrType != typeof(long) || key.ValueGenerated != ValueGenerated.OnAdd
            || type.GetProperties().Any(p => p != key && p.ValueGenerated != ValueGenerated.Never))
        {
            return null;
        }

        return new RowInserter(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), type, key);
    }

    /// <summary>Inserts a row whose property values <paramref name="value"/> gives (model values; converted here); returns the generated key.</summary>
    public async Task<long> InsertAsync(Func<IProperty, object?> value, CancellationToken cancellationToken)
    {
        foreach (var (property, parameter, mapping) in _columns)
        {
            var v = value(property);
            if (v is not null && mapping.Converter is { } converter)
            {
                v = converter.ConvertToProvider(v);
            }

            parameter.Value = v ?? DBNull.Value;
        }

        return Convert.ToInt64(await _command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Inserts the tracked new rows that depend on no other new row (no temporary value besides their own key), sets
    /// their generated keys and marks them unchanged, as <c>SaveChanges</c> would; the rest stays for <c>SaveChanges</c>.
    /// </summary>
    public static async Task InsertAddedAsync(WorkforceDbContext db, IReadOnlyList<EntityEntry> entries, CancellationToken cancellationToken)
    {
        var added = entries.Where(e => e.State == EntityState.Added).ToList();
        if (added.Count == 0 || !db.Database.IsSqlite())
        {
            return;
        }

        // A new row pointing at another new row (a temporary foreign key) needs SaveChanges' ordering and key fix-up.
        if (added.Any(e => e.Properties.Any(p => p.IsTemporary && !p.Metadata.IsPrimaryKey())))
        {
            return;
        }

        var inserters = new Dictionary<IEntityType, RowInserter?>();
        try
        {
            foreach (var entry in added)
            {
                if (!inserters.TryGetValue(entry.Metadata, out var inserter))
                {
                    inserter = For(db, entry.Metadata);
                    inserters[entry.Metadata] = inserter;
                }

                if (inserter is null)
                {
                    continue;
                }

                var entity = entry.Entity;
                var id = await inserter.InsertAsync(p => p.IsShadowProperty() ? entry.Property(p).CurrentValue : p.GetGetter().GetClrValueUsingContainingEntity(entity), cancellationToken).ConfigureAwait(false);
                var key = entry.Property(inserter.Key.Name);
                key.CurrentValue = inserter.Key.ClrType == typeof(int) ? (object)checked((int)id) : id;
                key.IsTemporary = false;
                entry.State = EntityState.Unchanged;
            }
        }
        finally
        {
            foreach (var inserter in inserters.Values)
            {
                if (inserter is not null)
                {
                    await inserter.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

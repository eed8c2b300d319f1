using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WorkforceGraph.Data.Seeding;

/// <summary>
/// Table, columns and value conversions of one entity type, read from the EF model so that bulk writers
/// never drift from the migrations (enums by name, <see cref="Workers.IdNumber"/> as its 18 characters).
/// </summary>
internal sealed class BulkTableMap
{
    private BulkTableMap(string table, IReadOnlyList<BulkColumn> columns)
    {
        Table = table;
        Columns = columns;
    }

    public string Table { get; }

    public IReadOnlyList<BulkColumn> Columns { get; }

    public static BulkTableMap For(IModel model, Type clrType)
    {
        var entityType = model.FindEntityType(clrType)
            ?? throw new InvalidOperationException($"{clrType.Name} is not part of the model.");
        var table = entityType.GetTableName()
            ?? throw new InvalidOperationException($"{clrType.Name} is not mapped to a table.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Where(p => !p.IsShadowProperty())
            .Select(p => new BulkColumn(
                p.GetColumnName(store) ?? p.Name,
                p.GetGetter(),
                p.GetTypeMapping().Converter,
                (RelationalTypeMapping)p.GetTypeMapping()))
            .ToList();
        return new BulkTableMap(table, columns);
    }
}

/// <summary>One mapped column: how to read the property and convert it to what the provider stores.</summary>
internal sealed record BulkColumn(string Name, IClrPropertyGetter Getter, ValueConverter? Converter, RelationalTypeMapping Mapping)
{
    /// <summary>The provider value EF itself would bind, or <see cref="DBNull"/>.</summary>
    public object ProviderValue(object entity)
    {
        var value = Getter.GetClrValueUsingContainingEntity(entity);
        if (value is null)
        {
            return DBNull.Value;
        }

        return (Converter is null ? value : Converter.ConvertToProvider(value)) ?? DBNull.Value;
    }
}

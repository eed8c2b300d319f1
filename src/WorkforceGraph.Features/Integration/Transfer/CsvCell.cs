namespace WorkforceGraph.Features.Integration.Transfer;

/// <summary>
/// The CSV encoding of a field that is no scalar (a list of nested records): how its value is written into one cell,
/// and how a cell is turned back into the JSON value of the NDJSON format, which the record's contract then reads
/// (so both formats accept exactly the same values). A field without one cannot go to CSV: the file is refused.
/// </summary>
public abstract class CsvCell
{
    /// <summary>The cell text of a (non-null) value.</summary>
    public abstract string Format(object value);

    /// <summary>
    /// The JSON text of a non-empty cell, or null with <paramref name="problem"/> (one sentence, for the field's
    /// <c>INVALID_VALUE</c>) when the cell is not in this encoding.
    /// </summary>
    public abstract string? ToJson(string cell, out string? problem);

    /// <summary>No cell encodings: every field of the record is a scalar.</summary>
    public static readonly IReadOnlyDictionary<string, CsvCell> None = new Dictionary<string, CsvCell>(StringComparer.Ordinal);

    /// <summary>Whether a field type goes into a CSV cell as it is: text, numbers, booleans, dates and enums.</summary>
    public static bool IsScalar(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t == typeof(bool) || t == typeof(decimal) || t == typeof(DateOnly) || t.IsEnum || (t.IsPrimitive && t != typeof(char));
    }

    /// <summary>Why a record cannot go to CSV (a non-scalar field without a cell encoding), or null when it can.</summary>
    public static string? CsvProblem(System.Text.Json.Serialization.Metadata.JsonTypeInfo contract, IReadOnlyDictionary<string, CsvCell> cells)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(cells);
        var missing = contract.Properties.Where(p => !IsScalar(p.PropertyType) && !cells.ContainsKey(p.Name)).Select(p => p.Name).ToList();
        return missing.Count == 0 ? null : $"CSV cannot hold the field(s) {string.Join(", ", missing)} of this entity: use --format ndjson.";
    }

    internal static void CheckCsv(System.Text.Json.Serialization.Metadata.JsonTypeInfo contract, IReadOnlyDictionary<string, CsvCell> cells)
    {
        if (CsvProblem(contract, cells) is { } problem)
        {
            throw new TransferFileException(problem);
        }
    }
}

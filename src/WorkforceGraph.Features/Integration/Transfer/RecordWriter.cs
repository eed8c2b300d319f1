using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace WorkforceGraph.Features.Integration.Transfer;

/// <summary>Writes records one at a time in the shape <see cref="RecordReader"/> reads back.</summary>
public abstract class RecordWriter : IDisposable
{
    /// <summary>UTF-8 without a byte-order mark.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(false);

    /// <summary>
    /// Opens a writer; for CSV every non-scalar field needs a cell encoding in <paramref name="cells"/>
    /// (<see cref="TransferFileException"/> otherwise, before anything is written).
    /// </summary>
    public static RecordWriter Open(Stream stream, TransferFileFormat format, JsonTypeInfo contract, IReadOnlyDictionary<string, CsvCell>? cells = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (format == TransferFileFormat.Csv)
        {
            CsvCell.CheckCsv(contract, cells ?? CsvCell.None);
            return new CsvRecordWriter(stream, contract, cells ?? CsvCell.None);
        }

        return new NdjsonRecordWriter(stream, contract);
    }

    public abstract void Write(object record);

    /// <summary>Writes out what is buffered.</summary>
    public abstract void Flush();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}

/// <summary>NDJSON: each record as one JSON object and <c>\n</c>; null fields written as null.</summary>
internal sealed class NdjsonRecordWriter(Stream stream, JsonTypeInfo contract) : RecordWriter
{
    private readonly Utf8JsonWriter _writer = new(stream, new JsonWriterOptions { Encoder = TransferFormat.Json.Encoder });

    public override void Write(object record)
    {
        JsonSerializer.Serialize(_writer, record, contract);
        _writer.Flush();
        stream.WriteByte((byte)'\n');
        _writer.Reset(stream);
    }

    public override void Flush()
    {
        _writer.Flush();
        stream.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _writer.Dispose();
            stream.Dispose();
        }
    }
}

/// <summary>
/// CSV (RFC 4180, CRLF): a header of the field names, then one row per record; a cell holds what the NDJSON format
/// holds (enum names, <c>yyyy-MM-dd</c>, <c>true</c>/<c>false</c>), empty for null, quoted when it holds a comma, a
/// quote or a line break.
/// </summary>
internal sealed class CsvRecordWriter : RecordWriter
{
    private readonly StreamWriter _text;
    private readonly JsonPropertyInfo[] _columns;
    private readonly CsvCell?[] _encodings;
    private readonly Dictionary<object, string> _names = [];

    public CsvRecordWriter(Stream stream, JsonTypeInfo contract, IReadOnlyDictionary<string, CsvCell> cells)
    {
        _text = new StreamWriter(stream, Utf8, 64 * 1024);
        _columns = [.. contract.Properties];
        _encodings = [.. _columns.Select(c => cells.GetValueOrDefault(c.Name))];
        _text.Write(string.Join(',', _columns.Select(c => Quote(c.Name))));
        _text.Write("\r\n");
    }

    public override void Write(object record)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            if (i > 0)
            {
                _text.Write(',');
            }

            var value = _columns[i].Get!(record);
            if (value is not null)
            {
                _text.Write(Quote(_encodings[i] is { } encoding ? encoding.Format(value) : Format(value, _columns[i].PropertyType)));
            }
        }

        _text.Write("\r\n");
    }

    public override void Flush() => _text.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _text.Dispose();
        }
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private string Format(object value, Type type) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum => _names.TryGetValue(value, out var name) ? name : _names[value] = Serialized(value, type),
        IFormattable number when value.GetType().IsPrimitive || value is decimal => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Serialized(value, type),
    };

    // Whatever JSON writes, without the quotes of a JSON string.
    private static string Serialized(object value, Type type)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, type, TransferFormat.Json);
        return json.Length > 0 && json[0] == (byte)'"' ? JsonSerializer.Deserialize<string>(json, TransferFormat.Json)! : Encoding.UTF8.GetString(json);
    }
}

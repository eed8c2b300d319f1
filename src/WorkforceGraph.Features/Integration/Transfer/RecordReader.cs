using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace WorkforceGraph.Features.Integration.Transfer;

/// <summary>
/// Reads records one at a time from a text stream, never the whole file: a line that is no record (malformed JSON,
/// wrong cell count, a value of the wrong type) comes back as a <see cref="RecordProblem"/> with its line number, not
/// an exception. Blank lines are skipped.
/// </summary>
public abstract class RecordReader : IDisposable
{
    private protected RecordReader(TextReader text, JsonTypeInfo contract)
    {
        Text = text;
        Contract = contract;
        Fields = contract.Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }

    private protected TextReader Text { get; }

    private protected JsonTypeInfo Contract { get; }

    private protected HashSet<string> Fields { get; }

    /// <summary>
    /// Opens a reader; a CSV reader checks the header at once, and that every non-scalar field has a cell encoding in
    /// <paramref name="cells"/> (<see cref="TransferFileException"/>).
    /// </summary>
    public static RecordReader Open(TextReader text, TransferFileFormat format, JsonTypeInfo contract, IReadOnlyDictionary<string, CsvCell>? cells = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return format == TransferFileFormat.Csv ? new CsvRecordReader(text, contract, cells ?? CsvCell.None) : new NdjsonRecordReader(text, contract);
    }

    private FileRecord? _peeked;

    /// <summary>The next record, or false at the end of the file.</summary>
    public bool TryRead(out FileRecord record)
    {
        if (_peeked is { } peeked)
        {
            _peeked = null;
            record = peeked;
            return true;
        }

        return TryReadNext(out record);
    }

    /// <summary>Whether the file holds no record at all (reads ahead one record, which <see cref="TryRead"/> then returns).</summary>
    public bool IsEmpty()
    {
        if (_peeked is not null)
        {
            return false;
        }

        if (!TryReadNext(out var record))
        {
            return true;
        }

        _peeked = record;
        return false;
    }

    private protected abstract bool TryReadNext(out FileRecord record);

    public void Dispose()
    {
        Text.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected RecordProblem Problem(JsonException e)
    {
        var field = TransferFormat.FieldOf(e);
        if (field is not null && Fields.Contains(field))
        {
            return new RecordProblem(RecordCodes.InvalidValue, field, $"`{field}` has a value of the wrong type or format.");
        }

        if (UnknownField(e) is { } unknown)
        {
            return new RecordProblem(RecordCodes.InvalidValue, null, $"Unknown field `{unknown}`.");
        }

        return new RecordProblem(RecordCodes.InvalidValue, null, e.BytePositionInLine is { } at
            ? $"The line is not one valid JSON object (at character {at + 1})."
            : "The line is not one valid JSON object.");
    }

    // System.Text.Json names the unmapped property in its message: "The JSON property 'x' could not be mapped ...".
    private static string? UnknownField(JsonException e)
    {
        if (!e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return null;
        }

        var start = e.Message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : e.Message.IndexOf('\'', start + 1);
        return end < 0 ? "?" : e.Message.Substring(start + 1, Math.Min(end - start - 1, 50));
    }
}

/// <summary>NDJSON: one JSON object per line.</summary>
internal sealed class NdjsonRecordReader(TextReader text, JsonTypeInfo contract) : RecordReader(text, contract)
{
    private int _line;

    private protected override bool TryReadNext(out FileRecord record)
    {
        while (Text.ReadLine() is { } line)
        {
            _line++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var value = JsonSerializer.Deserialize(line, Contract);
                record = value is null
                    ? new FileRecord(_line, null, new RecordProblem(RecordCodes.InvalidValue, null, "The line is `null`, not a JSON object."))
                    : new FileRecord(_line, value, null);
            }
            catch (JsonException e)
            {
                record = new FileRecord(_line, null, Problem(e));
            }

            return true;
        }

        record = default;
        return false;
    }
}

/// <summary>
/// CSV (RFC 4180: comma, double quotes doubled, quoted cells may span lines; CRLF or LF). The header must name every
/// field of the record once, in any order, and nothing else. An empty cell is null. Each row is turned into the JSON
/// object of the NDJSON format and read by the same contract, so both formats accept exactly the same values.
/// </summary>
internal sealed class CsvRecordReader : RecordReader
{
    private readonly CsvParser _parser;
    private readonly List<string> _cells = [];
    private readonly JsonPropertyInfo[] _columns;
    private readonly bool[] _literal;
    private readonly CsvCell?[] _encodings;
    private readonly ArrayBufferWriter<byte> _json = new(1024);

    public CsvRecordReader(TextReader text, JsonTypeInfo contract, IReadOnlyDictionary<string, CsvCell> cells)
        : base(text, contract)
    {
        CsvCell.CheckCsv(contract, cells);
        _parser = new CsvParser(text);
        if (!_parser.TryRead(_cells, out _, out var error))
        {
            throw new TransferFileException("The file is empty: no CSV header.");
        }

        var byName = contract.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var header = _cells.Select((c, i) => i == 0 ? c.TrimStart('\uFEFF') : c).ToList();
        var unknown = header.Where(h => !byName.ContainsKey(h)).ToList();
        var repeated = header.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missing = byName.Keys.Where(k => !header.Contains(k, StringComparer.Ordinal)).ToList();
        if (error is not null || unknown.Count > 0 || repeated.Count > 0 || missing.Count > 0)
        {
            var parts = new List<string>();
            if (error is not null)
            {
                parts.Add(error);
            }

            if (unknown.Count > 0)
            {
                parts.Add($"unknown column(s) {string.Join(", ", unknown.Select(u => $"'{Truncate(u)}'"))}");
            }

            if (repeated.Count > 0)
            {
                parts.Add($"repeated column(s) {string.Join(", ", repeated)}");
            }

            if (missing.Count > 0)
            {
                parts.Add($"missing column(s) {string.Join(", ", missing)}");
            }

            throw new TransferFileException($"Wrong CSV header (line 1): {string.Join("; ", parts)}. Expected the columns {string.Join(",", byName.Keys)} (any order).");
        }

        _columns = [.. header.Select(h => byName[h])];
        _literal = [.. _columns.Select(c => IsLiteral(c.PropertyType))];
        _encodings = [.. _columns.Select(c => cells.GetValueOrDefault(c.Name))];
    }

    private protected override bool TryReadNext(out FileRecord record)
    {
        if (!_parser.TryRead(_cells, out var line, out var error))
        {
            record = default;
            return false;
        }

        if (error is not null)
        {
            record = new FileRecord(line, null, new RecordProblem(RecordCodes.InvalidValue, null, $"The row is not valid CSV: {error}."));
            return true;
        }

        if (_cells.Count != _columns.Length)
        {
            record = new FileRecord(line, null, new RecordProblem(RecordCodes.InvalidValue, null, $"The row has {_cells.Count} cells; the header has {_columns.Length}."));
            return true;
        }

        _json.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_json, new JsonWriterOptions { Encoder = TransferFormat.Json.Encoder }))
        {
            writer.WriteStartObject();
            for (var i = 0; i < _columns.Length; i++)
            {
                var name = _columns[i].Name;
                var cell = _cells[i];
                if (cell.Length == 0)
                {
                    writer.WriteNull(name);
                }
                else if (_encodings[i] is { } encoding)
                {
                    if (encoding.ToJson(cell, out var cellError) is not { } json)
                    {
                        record = new FileRecord(line, null, new RecordProblem(RecordCodes.InvalidValue, name, cellError ?? $"`{name}` has a value of the wrong format."));
                        return true;
                    }

                    writer.WritePropertyName(name);
                    writer.WriteRawValue(json);
                }
                else if (_literal[i])
                {
                    writer.WritePropertyName(name);
                    try
                    {
                        writer.WriteRawValue(cell);
                    }
                    catch (JsonException)
                    {
                        record = new FileRecord(line, null, new RecordProblem(RecordCodes.InvalidValue, name, $"`{name}` has a value of the wrong type or format."));
                        return true;
                    }
                }
                else
                {
                    writer.WriteString(name, cell);
                }
            }

            writer.WriteEndObject();
        }

        try
        {
            record = new FileRecord(line, JsonSerializer.Deserialize(_json.WrittenSpan, Contract), null);
        }
        catch (JsonException e)
        {
            record = new FileRecord(line, null, Problem(e));
        }

        return true;
    }

    private static string Truncate(string text) => text.Length <= 50 ? text : text[..50] + "…";

    // Numbers and booleans are JSON literals; everything else (text, enums, dates) a JSON string.
    private static bool IsLiteral(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(bool) || (t.IsPrimitive && t != typeof(char)) || t == typeof(decimal);
    }
}

/// <summary>An RFC 4180 tokenizer over a text reader, counting physical lines.</summary>
internal sealed class CsvParser(TextReader text)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _cell = new();
    private int _position;
    private int _length;
    private int _line = 1;

    /// <summary>Reads the cells of the next record (blank lines skipped); <paramref name="error"/> says what is malformed.</summary>
    public bool TryRead(List<string> cells, out int line, out string? error)
    {
        cells.Clear();
        error = null;
        var c = Peek();
        while (c is '\r' or '\n')
        {
            EndLine();
            c = Peek();
        }

        line = _line;
        if (c < 0)
        {
            return false;
        }

        while (true)
        {
            _cell.Clear();
            c = Peek();
            if (c == '"')
            {
                Next();
                while (true)
                {
                    c = Next();
                    if (c < 0)
                    {
                        error ??= "a quoted cell is not closed";
                        break;
                    }

                    if (c == '"')
                    {
                        if (Peek() == '"')
                        {
                            Next();
                            _cell.Append('"');
                            continue;
                        }

                        break;
                    }

                    _cell.Append((char)c);
                    if (c == '\n' || (c == '\r' && Peek() != '\n'))
                    {
                        _line++;
                    }
                }

                c = Peek();
                if (c is not (',' or '\r' or '\n' or < 0))
                {
                    error ??= "text after a closing quote";
                    while (c is not (',' or '\r' or '\n' or < 0))
                    {
                        Next();
                        c = Peek();
                    }
                }
            }
            else
            {
                while (c is not (',' or '\r' or '\n' or < 0))
                {
                    if (c == '"')
                    {
                        error ??= "a quote inside an unquoted cell";
                    }

                    _cell.Append((char)Next());
                    c = Peek();
                }
            }

            cells.Add(_cell.ToString());
            if (c == ',')
            {
                Next();
                continue;
            }

            if (c >= 0)
            {
                EndLine();
            }

            return true;
        }
    }

    private void EndLine()
    {
        if (Next() == '\r' && Peek() == '\n')
        {
            Next();
        }

        _line++;
    }

    private int Peek()
    {
        if (_position == _length)
        {
            _length = text.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            if (_length == 0)
            {
                return -1;
            }
        }

        return _buffer[_position];
    }

    private int Next()
    {
        var c = Peek();
        if (c >= 0)
        {
            _position++;
        }

        return c;
    }
}

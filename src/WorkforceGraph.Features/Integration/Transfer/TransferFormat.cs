using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WorkforceGraph.Features.Integration.Transfer;

/// <summary>The file formats of <c>import</c> and <c>export</c>.</summary>
public enum TransferFileFormat
{
    /// <summary>One JSON object per line, in the GraphQL input shape.</summary>
    Ndjson,

    /// <summary>RFC 4180 CSV; the header names the input fields; an empty cell is null.</summary>
    Csv,
}

/// <summary>
/// The record shape shared by both formats: the GraphQL input type's field names (camelCase), enums by their GraphQL
/// names (UPPER_SNAKE, e.g. <c>CPC_MEMBER</c>), dates <c>yyyy-MM-dd</c>, booleans <c>true</c>/<c>false</c>. Reading is
/// strict: an unknown or repeated field, an enum by number, a number in quotes are errors.
/// </summary>
public static class TransferFormat
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>The format a file name implies: <c>.csv</c> is CSV, <c>.ndjson</c>/<c>.jsonl</c>/<c>.json</c> NDJSON.</summary>
    public static TransferFileFormat? FromFileName(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".CSV" => TransferFileFormat.Csv,
        ".NDJSON" or ".JSONL" or ".JSON" => TransferFileFormat.Ndjson,
        _ => null,
    };

    public static bool TryParse(string? text, out TransferFileFormat format)
    {
        switch (text?.ToUpperInvariant())
        {
            case "NDJSON" or "JSONL":
                format = TransferFileFormat.Ndjson;
                return true;
            case "CSV":
                format = TransferFileFormat.Csv;
                return true;
            default:
                format = default;
                return false;
        }
    }

    /// <summary>The name of the field a <see cref="JsonException"/> points at (<c>$.gender</c> → <c>gender</c>), if any.</summary>
    internal static string? FieldOf(JsonException exception)
    {
        var path = exception.Path;
        if (path is null || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }

        var end = path.AsSpan(2).IndexOfAny('.', '[');
        return end < 0 ? path[2..] : path.Substring(2, end);
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            NumberHandling = JsonNumberHandling.Strict,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false) },
        };
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>A line of a file that is no record: the code and field of a <see cref="RecordError"/>.</summary>
public sealed record RecordProblem(string Code, string? Field, string Message);

/// <summary>One record read from a file: its first line (1-based) and the record or why there is none.</summary>
public readonly record struct FileRecord(int Line, object? Record, RecordProblem? Problem);

/// <summary>The file as a whole is unusable (wrong CSV header, not text): nothing is written.</summary>
public sealed class TransferFileException(string message) : Exception(message);

using System.Globalization;
using System.Text;
using System.Text.Json;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Features.Integration.Transfer;

namespace WorkforceGraph.Features.GradeSchemes;

/// <summary>
/// A grade scheme's <c>categories</c> in one CSV cell: <c>CATEGORY:minGrade-maxGrade</c> per category, joined by
/// <c>;</c>, e.g. <c>PRINCIPAL:7-18;DEPUTY:4-15;STAFF:1-12</c> (categories by their GraphQL names). Spaces around the
/// parts are allowed on reading. What the ranges must satisfy is the sync's to check, as for NDJSON.
/// </summary>
public sealed class GradeRangeCell : CsvCell
{
    public static readonly GradeRangeCell Instance = new();

    private const string Expected = "`categories` is CATEGORY:minGrade-maxGrade for each category, joined by `;` (e.g. PRINCIPAL:7-18;DEPUTY:4-15;STAFF:1-12).";

    private GradeRangeCell()
    {
    }

    public override string Format(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder();
        foreach (var range in (IEnumerable<GradeRangeInput>)value)
        {
            if (text.Length > 0)
            {
                text.Append(';');
            }

            text.Append(CultureInfo.InvariantCulture, $"{(range.Category is { } c ? Name(c) : "")}:{range.MinGrade}-{range.MaxGrade}");
        }

        return text.ToString();
    }

    public override string? ToJson(string cell, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(cell);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = TransferFormat.Json.Encoder }))
        {
            json.WriteStartArray();
            foreach (var part in cell.Split(';'))
            {
                var colon = part.IndexOf(':', StringComparison.Ordinal);
                var dash = colon < 0 ? -1 : part.IndexOf('-', colon + 1);
                if (colon < 0 || dash < 0
                    || !int.TryParse(part.AsSpan(colon + 1, dash - colon - 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var min)
                    || !int.TryParse(part.AsSpan(dash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var max))
                {
                    problem = Expected;
                    return null;
                }

                json.WriteStartObject();
                json.WriteString("category", part[..colon].Trim());
                json.WriteNumber("minGrade", min);
                json.WriteNumber("maxGrade", max);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        problem = null;
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Name(PostCategory category) => JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(category, TransferFormat.Json))!;
}

using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace WorkforceGraph.Benchmarks;

/// <summary>
/// The baseline: the dashboard page through ADO.NET with hand-written SQL, written as the same GraphQL response
/// JSON (<c>{"data":{"workers":{"nodes":[…]}}}</c>, enum values in CONSTANT_CASE) with <see cref="Utf8JsonWriter"/>.
/// Each call opens a pooled connection (Microsoft.Data.Sqlite or Npgsql), as a request on the server does.
/// </summary>
internal sealed class RawSqlDashboard(BenchDatabase database)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<string, string> _enumNames = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="query"/> and returns the UTF-8 JSON bytes.</summary>
    public byte[] Run(DashboardQuery query)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var connection = database.Open())
        {
            using var command = connection.CreateCommand();
            command.CommandText = PostgresBaselines.Sql(query, database.Provider);
            using var reader = command.ExecuteReader();
            using var json = new Utf8JsonWriter(buffer, WriterOptions);
            json.WriteStartObject();
            json.WriteStartObject("data");
            json.WriteStartObject("workers");
            json.WriteStartArray("nodes");
            while (reader.Read())
            {
                json.WriteStartObject();
                json.WriteString("name", reader.GetString(0));
                json.WriteString("gender", EnumName(reader.GetString(1)));
                json.WriteString("birthDate", database.IsPostgres ? reader.GetFieldValue<DateOnly>(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : reader.GetString(2));
                json.WriteString("status", EnumName(reader.GetString(3)));
                if (reader.IsDBNull(4))
                {
                    json.WriteNull("community");
                }
                else
                {
                    json.WriteStartObject("community");
                    json.WriteString("name", reader.GetString(4));
                    json.WriteStartObject("region");
                    json.WriteString("name", reader.GetString(5));
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Stored enum names (PascalCase) as GraphQL.NET prints them: <c>TwoCommitteesFullTime</c> → <c>TWO_COMMITTEES_FULL_TIME</c>.</summary>
    private string EnumName(string stored)
    {
        if (_enumNames.TryGetValue(stored, out var name))
        {
            return name;
        }

        var builder = new System.Text.StringBuilder(stored.Length + 4);
        for (var i = 0; i < stored.Length; i++)
        {
            if (i > 0 && char.IsUpper(stored[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(stored[i]));
        }

        name = builder.ToString();
        _enumNames[stored] = name;
        return name;
    }
}

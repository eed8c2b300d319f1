using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WorkforceGraph.GraphQL.Conventions.Paging;

/// <summary>
/// Keyset cursors: base64 of <c>1|orderHash|[key values as JSON]</c>. The order hash is the first 8 bytes of
/// SHA-256 over the order's canonical text, so cursors survive restarts and replicas and are rejected when
/// the order changes (graphql-conventions.md §5).
/// </summary>
public static class CursorCodec
{
    private const string Version = "1";

    /// <summary>Hash of an effective order (tiebreak included).</summary>
    public static string OrderHash(IReadOnlyList<SortKey> order)
    {
        var canonical = string.Join(',', order.Select(k => k.Name + (k.Descending ? ":DESC" : ":ASC")));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)).AsSpan(0, 8));
    }

    /// <summary>Encodes the key values of one row.</summary>
    public static string Encode(string orderHash, IReadOnlyList<object?> values) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Version}|{orderHash}|{JsonSerializer.Serialize(values)}"));

    /// <summary>Decodes a cursor made under <paramref name="order"/>; false when it is not one.</summary>
    public static bool TryDecode(string cursor, IReadOnlyList<SortKey> order, string orderHash, out object?[] values)
    {
        values = [];
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            var parts = text.Split('|', 3);
            if (parts.Length != 3 || parts[0] != Version || parts[1] != orderHash)
            {
                return false;
            }

            using var document = JsonDocument.Parse(parts[2]);
            if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() != order.Count)
            {
                return false;
            }

            var result = new object?[order.Count];
            var i = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                result[i] = element.Deserialize(order[i].ValueType);
                if (result[i] is null && order[i].ValueType.IsValueType && Nullable.GetUnderlyingType(order[i].ValueType) is null)
                {
                    return false;
                }

                i++;
            }

            values = result;
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            return false;
        }
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace WorkforceGraph.GraphQL.Conventions.NodeIds;

/// <summary>
/// Global object identifiers in HotChocolate's default format: standard padded base64 of the UTF-8 text
/// <c>TypeName:key</c> (graphql-conventions.md §7), e.g. <c>Worker:42</c> → <c>V29ya2VyOjQy</c>.
/// </summary>
public static class NodeId
{
    /// <summary>Encodes a type name and key.</summary>
    public static string Encode(string typeName, string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(typeName + ":" + key));

    /// <summary>Encodes a type name and an integer key (invariant decimal).</summary>
    public static string Encode(string typeName, int key) =>
        Encode(typeName, key.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Decodes an ID into its type name and key text; false when the text is not a well-formed ID.</summary>
    public static bool TryDecode(string? id, [NotNullWhen(true)] out string? typeName, [NotNullWhen(true)] out string? key)
    {
        typeName = key = null;
        if (string.IsNullOrEmpty(id) || id.Length > 512)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[id.Length];
        if (!Convert.TryFromBase64String(id, buffer, out var written))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(buffer[..written]);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        typeName = text[..colon];
        key = text[(colon + 1)..];
        return true;
    }

    /// <summary>Decodes an ID with an integer key.</summary>
    public static bool TryDecodeInt(string? id, [NotNullWhen(true)] out string? typeName, out int key)
    {
        key = 0;
        return TryDecode(id, out typeName, out var text)
            && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out key);
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace WorkforceGraph.GraphQL.Conventions.PersistedOperations;

/// <summary>The id of a persisted operation: the lowercase hex SHA-256 of the document's UTF-8 text.</summary>
public static class OperationId
{
    private const string Sha256Prefix = "sha256:";

    /// <summary>The id of <paramref name="document"/>.</summary>
    public static string Of(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var bytes = Encoding.UTF8.GetBytes(document);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>
    /// Reads an id as a client sends it: 64 hex digits, either case, optionally prefixed <c>sha256:</c> (the
    /// GraphQL-over-HTTP draft's document ids). Anything else is no id (and can never name a file).
    /// </summary>
    public static bool TryNormalize(string? value, [NotNullWhen(true)] out string? id)
    {
        id = null;
        if (value is null)
        {
            return false;
        }

        var span = value.AsSpan();
        if (span.StartsWith(Sha256Prefix, StringComparison.Ordinal))
        {
            span = span[Sha256Prefix.Length..];
        }

        if (span.Length != 64)
        {
            return false;
        }

        foreach (var c in span)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        id = span.ToString().ToLowerInvariant();
        return true;
    }
}

using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using GraphQL.Types;

namespace WorkforceGraph.GraphQL.Conventions.Sdl;

/// <summary>The printed SDL of each schema instance, with its ETag.</summary>
internal sealed class SdlCache
{
    private readonly ConditionalWeakTable<ISchema, SdlDocument> _documents = [];

    public SdlDocument Get(ISchema schema) => _documents.GetValue(schema, static s =>
    {
        var bytes = Encoding.UTF8.GetBytes(SchemaSdlPrinter.Print(s));
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16)) + "\"";
        return new SdlDocument(bytes, etag);
    });
}

internal sealed record SdlDocument(byte[] Utf8, string ETag);

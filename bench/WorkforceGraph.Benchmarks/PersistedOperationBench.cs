using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WorkforceGraph.Benchmarks;

/// <summary>
/// The same dashboard query three ways, sequentially: new text every time (a numbered comment defeats the document
/// cache, so every request is parsed and validated), the same text every time (the validated-document cache), and by id
/// (Apollo's <c>extensions.persistedQuery.sha256Hash</c>, registered once: no text sent, parsed and validated once).
/// </summary>
internal static class PersistedOperationBench
{
    public static async Task<PersistedResult> RunAsync(GraphQLClient client, string query, BenchOptions options, CancellationToken cancellationToken)
    {
        Console.WriteLine("persisted operations: text every time vs cached text vs id ...");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };
        var register = JsonSerializer.SerializeToUtf8Bytes(new { query, extensions });
        var byId = JsonSerializer.SerializeToUtf8Bytes(new { extensions });
        var text = GraphQLClient.Body(query);
        var expected = GraphQLClient.CheckNoErrors(await client.SendAsync(register, cancellationToken: cancellationToken), query)["data"]!.ToJsonString();
        var viaId = GraphQLClient.CheckNoErrors(await client.SendAsync(byId, cancellationToken: cancellationToken), "by id")["data"]!.ToJsonString();
        if (viaId != expected)
        {
            throw new BenchmarkException("the operation sent by id answered other data than its text.");
        }

        var n = 0;
        var fresh = await Measure.SequentialAsync(
            () => client.SendAsync(GraphQLClient.Body(query + "\n# " + (n++).ToString(CultureInfo.InvariantCulture)), cancellationToken: cancellationToken),
            options.Warmup, options.Requests, cancellationToken);
        var cached = await Measure.SequentialAsync(() => client.SendAsync(text, cancellationToken: cancellationToken), options.Warmup, options.Requests, cancellationToken);
        var persisted = await Measure.SequentialAsync(() => client.SendAsync(byId, cancellationToken: cancellationToken), options.Warmup, options.Requests, cancellationToken);
        return new PersistedResult(query, fresh, cached, persisted, text.Length, byId.Length);
    }
}

/// <summary>The dashboard query by new text, by the same text, and by id.</summary>
internal sealed record PersistedResult(string Query, Latency FreshText, Latency CachedText, Latency ById, int TextBodyBytes, int IdBodyBytes);

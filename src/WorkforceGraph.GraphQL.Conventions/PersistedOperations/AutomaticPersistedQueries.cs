using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace WorkforceGraph.GraphQL.Conventions.PersistedOperations;

/// <summary>
/// The texts clients registered by automatic persisted queries (APQ), in memory and bounded by
/// <see cref="PersistedOperationOptions.AutomaticSizeLimit"/> characters: a registration is a cache entry, which a
/// client restores by sending the text again when it gets <c>PersistedQueryNotFound</c>.
/// </summary>
public sealed class AutomaticPersistedQueries : IDisposable
{
    private readonly MemoryCache _cache;

    /// <summary>Creates the registry with its bound from the options.</summary>
    public AutomaticPersistedQueries(IOptions<PersistedOperationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(options.Value.AutomaticSizeLimit, 1) });
    }

    /// <summary>Number of registered texts (for tests).</summary>
    public int Count => _cache.Count;

    /// <summary>The text registered under <paramref name="id"/>, or null.</summary>
    public string? TryGet(string id) => _cache.TryGetValue(id, out string? text) ? text : null;

    /// <summary>Registers <paramref name="text"/> under its id (the caller has checked that they match).</summary>
    public void Register(string id, string text) =>
        _cache.Set(id, text, new MemoryCacheEntryOptions { Size = Math.Max(text.Length, 1) });

    /// <inheritdoc/>
    public void Dispose() => _cache.Dispose();
}

using GraphQL.DataLoader;

namespace WorkforceGraph.GraphQL.Conventions.Batching;

/// <summary>
/// Collects the keys that resolvers of one execution level ask for and fetches them with one call.
/// GraphQL.NET waits on every pending <see cref="IDataLoaderResult"/> of a level only after the whole
/// level has been resolved, so the first wait dispatches the batch for all keys gathered so far.
/// </summary>
/// <typeparam name="TKey">Key type, e.g. a parent's primary key.</typeparam>
/// <typeparam name="TValue">Value per key (a row, or a list of rows for to-many fields).</typeparam>
public sealed class BatchLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _fetch;
    private readonly TValue _missing;
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private readonly List<TKey> _pending = [];
    private readonly HashSet<TKey> _pendingSet = [];
    private readonly List<Task> _inFlight = [];

    /// <summary>Creates a loader.</summary>
    /// <param name="fetch">Fetches many keys in one call; keys absent from the result get <paramref name="missing"/>.</param>
    /// <param name="missing">The value for a key the fetch did not return (null, or an empty list).</param>
    public BatchLoader(Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch, TValue missing)
    {
        _fetch = fetch;
        _missing = missing;
    }

    /// <summary>Number of fetch calls made so far (for tests and diagnostics).</summary>
    public int FetchCount { get; private set; }

    /// <summary>Queues a key and returns a deferred result that GraphQL.NET resolves after the level.</summary>
    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_pending)
        {
            if (!_loaded.ContainsKey(key) && _pendingSet.Add(key))
            {
                _pending.Add(key);
            }
        }

        return new Result(this, key);
    }

    private async Task<TValue> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        Task inFlight;
        lock (_pending)
        {
            if (_loaded.TryGetValue(key, out var done))
            {
                return done;
            }

            if (_pending.Count > 0)
            {
                TKey[] batch = [.. _pending];
                _pending.Clear();
                _pendingSet.Clear();
                FetchCount++;
                _inFlight.Add(RunAsync(batch, cancellationToken));
            }

            // The key is in the batch just started or in one already running.
            inFlight = Task.WhenAll(_inFlight);
        }

        await inFlight.ConfigureAwait(false);
        lock (_pending)
        {
            return _loaded.TryGetValue(key, out var value) ? value : _missing;
        }
    }

    private async Task RunAsync(TKey[] batch, CancellationToken cancellationToken)
    {
        var fetched = await _fetch(batch, cancellationToken).ConfigureAwait(false);
        lock (_pending)
        {
            foreach (var k in batch)
            {
                _loaded[k] = fetched.TryGetValue(k, out var value) ? value : _missing;
            }
        }
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Per-request registry of batch loaders, keyed by a name unique to the field or relation.</summary>
public sealed class BatchLoaderRegistry
{
    private readonly Dictionary<string, object> _loaders = new(StringComparer.Ordinal);

    /// <summary>Returns the loader registered under <paramref name="name"/>, creating it on first use.</summary>
    public BatchLoader<TKey, TValue> GetOrAdd<TKey, TValue>(
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
        TValue missing)
        where TKey : notnull
    {
        lock (_loaders)
        {
            if (!_loaders.TryGetValue(name, out var loader))
            {
                loader = new BatchLoader<TKey, TValue>(fetch, missing);
                _loaders.Add(name, loader);
            }

            return (BatchLoader<TKey, TValue>)loader;
        }
    }
}

/// <summary>Chains batched loads: the second load is queued once the first has resolved, so both stay batched.</summary>
public static class DataLoaderResults
{
    /// <summary>
    /// A result that, once <paramref name="first"/> is resolved, continues with the load <paramref name="next"/>
    /// queues (GraphQL.NET executes a returned <see cref="IDataLoaderResult"/> with the next batch of its level).
    /// </summary>
    public static IDataLoaderResult Then<T>(this IDataLoaderResult<T> first, Func<T, object?> next) => new Chained<T>(first, next);

    private sealed class Chained<T>(IDataLoaderResult<T> first, Func<T, object?> next) : IDataLoaderResult
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default) =>
            next(await first.GetResultAsync(cancellationToken).ConfigureAwait(false));
    }
}

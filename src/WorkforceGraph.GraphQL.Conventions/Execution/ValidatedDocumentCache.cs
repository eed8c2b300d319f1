using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace WorkforceGraph.GraphQL.Conventions.Execution;

/// <summary>
/// Keeps the parsed documents that passed validation, keyed by schema and query text, so a repeated request is
/// neither parsed nor validated again by the spec's rules (which depend on the document and the schema only).
/// On a hit the request runs <see cref="ExecutionOptions.CachedDocumentValidationRules"/> when set, otherwise every
/// rule of <see cref="ExecutionOptions.ValidationRules"/> that is not one of GraphQL.NET's core rules: rules that
/// depend on the request (GET carries queries only, the caller's rights, limits) keep running on every request.
/// Variables and arguments are still coerced on every request. A document is cached only after it executed.
/// </summary>
public sealed class ValidatedDocumentCache : IConfigureExecution, IDisposable
{
    /// <summary>Default bound of the cache: the total length of the cached query texts, in characters.</summary>
    public const long DefaultSizeLimit = 4_000_000;

    /// <summary>
    /// Set to <c>true</c> in <see cref="ExecutionOptions.UserContext"/> to keep the request's document for good (stored
    /// persisted operations: a trusted, finite set), outside the size bound.
    /// </summary>
    public const string PinKey = "wg:pinDocument";

    private static readonly HashSet<IValidationRule> CoreRules = [.. DocumentValidator.CoreRules];

    private readonly MemoryCache _cache;

    /// <summary>Creates a cache bounded to <paramref name="sizeLimit"/> characters of query text.</summary>
    public ValidatedDocumentCache(long sizeLimit = DefaultSizeLimit)
    {
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = sizeLimit });
    }

    /// <inheritdoc/>
    /// <remarks>After GraphQL.NET's own steps (persisted documents), before execution.</remarks>
    public float SortOrder => 200;

    /// <summary>Number of cached documents (for tests).</summary>
    public int Count => _cache.Count;

    /// <inheritdoc/>
    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(next);
        if (options.Document is not null || options.Query is not { } query || options.Schema is not { } schema)
        {
            return await next(options).ConfigureAwait(false);
        }

        var key = new Key(schema, query);
        if (_cache.TryGetValue(key, out GraphQLDocument? cached) && cached is not null)
        {
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules
                ?? [.. (options.ValidationRules ?? DocumentValidator.CoreRules).Where(rule => !CoreRules.Contains(rule))];
            return await next(options).ConfigureAwait(false);
        }

        var result = await next(options).ConfigureAwait(false);
        if (result.Executed && result.Document is { } document)
        {
            var pinned = options.UserContext.TryGetValue(PinKey, out var pin) && pin is true;
            _cache.Set(key, document, pinned
                ? new MemoryCacheEntryOptions { Size = 0, Priority = CacheItemPriority.NeverRemove }
                : new MemoryCacheEntryOptions { Size = Math.Max(query.Length, 1) });
        }

        return result;
    }

    /// <inheritdoc/>
    public void Dispose() => _cache.Dispose();

    private sealed record Key(object Schema, string Query);
}

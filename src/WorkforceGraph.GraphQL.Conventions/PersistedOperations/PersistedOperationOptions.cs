using System.Security.Claims;

namespace WorkforceGraph.GraphQL.Conventions.PersistedOperations;

/// <summary>
/// <c>GraphQL:PersistedOperations</c>: operations sent by id instead of text (trusted documents), and automatic
/// persisted queries (APQ).
/// </summary>
public sealed class PersistedOperationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "GraphQL:PersistedOperations";

    /// <summary>Default bound of the automatic-persisted-query registry: the total length of its texts, in characters.</summary>
    public const long DefaultAutomaticSizeLimit = 4_000_000;

    /// <summary>
    /// Only stored operations run: a request with text is refused (<c>PERSISTED_QUERY_NOT_ALLOWED</c>) and APQ
    /// registration is off, except for callers <see cref="MayRunAnyOperation"/> admits.
    /// </summary>
    public bool Only { get; set; }

    /// <summary>The store: a folder of <c>&lt;sha256&gt;.graphql</c> files (relative to the working directory).</summary>
    public string Directory { get; set; } = "data/operations";

    /// <summary>Bound of the APQ registry, in characters of query text (oldest entries go first).</summary>
    public long AutomaticSizeLimit { get; set; } = DefaultAutomaticSizeLimit;

    /// <summary>Who may still send text under <see cref="Only"/> (set in code by the host, e.g. administrators).</summary>
    public Func<ClaimsPrincipal, bool>? MayRunAnyOperation { get; set; }
}

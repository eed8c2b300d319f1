namespace WorkforceGraph.Data.Audit;

/// <summary>
/// One unmasked read of a worker's sensitive personal information (PIPL art. 28): who read which fields of which
/// worker, when, in which request. Written in the request that read them, before its response leaves the server.
/// The values themselves are never stored here.
/// </summary>
public sealed class PiiReadAudit
{
    public int Id { get; init; }

    /// <summary>When the response was produced (UTC).</summary>
    public required DateTime ReadAt { get; init; }

    /// <summary>The caller's <c>sub</c> claim.</summary>
    public required string Subject { get; init; }

    /// <summary>The caller's role.</summary>
    public required string Role { get; init; }

    /// <summary>The caller's region scope (division-code prefix; empty for national).</summary>
    public required string CallerScope { get; init; }

    /// <summary>The request's trace id, as in the logs.</summary>
    public required string RequestId { get; init; }

    /// <summary>The GraphQL operation name, when the request gave one.</summary>
    public string? OperationName { get; init; }

    /// <summary>The worker whose data were read (no foreign key: the trail outlives the record).</summary>
    public required int WorkerId { get; init; }

    /// <summary>The unmasked fields, comma-separated in schema order (e.g. <c>idNumber,phone</c>).</summary>
    public required string Fields { get; init; }
}

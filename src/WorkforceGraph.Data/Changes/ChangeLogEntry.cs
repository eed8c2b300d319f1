namespace WorkforceGraph.Data.Changes;

/// <summary>The kinds of rows the change log records (the schema's <c>ChangeEntityType</c>).</summary>
public enum ChangeEntityType { Region, Community, Worker, Post, GradeScheme, Training, TrainingRecord, Assessment }

/// <summary>An upsert (created or updated) or a deletion (a tombstone).</summary>
public enum ChangeOperation { Upsert, Delete }

/// <summary>
/// One write to one row, appended in the transaction of the write (art. 9's archive and the integration feed): the
/// change feed pages through these oldest first by <see cref="Id"/>, and <c>Worker.history</c> reads those of one worker.
/// Seeding does not write here; mutations and imports do.
/// </summary>
public sealed class ChangeLogEntry
{
    /// <summary>Position in the feed. Writers append under one lock, so ids commit in order.</summary>
    public long Id { get; init; }

    public required ChangeEntityType EntityType { get; init; }

    /// <summary>The row's primary key (its node id's key); kept after deletion.</summary>
    public required int EntityId { get; init; }

    public required ChangeOperation Operation { get; init; }

    /// <summary>When the write committed (UTC).</summary>
    public required DateTime ChangedAt { get; init; }

    /// <summary>
    /// The division code the row belongs to for region scope (a region's or community's code; a worker's community of
    /// record; a post's or assessment's community; a training's organizer). Empty for rows everyone sees (national
    /// courses); null for rows only national callers see (a worker without a community).
    /// </summary>
    public string? ScopeCode { get; init; }

    /// <summary>The worker the row belongs to (the worker, or a post, training record or assessment of theirs).</summary>
    public int? WorkerId { get; init; }

    /// <summary>The writer's <c>sub</c> claim (or <c>import</c> for the command line).</summary>
    public required string Actor { get; init; }

    /// <summary>
    /// The fields written, as a JSON object of field name to new value (all fields on creation, the changed ones on
    /// update, none on deletion). ID numbers and phones are stored masked: the archive shows that they changed, never
    /// their values.
    /// </summary>
    public string? Fields { get; init; }
}

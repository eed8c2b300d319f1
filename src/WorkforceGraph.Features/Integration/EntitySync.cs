using WorkforceGraph.Data;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Data.Regions;

namespace WorkforceGraph.Features.Integration;

/// <summary>Who writes: the <c>sub</c> recorded in the change log, and the region the writer may write in.</summary>
public sealed record Writer(string Actor, RegionScope Scope);

/// <summary>A valid record of a batch with its position in the input.</summary>
public readonly record struct Indexed<T>(int Index, T Value);

/// <summary>
/// The batch writes of one entity (graphql-conventions.md §8, domain.md "Batch writes"): how a record is checked on its
/// own, what its natural key is, and how the valid records of a batch are matched against the database and written.
/// The generic <see cref="BatchWriter"/> does the rest: limits, duplicates, the transaction, the outcome counts and the
/// change log.
/// </summary>
/// <typeparam name="TInput">The input record (the GraphQL input type and a line of an import file).</typeparam>
/// <typeparam name="TKey">The natural-key input of a deletion.</typeparam>
/// <typeparam name="TEntity">The stored row.</typeparam>
public abstract class EntitySync<TInput, TKey, TEntity>
    where TInput : class
    where TKey : class
    where TEntity : class
{
    /// <summary>The change log's name for the entity.</summary>
    public abstract ChangeEntityType EntityType { get; }

    /// <summary>Checks one record on its own (formats, required fields, ranges, dates in order): no database.</summary>
    public abstract void Validate(TInput input, RecordCheck check);

    /// <summary>The natural key of a record that passed <see cref="Validate"/>, as text (duplicates in a batch).</summary>
    public abstract string KeyOf(TInput input);

    /// <summary>Checks one deletion key on its own.</summary>
    public abstract void ValidateKey(TKey key, RecordCheck check);

    /// <summary>The natural key of a deletion that passed <see cref="ValidateKey"/>, as text.</summary>
    public abstract string KeyOf(TKey key);

    /// <summary>
    /// Matches the valid records against the database and writes them through <see cref="UpsertBatch{TInput,TEntity}.Db"/>
    /// in input order: each record ends as <see cref="UpsertBatch{TInput,TEntity}.Written"/> or rejected through
    /// <see cref="UpsertBatch{TInput,TEntity}.Check"/>. A record is checked completely before anything of it is applied.
    /// </summary>
    public abstract Task UpsertAsync(UpsertBatch<TInput, TEntity> batch, CancellationToken cancellationToken);

    /// <summary>Removes the rows the keys name (and their dependants the domain deletes with them), or reports why not.</summary>
    public abstract Task DeleteAsync(DeleteBatch<TKey, TEntity> batch, CancellationToken cancellationToken);
}

/// <summary>The valid records of one upsert call, with the context that writes them.</summary>
public sealed class UpsertBatch<TInput, TEntity>
    where TEntity : class
{
    private readonly List<RecordError> _errors;

    internal UpsertBatch(WorkforceDbContext db, IReadOnlyList<Indexed<TInput>> records, Writer writer, DateOnly today, List<RecordError> errors)
    {
        Db = db;
        Records = records;
        Writer = writer;
        Today = today;
        _errors = errors;
    }

    /// <summary>The writing context (national scope: write scope is checked by the sync, explicitly).</summary>
    public WorkforceDbContext Db { get; }

    public IReadOnlyList<Indexed<TInput>> Records { get; }

    public Writer Writer { get; }

    public RegionScope Scope => Writer.Scope;

    public DateOnly Today { get; }

    internal List<(int Index, TEntity Entity, bool ChildrenChanged, RowOutcome Outcome)> Results { get; } = [];

    /// <summary>The checks of the record at <paramref name="index"/>, to reject it.</summary>
    public RecordCheck Check(int index) => new(index, _errors);

    /// <summary>
    /// The record at <paramref name="index"/> was applied to <paramref name="entity"/> (added or tracked); whether it
    /// was created, updated or unchanged is read from the change tracker, or forced by <paramref name="childrenChanged"/>
    /// when only owned child rows changed.
    /// </summary>
    public void Written(int index, TEntity entity, bool childrenChanged = false) => Results.Add((index, entity, childrenChanged, RowOutcome.Tracked));

    /// <summary>
    /// The record at <paramref name="index"/> is a new row, <paramref name="entity"/>, not tracked: the writer inserts
    /// it (a prepared statement where the provider allows, else through the context) with its change-log entry, and
    /// sets its key. Only for a row that stands alone: nothing else in the batch points at it.
    /// </summary>
    public void Created(int index, TEntity entity) => Results.Add((index, entity, false, RowOutcome.Created));

    /// <summary>
    /// The record at <paramref name="index"/> equals the stored row <paramref name="entity"/> (read untracked and
    /// compared by the sync): nothing is written and nothing logged for it.
    /// </summary>
    public void Unchanged(int index, TEntity entity) => Results.Add((index, entity, false, RowOutcome.Unchanged));
}

/// <summary>How a record of a batch ended: read from the change tracker, or said by the sync.</summary>
internal enum RowOutcome
{
    /// <summary>Added or tracked: the change tracker says whether it was created, updated or unchanged.</summary>
    Tracked,

    /// <summary>A new untracked row, inserted by the writer.</summary>
    Created,

    /// <summary>An untracked stored row the record equals.</summary>
    Unchanged,
}

/// <summary>The valid keys of one delete call, with the context that removes them.</summary>
public sealed class DeleteBatch<TKey, TEntity>
    where TEntity : class
{
    private readonly List<RecordError> _errors;

    internal DeleteBatch(WorkforceDbContext db, IReadOnlyList<Indexed<TKey>> records, Writer writer, List<RecordError> errors)
    {
        Db = db;
        Records = records;
        Writer = writer;
        _errors = errors;
    }

    public WorkforceDbContext Db { get; }

    public IReadOnlyList<Indexed<TKey>> Records { get; }

    public Writer Writer { get; }

    public RegionScope Scope => Writer.Scope;

    internal List<(int Index, TEntity Entity)> Deleted { get; } = [];

    internal int Absent { get; private set; }

    public RecordCheck Check(int index) => new(index, _errors);

    /// <summary>The row a key named was removed (with <c>Db.Remove</c>; dependants removed explicitly, so they get tombstones).</summary>
    public void Removed(int index, TEntity entity) => Deleted.Add((index, entity));

    /// <summary>
    /// No row the caller can see has this key: already deleted, never there, or outside the caller's region (the same
    /// answer, so deletes are idempotent and no oracle). Counted as unchanged.
    /// </summary>
    public void NotFound(int index) => Absent++;
}

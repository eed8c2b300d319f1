using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkforceGraph.Data;
using WorkforceGraph.Features.Common;

namespace WorkforceGraph.Features.Integration;

/// <summary><c>Limits:MaxBatchRecords</c> (graphql-conventions.md §2): records per upsert or delete call.</summary>
public sealed class BatchOptions
{
    public int MaxBatchRecords { get; set; } = 1_000;
}

/// <summary>The outcome of one upsert call: the written rows in input order, the counts and the rejected records.</summary>
public sealed record UpsertResult<TEntity>(IReadOnlyList<TEntity> Written, int Created, int Updated, int Unchanged, IReadOnlyList<RecordError> Errors);

/// <summary>The outcome of one delete call.</summary>
public sealed record DeleteResult(IReadOnlyList<int> DeletedIds, int Deleted, int Unchanged, IReadOnlyList<RecordError> Errors);

/// <summary>A whole call refused before anything was written (more records than the limit).</summary>
public sealed class BatchRefusedException(string code, string message) : Exception(message)
{
    public string Code => code;
}

/// <summary>
/// Writes batches (graphql-conventions.md §8): each record is checked on its own, later duplicates of a natural key are
/// rejected, and the valid records are written in one transaction together with their change-log entries. Batches are
/// written one at a time per process (and SQLite's immediate transactions serialize processes), so change-log ids
/// commit in order and a feed reader never skips a change.
/// </summary>
public sealed class BatchWriter(IDbContextFactory<WorkforceDbContext> factory, WorkforceClock clock, TimeProvider time, IOptions<BatchOptions> options)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public int MaxBatchRecords => options.Value.MaxBatchRecords;

    public async Task<UpsertResult<TEntity>> UpsertAsync<TInput, TKey, TEntity>(
        EntitySync<TInput, TKey, TEntity> sync, IReadOnlyList<TInput> inputs, Writer writer, CancellationToken cancellationToken)
        where TInput : class
        where TKey : class
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(writer);
        CheckLimit(inputs.Count);
        var errors = new List<RecordError>();
        var valid = Screen(inputs, errors, sync.Validate, sync.KeyOf);

        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var db = await WritingContextAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await BeginSerializedAsync(db, cancellationToken).ConfigureAwait(false);
            var batch = new UpsertBatch<TInput, TEntity>(db, valid, writer, clock.Today, errors);
            if (valid.Count > 0)
            {
                await sync.UpsertAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            // Only what the sync tracked is scanned: rows it created or found unchanged untracked are counted as it said.
            db.ChangeTracker.DetectChanges();
            int created = 0, updated = 0, unchanged = 0;
            var inserts = new List<object>();
            foreach (var (_, entity, childrenChanged, outcome) in batch.Results)
            {
                switch (outcome)
                {
                    case RowOutcome.Created:
                        created++;
                        inserts.Add(entity);
                        continue;
                    case RowOutcome.Unchanged:
                        unchanged++;
                        continue;
                }

                switch (db.Entry(entity).State)
                {
                    case EntityState.Added:
                        created++;
                        break;
                    case EntityState.Modified:
                        updated++;
                        break;
                    default:
                        if (childrenChanged)
                        {
                            updated++;
                        }
                        else
                        {
                            unchanged++;
                        }

                        break;
                }
            }

            await ChangeRecorder.SaveWithChangesAsync(db, writer.Actor, time.GetUtcNow().UtcDateTime, batch.Results.Where(r => r.ChildrenChanged).Select(r => (object)r.Entity), cancellationToken, detected: true, inserts).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            errors.Sort((a, b) => a.Index.CompareTo(b.Index));
            return new UpsertResult<TEntity>([.. batch.Results.OrderBy(r => r.Index).Select(r => r.Entity)], created, updated, unchanged, errors);
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task<DeleteResult> DeleteAsync<TInput, TKey, TEntity>(
        EntitySync<TInput, TKey, TEntity> sync, IReadOnlyList<TKey> keys, Writer writer, CancellationToken cancellationToken)
        where TInput : class
        where TKey : class
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(writer);
        CheckLimit(keys.Count);
        var errors = new List<RecordError>();
        var valid = Screen(keys, errors, sync.ValidateKey, sync.KeyOf);

        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var db = await WritingContextAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await BeginSerializedAsync(db, cancellationToken).ConfigureAwait(false);
            var batch = new DeleteBatch<TKey, TEntity>(db, valid, writer, errors);
            if (valid.Count > 0)
            {
                await sync.DeleteAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            var ids = batch.Deleted.OrderBy(d => d.Index).Select(d => (int)db.Entry(d.Entity).Property("Id").CurrentValue!).ToList();
            await ChangeRecorder.SaveWithChangesAsync(db, writer.Actor, time.GetUtcNow().UtcDateTime, [], cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            errors.Sort((a, b) => a.Index.CompareTo(b.Index));
            return new DeleteResult(ids, ids.Count, batch.Absent, errors);
        }
        finally
        {
            Gate.Release();
        }
    }

    // Reads track by default here: the writes are the tracked changes, and the change log is read from them. Changes
    // are detected once, explicitly, after the sync has applied the batch (each automatic scan of every tracked row
    // cost as much as the inserts); syncs only add, remove and assign, which needs no detection in between.
    private async Task<WorkforceDbContext> WritingContextAsync(CancellationToken cancellationToken)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db;
    }

    // One batch writes at a time across processes too, so change-log ids commit in order: SQLite's transactions are
    // BEGIN IMMEDIATE (one writer per file); on PostgreSQL, where sequence values can commit out of order, every batch
    // takes the same transaction-scoped advisory lock before it writes.
    private static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginSerializedAsync(WorkforceDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7201707)", cancellationToken).ConfigureAwait(false);
        }

        return transaction;
    }

    private void CheckLimit(int count)
    {
        if (count > MaxBatchRecords)
        {
            throw new BatchRefusedException(RecordCodes.LimitExceeded, $"A batch takes at most {MaxBatchRecords:N0} records; this one has {count:N0}. Nothing was written.");
        }
    }

    // Checks each record on its own, then rejects later occurrences of a natural key.
    private static List<Indexed<T>> Screen<T>(IReadOnlyList<T> inputs, List<RecordError> errors, Action<T, RecordCheck> validate, Func<T, string> keyOf)
        where T : class
    {
        var valid = new List<Indexed<T>>(inputs.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var check = new RecordCheck(i, errors);
            if (inputs[i] is not { } input)
            {
                check.Fail(RecordCodes.InvalidValue, null, "The record is empty.");
                continue;
            }

            validate(input, check);
            if (check.Failed)
            {
                continue;
            }

            var key = keyOf(input);
            if (seen.TryGetValue(key, out var first))
            {
                check.Fail(RecordCodes.DuplicateInBatch, null, $"The same natural key already occurred at index {first} of this batch.");
                continue;
            }

            seen[key] = i;
            valid.Add(new Indexed<T>(i, input));
        }

        return valid;
    }
}

using Mapster;
using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Integration;
using WorkforceGraph.Features.Workers;

namespace WorkforceGraph.Features.Training;

/// <summary>
/// Batch writes of training records, matched by worker ID number + training code. The worker must be the caller's
/// (otherwise UNKNOWN_WORKER) and the programme visible to the caller — national, or organized within the caller's
/// region or by a region above it, as the <c>Training</c> query filter says (otherwise UNKNOWN_TRAINING).
/// </summary>
public sealed class TrainingRecordSync : EntitySync<TrainingRecordInput, TrainingRecordKeyInput, TrainingRecord>
{
    /// <summary>The input-to-entity mapping (Mapster), compiled once.</summary>
    public static readonly TypeAdapterConfig Mapping = CreateMapping();

    public override ChangeEntityType EntityType => ChangeEntityType.TrainingRecord;

    public override void Validate(TrainingRecordInput input, RecordCheck check)
    {
        CheckKey(input.WorkerIdNumber, input.TrainingCode, check);
        if (check.Required(input.Hours, "hours"))
        {
            check.Range(input.Hours, 0, TrainingSync.MaxHours, "hours");
        }

        check.Required(input.Passed, "passed");
    }

    public override string KeyOf(TrainingRecordInput input) => Key(input.WorkerIdNumber!, input.TrainingCode!);

    public override void ValidateKey(TrainingRecordKeyInput key, RecordCheck check) => CheckKey(key.WorkerIdNumber, key.TrainingCode, check);

    public override string KeyOf(TrainingRecordKeyInput key) => Key(key.WorkerIdNumber!, key.TrainingCode!);

    public override async Task UpsertAsync(UpsertBatch<TrainingRecordInput, TrainingRecord> batch, CancellationToken cancellationToken)
    {
        var db = batch.Db;
        var workers = await SyncLookups.WorkersAsync(db, batch.Records.Select(r => r.Value.WorkerIdNumber), cancellationToken).ConfigureAwait(false);
        var trainings = await SyncLookups.TrainingsAsync(db, batch.Records.Select(r => r.Value.TrainingCode), cancellationToken).ConfigureAwait(false);
        var existing = await RecordsAsync(db, workers.Values.Select(w => w.Id), trainings.Values.Select(t => t.Id), cancellationToken).ConfigureAwait(false);

        foreach (var (index, input) in batch.Records)
        {
            var check = batch.Check(index);
            var worker = SyncLookups.WorkerInScope(workers, input.WorkerIdNumber!, batch.Scope);
            if (worker is null)
            {
                check.Fail(RecordCodes.UnknownWorker, "workerIdNumber", "No worker with this ID number in your region.");
            }

            if (!trainings.TryGetValue(input.TrainingCode!, out var training) || !SyncLookups.TrainingVisible(training, batch.Scope))
            {
                check.Fail(RecordCodes.UnknownTraining, "trainingCode", $"No training programme {input.TrainingCode} for your region.");
                training = null;
            }

            if (worker is null || training is null)
            {
                continue;
            }

            if (!existing.TryGetValue((worker.Id, training.Id), out var record))
            {
                record = new TrainingRecord { WorkerId = worker.Id, TrainingId = training.Id };
                input.Adapt(record, Mapping);
                db.TrainingRecords.Add(record);
                existing[(worker.Id, training.Id)] = record;
            }
            else
            {
                input.Adapt(record, Mapping);
            }

            batch.Written(index, record);
        }
    }

    public override async Task DeleteAsync(DeleteBatch<TrainingRecordKeyInput, TrainingRecord> batch, CancellationToken cancellationToken)
    {
        var db = batch.Db;
        var workers = await SyncLookups.WorkersAsync(db, batch.Records.Select(r => r.Value.WorkerIdNumber), cancellationToken).ConfigureAwait(false);
        var trainings = await SyncLookups.TrainingsAsync(db, batch.Records.Select(r => r.Value.TrainingCode), cancellationToken).ConfigureAwait(false);
        var existing = await RecordsAsync(db, workers.Values.Select(w => w.Id), trainings.Values.Select(t => t.Id), cancellationToken).ConfigureAwait(false);
        foreach (var (index, key) in batch.Records)
        {
            var worker = SyncLookups.WorkerInScope(workers, key.WorkerIdNumber!, batch.Scope);
            if (worker is null
                || !trainings.TryGetValue(key.TrainingCode!, out var training) || !SyncLookups.TrainingVisible(training, batch.Scope)
                || !existing.Remove((worker.Id, training.Id), out var record))
            {
                batch.NotFound(index);
                continue;
            }

            db.TrainingRecords.Remove(record);
            batch.Removed(index, record);
        }
    }

    private static void CheckKey(string? idNumber, string? trainingCode, RecordCheck check)
    {
        WorkerSync.ValidateIdNumber(idNumber, check, out _, "workerIdNumber");
        TrainingSync.CheckCode(trainingCode, "trainingCode", check);
    }

    private static string Key(string idNumber, string trainingCode) => $"{IdNumber.Parse(idNumber).Unmasked}|{trainingCode}";

    // The records of these workers in these programmes, by (worker id, training id).
    private static async Task<Dictionary<(int WorkerId, int TrainingId), TrainingRecord>> RecordsAsync(
        Data.WorkforceDbContext db, IEnumerable<int> workerIds, IEnumerable<int> trainingIds, CancellationToken cancellationToken)
    {
        var workers = workerIds.Distinct().ToList();
        var trainings = trainingIds.Distinct().ToList();
        return workers.Count == 0 || trainings.Count == 0
            ? []
            : await db.TrainingRecords.Where(r => workers.Contains(r.WorkerId) && trainings.Contains(r.TrainingId))
                .ToDictionaryAsync(r => (r.WorkerId, r.TrainingId), cancellationToken).ConfigureAwait(false);
    }

    private static TypeAdapterConfig CreateMapping()
    {
        var config = new TypeAdapterConfig();
        config.NewConfig<TrainingRecordInput, TrainingRecord>()
            .Ignore(r => r.Id, r => r.WorkerId, r => r.Worker!, r => r.TrainingId, r => r.Training!)
            .Map(r => r.CompletedOn, i => i.CompletedOn)
            .Map(r => r.Hours, i => i.Hours!.Value)
            .Map(r => r.Passed, i => i.Passed!.Value);
        config.Compile();
        return config;
    }
}

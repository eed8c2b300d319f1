using Mapster;
using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Features.Integration;
using TrainingEntity = WorkforceGraph.Data.Trainings.Training;

namespace WorkforceGraph.Features.Training;

/// <summary>
/// Batch writes of training programmes, matched by code. A programme is written by its organizer's region: the
/// organizer must be a region within the writer's scope (national programmes, without an organizer, by national
/// writers only). A programme with training records is not deleted (IN_USE): delete the records first.
/// </summary>
public sealed class TrainingSync : EntitySync<TrainingInput, TrainingKeyInput, TrainingEntity>
{
    /// <summary>Upper bound of a programme's class hours (and of a record's hours).</summary>
    public const decimal MaxHours = 10_000m;

    /// <summary>The input-to-entity mapping (Mapster), compiled once.</summary>
    public static readonly TypeAdapterConfig Mapping = CreateMapping();

    public override ChangeEntityType EntityType => ChangeEntityType.Training;

    public override void Validate(TrainingInput input, RecordCheck check)
    {
        CheckCode(input.Code, "code", check);
        if (check.Required(input.Title, "title"))
        {
            check.MaxLength(input.Title, 200, "title");
        }

        check.Required(input.Level, "level");
        check.Required(input.Kind, "kind");
        check.Required(input.Mode, "mode");
        if (input.OrganizerCode is { } organizer && !(DivisionCode.TryParse(organizer, out var parsed, out var error) && parsed.Level != DivisionLevel.Village))
        {
            check.Fail(RecordCodes.InvalidDivisionCode, "organizerCode", error ?? "An organizer is a province, prefecture, county or township, not a community.");
        }

        check.Required(input.StartDate, "startDate");
        if (check.Required(input.EndDate, "endDate") && input.StartDate is { } start && input.EndDate < start)
        {
            check.Fail(RecordCodes.InvalidValue, "endDate", "`endDate` is before `startDate`.");
        }

        if (check.Required(input.Hours, "hours") && input.Hours is <= 0 or > MaxHours)
        {
            check.Fail(RecordCodes.InvalidValue, "hours", $"`hours` is more than 0 and at most {MaxHours:N0}.");
        }
    }

    public override string KeyOf(TrainingInput input) => input.Code!;

    public override void ValidateKey(TrainingKeyInput key, RecordCheck check) => CheckCode(key.Code, "code", check);

    public override string KeyOf(TrainingKeyInput key) => key.Code!;

    public override async Task UpsertAsync(UpsertBatch<TrainingInput, TrainingEntity> batch, CancellationToken cancellationToken)
    {
        var db = batch.Db;
        var existing = await SyncLookups.TrainingsAsync(db, batch.Records.Select(r => r.Value.Code), cancellationToken).ConfigureAwait(false);
        var codes = batch.Records.Select(r => r.Value.OrganizerCode).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var organizers = codes.Count == 0
            ? new Dictionary<string, Region>(StringComparer.Ordinal)
            : await db.Regions.Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

        foreach (var (index, input) in batch.Records)
        {
            var check = batch.Check(index);
            existing.TryGetValue(input.Code!, out var training);
            if (training is not null && !SyncLookups.TrainingWritable(training, batch.Scope))
            {
                check.Fail(RecordCodes.OutOfScope, "code", $"Programme {input.Code} is organized outside your region; only its organizer's region writes it.");
                continue;
            }

            Region? organizer = null;
            if (input.OrganizerCode is not { } code)
            {
                if (!batch.Scope.IsNational)
                {
                    check.Fail(RecordCodes.OutOfScope, "organizerCode", "A national programme (no organizer) is written by national callers only: give `organizerCode`.");
                    continue;
                }
            }
            else if (!batch.Scope.Contains(code))
            {
                check.Fail(RecordCodes.OutOfScope, "organizerCode", $"Region {code} is outside your region.");
                continue;
            }
            else if (!organizers.TryGetValue(code, out organizer))
            {
                check.Fail(RecordCodes.UnknownRegion, "organizerCode", $"No region {code}.");
                continue;
            }

            if (training is null)
            {
                training = new TrainingEntity { Code = input.Code!, Title = input.Title! };
                input.Adapt(training, Mapping);
                training.OrganizerId = organizer?.Id;
                db.Trainings.Add(training);
                existing[training.Code] = training;
            }
            else
            {
                input.Adapt(training, Mapping);
                training.OrganizerId = organizer?.Id;
            }

            batch.Written(index, training);
        }
    }

    public override async Task DeleteAsync(DeleteBatch<TrainingKeyInput, TrainingEntity> batch, CancellationToken cancellationToken)
    {
        var db = batch.Db;
        var trainings = await SyncLookups.TrainingsAsync(db, batch.Records.Select(r => r.Value.Code), cancellationToken).ConfigureAwait(false);
        var ids = trainings.Values.Select(t => t.Id).ToList();
        var used = ids.Count == 0
            ? []
            : (await db.TrainingRecords.Where(r => ids.Contains(r.TrainingId)).Select(r => r.TrainingId).Distinct()
                .ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        foreach (var (index, key) in batch.Records)
        {
            if (!trainings.TryGetValue(key.Code!, out var training) || !SyncLookups.TrainingVisible(training, batch.Scope))
            {
                batch.NotFound(index);
                continue;
            }

            if (!SyncLookups.TrainingWritable(training, batch.Scope))
            {
                batch.Check(index).Fail(RecordCodes.OutOfScope, "code", $"Programme {key.Code} is organized outside your region; only its organizer's region deletes it.");
                continue;
            }

            if (used.Contains(training.Id))
            {
                batch.Check(index).Fail(RecordCodes.InUse, "code", $"Programme {key.Code} has training records: delete them first.");
                continue;
            }

            db.Trainings.Remove(training);
            batch.Removed(index, training);
        }
    }

    /// <summary>Checks a programme code: required, at most 40 characters.</summary>
    internal static void CheckCode(string? code, string field, RecordCheck check)
    {
        if (check.Required(code, field))
        {
            check.MaxLength(code, 40, field);
        }
    }

    private static TypeAdapterConfig CreateMapping()
    {
        var config = new TypeAdapterConfig();
        config.NewConfig<TrainingInput, TrainingEntity>()
            .Ignore(t => t.Id, t => t.Code, t => t.OrganizerId!, t => t.Organizer!, t => t.Records)
            .Map(t => t.Level, i => i.Level!.Value)
            .Map(t => t.Kind, i => i.Kind!.Value)
            .Map(t => t.Mode, i => i.Mode!.Value)
            .Map(t => t.StartDate, i => i.StartDate!.Value)
            .Map(t => t.EndDate, i => i.EndDate!.Value)
            .Map(t => t.Hours, i => i.Hours!.Value);
        config.Compile();
        return config;
    }
}

using System.Globalization;
using Mapster;
using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Integration;
using WorkforceGraph.Features.Workers;

namespace WorkforceGraph.Features.Assessments;

/// <summary>
/// Batch writes of yearly assessments, matched by worker ID number + year. The worker must be the caller's (otherwise
/// UNKNOWN_WORKER) and the assessment unit a community within the caller's region. Scores are 0–100; the assessment is
/// made in its year or the next (year-end assessments are often concluded in January).
/// </summary>
public sealed class AssessmentSync : EntitySync<AssessmentInput, AssessmentKeyInput, Assessment>
{
    /// <summary>The years an assessment may be for.</summary>
    public const int MinYear = 1950;

    public const int MaxYear = 2100;

    /// <summary>The input-to-entity mapping (Mapster), compiled once.</summary>
    public static readonly TypeAdapterConfig Mapping = CreateMapping();

    public override ChangeEntityType EntityType => ChangeEntityType.Assessment;

    public override void Validate(AssessmentInput input, RecordCheck check)
    {
        CheckKey(input.WorkerIdNumber, input.Year, check);
        if (check.Required(input.CommunityCode, "communityCode"))
        {
            WorkerSync.ValidateCommunityCode(input.CommunityCode!, "communityCode", check);
        }

        check.Required(input.Result, "result");
        check.Range(input.PoliticalScore, 0, 100, "politicalScore");
        check.Range(input.PerformanceScore, 0, 100, "performanceScore");
        check.Range(input.ResidentSatisfaction, 0, 100, "residentSatisfaction");
        if (check.Required(input.AssessedOn, "assessedOn") && input.Year is >= MinYear and <= MaxYear && input.AssessedOn!.Value.Year is var on
            && (on < input.Year || on > input.Year + 1))
        {
            check.Fail(RecordCodes.InvalidValue, "assessedOn", "`assessedOn` is in the assessment's `year` or the next.");
        }
    }

    public override string KeyOf(AssessmentInput input) => Key(input.WorkerIdNumber!, input.Year!.Value);

    public override void ValidateKey(AssessmentKeyInput key, RecordCheck check) => CheckKey(key.WorkerIdNumber, key.Year, check);

    public override string KeyOf(AssessmentKeyInput key) => Key(key.WorkerIdNumber!, key.Year!.Value);

    public override async Task UpsertAsync(UpsertBatch<AssessmentInput, Assessment> batch, CancellationToken cancellationToken)
    {
        var db = batch.Db;
        var workers = await SyncLookups.WorkersAsync(db, batch.Records.Select(r => r.Value.WorkerIdNumber), cancellationToken).ConfigureAwait(false);
        var communities = await WorkerSync.CommunitiesAsync(db, batch.Records.Select(r => r.Value.CommunityCode), cancellationToken).ConfigureAwait(false);
        var existing = await AssessmentsAsync(db, workers.Values.Select(w => w.Id), batch.Records.Select(r => r.Value.Year!.Value), cancellationToken).ConfigureAwait(false);

        foreach (var (index, input) in batch.Records)
        {
            var check = batch.Check(index);
            var (worker, community) = SyncLookups.WorkerAndCommunity(check, workers, communities, input.WorkerIdNumber!, input.CommunityCode!, batch.Scope);
            if (worker is null || community is null)
            {
                continue;
            }

            var year = input.Year!.Value;
            if (!existing.TryGetValue((worker.Id, year), out var assessment))
            {
                assessment = new Assessment { WorkerId = worker.Id, Year = year };
                db.Assessments.Add(assessment);
                existing[(worker.Id, year)] = assessment;
            }

            input.Adapt(assessment, Mapping);
            assessment.CommunityId = community.Id;
            batch.Written(index, assessment);
        }
    }

    public override async Task DeleteAsync(DeleteBatch<AssessmentKeyInput, Assessment> batch, CancellationToken cancellationToken)
    {
        var db = batch.Db;
        var workers = await SyncLookups.WorkersAsync(db, batch.Records.Select(r => r.Value.WorkerIdNumber), cancellationToken).ConfigureAwait(false);
        var existing = await AssessmentsAsync(db, workers.Values.Select(w => w.Id), batch.Records.Select(r => r.Value.Year!.Value), cancellationToken).ConfigureAwait(false);
        foreach (var (index, key) in batch.Records)
        {
            var worker = SyncLookups.WorkerInScope(workers, key.WorkerIdNumber!, batch.Scope);
            if (worker is null || !existing.TryGetValue((worker.Id, key.Year!.Value), out var assessment) || !WorkerSync.InScope(batch.Scope, assessment.Community!.Code))
            {
                batch.NotFound(index);
                continue;
            }

            existing.Remove((worker.Id, key.Year!.Value));
            db.Assessments.Remove(assessment);
            batch.Removed(index, assessment);
        }
    }

    private static void CheckKey(string? idNumber, int? year, RecordCheck check)
    {
        WorkerSync.ValidateIdNumber(idNumber, check, out _, "workerIdNumber");
        if (check.Required(year, "year") && year is < MinYear or > MaxYear)
        {
            check.Fail(RecordCodes.InvalidValue, "year", $"`year` is between {MinYear} and {MaxYear}.");
        }
    }

    private static string Key(string idNumber, int year) => $"{IdNumber.Parse(idNumber).Unmasked}|{year.ToString(CultureInfo.InvariantCulture)}";

    // The assessments of these workers in these years, with their unit, by (worker id, year).
    private static async Task<Dictionary<(int WorkerId, int Year), Assessment>> AssessmentsAsync(
        Data.WorkforceDbContext db, IEnumerable<int> workerIds, IEnumerable<int> years, CancellationToken cancellationToken)
    {
        var workers = workerIds.Distinct().ToList();
        var wanted = years.Distinct().ToList();
        return workers.Count == 0
            ? []
            : await db.Assessments.Include(a => a.Community).Where(a => workers.Contains(a.WorkerId) && wanted.Contains(a.Year))
                .ToDictionaryAsync(a => (a.WorkerId, a.Year), cancellationToken).ConfigureAwait(false);
    }

    private static TypeAdapterConfig CreateMapping()
    {
        var config = new TypeAdapterConfig();
        config.NewConfig<AssessmentInput, Assessment>()
            .Ignore(a => a.Id, a => a.WorkerId, a => a.Worker!, a => a.Year, a => a.CommunityId, a => a.Community!)
            .Map(a => a.Result, i => i.Result!.Value)
            .Map(a => a.PoliticalScore, i => i.PoliticalScore)
            .Map(a => a.PerformanceScore, i => i.PerformanceScore)
            .Map(a => a.ResidentSatisfaction, i => i.ResidentSatisfaction)
            .Map(a => a.AssessedOn, i => i.AssessedOn!.Value);
        config.Compile();
        return config;
    }
}

using Mapster;
using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Integration;

namespace WorkforceGraph.Features.Workers;

/// <summary>
/// Batch writes of workers, matched by ID number. A worker is the caller's to write when their community of record is
/// in the caller's region, before and after the write. A worker updated to LEFT has their current posts ended
/// (domain.md "Batch writes"); <c>deleteWorkers</c> removes a record entered in error with its posts, training records
/// and assessments.
/// </summary>
public sealed class WorkerSync : EntitySync<WorkerInput, WorkerKeyInput, Worker>
{
    /// <summary>The input-to-entity mapping (Mapster), compiled once.</summary>
    public static readonly TypeAdapterConfig Mapping = CreateMapping();

    public override ChangeEntityType EntityType => ChangeEntityType.Worker;

    public override void Validate(WorkerInput input, RecordCheck check)
    {
        ValidateIdNumber(input.IdNumber, check, out var id);
        if (check.Required(input.Name, "name"))
        {
            check.MaxLength(input.Name, 50, "name");
        }

        check.Required(input.Gender, "gender");
        check.Required(input.BirthDate, "birthDate");
        if (id is { } idNumber && input.BirthDate is { } birth && idNumber.BirthDate != birth)
        {
            check.Fail(RecordCodes.IdNumberMismatch, "birthDate", "`birthDate` differs from the birth date in the ID number.");
        }

        if (id is { } idNumber2 && input.Gender is { } gender && idNumber2.Gender != gender)
        {
            check.Fail(RecordCodes.IdNumberMismatch, "gender", "`gender` differs from the sex encoded in the ID number.");
        }

        if (input.Phone is { } phone && (phone.Length is < 5 or > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+')))
        {
            check.Fail(RecordCodes.InvalidValue, "phone", "`phone` has 5 to 20 digits, '-' or '+'.");
        }

        if (check.Required(input.Ethnicity, "ethnicity"))
        {
            check.MaxLength(input.Ethnicity, 20, "ethnicity");
        }

        check.Required(input.PoliticalStatus, "politicalStatus");
        check.Required(input.Education, "education");
        check.Required(input.EmploymentType, "employmentType");
        check.Required(input.Status, "status");
        if (check.Required(input.CommunityWorkStartDate, "communityWorkStartDate") && input.BirthDate is { } born
            && input.CommunityWorkStartDate < born.AddYears(16))
        {
            check.Fail(RecordCodes.InvalidValue, "communityWorkStartDate", "`communityWorkStartDate` is before the worker's 16th birthday.");
        }

        if (check.Required(input.HiredOn, "hiredOn") && input.CommunityWorkStartDate is { } start && input.HiredOn < start)
        {
            check.Fail(RecordCodes.InvalidValue, "hiredOn", "`hiredOn` is before `communityWorkStartDate`.");
        }

        if (input.CommunityCode is not null)
        {
            ValidateCommunityCode(input.CommunityCode, "communityCode", check);
        }
    }

    public override string KeyOf(WorkerInput input) => IdNumber.Parse(input.IdNumber!).Unmasked;

    public override void ValidateKey(WorkerKeyInput key, RecordCheck check) => ValidateIdNumber(key.IdNumber, check, out _);

    public override string KeyOf(WorkerKeyInput key) => IdNumber.Parse(key.IdNumber!).Unmasked;

    /// <remarks>
    /// The stored rows are read untracked in one statement and compared with what each record maps to: an unchanged
    /// record costs no tracking and writes nothing, a new one is inserted by the writer untracked, and only a changed
    /// row is attached (as stored) and updated, so the writer's change detection, update and change-log entry cover
    /// exactly the changed rows and columns.
    /// </remarks>
    public override async Task UpsertAsync(UpsertBatch<WorkerInput, Worker> batch, CancellationToken cancellationToken)
    {
        var db = batch.Db;
        var records = batch.Records;
        var ids = new IdNumber[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            ids[i] = IdNumber.Parse(records[i].Value.IdNumber!);
        }

        var communities = await CommunitiesAsync(db, records.Select(r => r.Value.CommunityCode), cancellationToken, tracked: false).ConfigureAwait(false);
        var stored = await StoredAsync(db, ids, communities, batch.Scope, cancellationToken).ConfigureAwait(false);

        // Whether a worker has posts matters only when a record would move their community of record (it follows the
        // posts then): only those workers are looked up.
        var moving = new List<int>();
        for (var i = 0; i < records.Count; i++)
        {
            if (stored.TryGetValue(ids[i], out var row)
                && (records[i].Value.CommunityCode is { } code ? communities.GetValueOrDefault(code)?.Id : null) != row.Worker.CommunityId)
            {
                moving.Add(row.Worker.Id);
            }
        }

        var withPosts = await WorkersWithPostsAsync(db, moving, cancellationToken).ConfigureAwait(false);
        var leaving = new List<int>();
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].Value.Status == WorkerStatus.Left && stored.TryGetValue(ids[i], out var row))
            {
                leaving.Add(row.Worker.Id);
            }
        }

        var today = batch.Today;
        var currentPosts = leaving.Count == 0 ? Enumerable.Empty<Post>().ToLookup(p => p.WorkerId) : (await db.Posts
            .Where(p => EF.Parameter(leaving).Contains(p.WorkerId) && p.StartDate <= today && (p.EndDate == null || p.EndDate >= today))
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(p => p.WorkerId);
        var workerType = db.Model.FindEntityType(typeof(Worker))!;

        for (var i = 0; i < records.Count; i++)
        {
            var (index, input) = records[i];
            var check = batch.Check(index);
            var worker = stored.TryGetValue(ids[i], out var row) ? row.Worker : null;
            if (worker is not null && !InScope(batch.Scope, row!.CommunityCode))
            {
                check.Fail(RecordCodes.OutOfScope, "idNumber", "The worker's community of record is outside your region.");
                continue;
            }

            Community? community = null;
            if (input.CommunityCode is { } code)
            {
                if (!batch.Scope.Contains(code))
                {
                    check.Fail(RecordCodes.OutOfScope, "communityCode", $"Community {code} is outside your region.");
                    continue;
                }

                if (!communities.TryGetValue(code, out community))
                {
                    check.Fail(RecordCodes.UnknownCommunity, "communityCode", $"No community {code}.");
                    continue;
                }
            }

            var followsPosts = worker is not null && withPosts.Contains(worker.Id);
            if (followsPosts && community is not null && community.Id != worker!.CommunityId)
            {
                check.Fail(RecordCodes.InvalidValue, "communityCode", "The community of record of a worker with posts follows the posts: upsert a post in the new community (a transfer) instead.");
                continue;
            }

            if (!followsPosts && community is null && !batch.Scope.IsNational)
            {
                check.Fail(RecordCodes.OutOfScope, "communityCode", "A worker without a community is visible only nationally: give `communityCode`.");
                continue;
            }

            var mapped = input.Adapt<Worker>(Mapping);
            mapped.CommunityId = followsPosts ? worker!.CommunityId : community?.Id;
            if (worker is null)
            {
                batch.Created(index, mapped);
                continue;
            }

            if (RowComparer.SameValues(workerType, worker, mapped))
            {
                batch.Unchanged(index, worker);
            }
            else
            {
                // Tracked as stored, then changed: the writer finds exactly the changed columns.
                db.Workers.Attach(worker);
                input.Adapt(worker, Mapping);
                worker.CommunityId = mapped.CommunityId;
                batch.Written(index, worker);
            }

            if (mapped.Status == WorkerStatus.Left)
            {
                // A worker who leaves keeps their posts, ended yesterday (or on the first day of a post that started today).
                foreach (var post in currentPosts[worker.Id])
                {
                    post.EndDate = post.StartDate > today.AddDays(-1) ? post.StartDate : today.AddDays(-1);
                }
            }
        }
    }

    public override async Task DeleteAsync(DeleteBatch<WorkerKeyInput, Worker> batch, CancellationToken cancellationToken)
    {
        var ids = batch.Records.Select(r => IdNumber.Parse(r.Value.IdNumber!)).ToList();
        var workers = await batch.Db.Workers
            .Include(w => w.Community)
            .Include(w => w.Posts)
            .Include(w => w.TrainingRecords)
            .Include(w => w.Assessments)
            .AsSplitQuery()
            .Where(w => ids.Contains(w.IdNumber))
            .ToDictionaryAsync(w => w.IdNumber, cancellationToken).ConfigureAwait(false);
        foreach (var (index, key) in batch.Records)
        {
            if (!workers.TryGetValue(IdNumber.Parse(key.IdNumber!), out var worker) || !InScope(batch.Scope, worker.Community?.Code))
            {
                batch.NotFound(index);
                continue;
            }

            batch.Db.Posts.RemoveRange(worker.Posts);
            batch.Db.TrainingRecords.RemoveRange(worker.TrainingRecords);
            batch.Db.Assessments.RemoveRange(worker.Assessments);
            batch.Db.Workers.Remove(worker);
            batch.Removed(index, worker);
        }
    }

    /// <summary>Checks an ID number field (INVALID_ID_NUMBER; the message never repeats the value).</summary>
    internal static void ValidateIdNumber(string? text, RecordCheck check, out IdNumber? id, string field = "idNumber")
    {
        id = null;
        if (!check.Required(text, field))
        {
            return;
        }

        if (IdNumber.TryParse(text, out var parsed, out var error))
        {
            id = parsed;
        }
        else
        {
            check.Fail(RecordCodes.InvalidIdNumber, field, error);
        }
    }

    /// <summary>Checks a village-level division code (INVALID_DIVISION_CODE).</summary>
    internal static bool ValidateCommunityCode(string code, string field, RecordCheck check)
    {
        if (DivisionCode.TryParse(code, DivisionLevel.Village, out _, out var error))
        {
            return true;
        }

        check.Fail(RecordCodes.InvalidDivisionCode, field, error);
        return false;
    }

    /// <summary>Whether a row with this code is the scope's to write (a null code only for national callers).</summary>
    internal static bool InScope(RegionScope scope, string? code) => scope.IsNational || (code is not null && scope.Contains(code));

    /// <summary>The communities with the given codes, by code, in one query (tracked unless <paramref name="tracked"/> is false).</summary>
    internal static async Task<Dictionary<string, Community>> CommunitiesAsync(Data.WorkforceDbContext db, IEnumerable<string?> codes, CancellationToken cancellationToken, bool tracked = true)
    {
        var wanted = codes.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<string, Community>(StringComparer.Ordinal);
        }

        var query = db.Communities.Where(c => EF.Parameter(wanted).Contains(c.Code));
        return await (tracked ? query : query.AsNoTracking()).ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
    }

    // A stored worker read untracked, with the code of their community of record (write scope; read for regional writers only).
    private sealed record StoredWorker(Worker Worker, string? CommunityCode);

    // The stored workers with these ID numbers, untracked, in one statement: a prepared SELECT on SQLite, else an EF query.
    // Key lists go in as one JSON-array parameter (EF.Parameter here and below): EF 10's default, a parameter per
    // element, costs more than the look-up itself for a batch of 1,000 keys.
    private static async Task<Dictionary<IdNumber, StoredWorker>> StoredAsync(
        Data.WorkforceDbContext db, IdNumber[] ids, Dictionary<string, Community> communities, RegionScope scope, CancellationToken cancellationToken)
    {
        var type = db.Model.FindEntityType(typeof(Worker))!;
        var reader = RowReader.For(db, type, type.FindProperty(nameof(Worker.IdNumber))!);
        if (reader is null)
        {
            var wanted = ids.ToList();
            return await db.Workers.AsNoTracking()
                .Where(w => EF.Parameter(wanted).Contains(w.IdNumber))
                .Select(w => new StoredWorker(w, w.Community == null ? null : w.Community.Code))
                .ToDictionaryAsync(s => s.Worker.IdNumber, cancellationToken).ConfigureAwait(false);
        }

        List<Worker> rows;
        await using (reader)
        {
            rows = await reader.ReadAsync<Worker>(ids.Select(id => (object)id), cancellationToken).ConfigureAwait(false);
        }

        // National writers may write every worker: the codes of the communities of record matter to regional ones only.
        var codes = new Dictionary<int, string>();
        if (!scope.IsNational)
        {
            foreach (var community in communities.Values)
            {
                codes[community.Id] = community.Code;
            }

            var missing = rows.Select(w => w.CommunityId).OfType<int>().Where(id => !codes.ContainsKey(id)).Distinct().ToList();
            if (missing.Count > 0)
            {
                foreach (var c in await db.Communities.AsNoTracking().Where(c => EF.Parameter(missing).Contains(c.Id)).Select(c => new { c.Id, c.Code }).ToListAsync(cancellationToken).ConfigureAwait(false))
                {
                    codes[c.Id] = c.Code;
                }
            }
        }

        return rows.ToDictionary(w => w.IdNumber, w => new StoredWorker(w, w.CommunityId is int id ? codes.GetValueOrDefault(id) : null));
    }

    private static async Task<HashSet<int>> WorkersWithPostsAsync(Data.WorkforceDbContext db, IEnumerable<int> workerIds, CancellationToken cancellationToken)
    {
        var ids = workerIds.ToList();
        return ids.Count == 0
            ? []
            : (await db.Posts.Where(p => EF.Parameter(ids).Contains(p.WorkerId)).Select(p => p.WorkerId).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
    }

    private static TypeAdapterConfig CreateMapping()
    {
        var config = new TypeAdapterConfig();
        config.NewConfig<WorkerInput, Worker>()
            .Ignore(w => w.Id, w => w.Community!, w => w.CommunityId!, w => w.Posts, w => w.TrainingRecords, w => w.Assessments)
            .Map(w => w.IdNumber, i => IdNumber.Parse(i.IdNumber!))
            .Map(w => w.IsReserveTalent, i => i.IsReserveTalent ?? false)
            .Map(w => w.Phone, i => i.Phone);
        config.Compile();
        return config;
    }
}

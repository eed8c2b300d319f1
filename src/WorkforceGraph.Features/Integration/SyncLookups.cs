using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Workers;

namespace WorkforceGraph.Features.Integration;

/// <summary>
/// Lookups the batch writes of workers' rows share: related rows named by natural keys, loaded in one query per
/// table through the writing context, and the write-scope rules that go with them (graphql-conventions.md §2: a
/// row outside the caller's region behaves as if it did not exist).
/// </summary>
internal static class SyncLookups
{
    /// <summary>The workers with the given (valid) ID numbers, with their community of record, by ID number.</summary>
    public static async Task<Dictionary<IdNumber, Worker>> WorkersAsync(WorkforceDbContext db, IEnumerable<string?> idNumbers, CancellationToken cancellationToken)
    {
        var ids = idNumbers.OfType<string>().Select(IdNumber.Parse).Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Workers.Include(w => w.Community).Where(w => ids.Contains(w.IdNumber)).ToDictionaryAsync(w => w.IdNumber, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The worker an ID number names, if the writer may write their rows: their community of record is in the scope
    /// (a worker without one only for national writers). Null for unknown and out-of-scope workers alike (no oracle).
    /// </summary>
    /// <summary>
    /// Resolves a record's worker (UNKNOWN_WORKER unless the caller's: out of scope looks unknown) and community
    /// (OUT_OF_SCOPE by its code, then UNKNOWN_COMMUNITY), reporting both problems at once.
    /// </summary>
    public static (Worker? Worker, Data.Communities.Community? Community) WorkerAndCommunity(
        RecordCheck check, Dictionary<IdNumber, Worker> workers, Dictionary<string, Data.Communities.Community> communities, string idNumber, string communityCode, RegionScope scope)
    {
        var worker = WorkerInScope(workers, idNumber, scope);
        if (worker is null)
        {
            check.Fail(RecordCodes.UnknownWorker, "workerIdNumber", "No worker with this ID number in your region.");
        }

        Data.Communities.Community? community = null;
        if (!scope.Contains(communityCode))
        {
            check.Fail(RecordCodes.OutOfScope, "communityCode", $"Community {communityCode} is outside your region.");
        }
        else if (!communities.TryGetValue(communityCode, out community))
        {
            check.Fail(RecordCodes.UnknownCommunity, "communityCode", $"No community {communityCode}.");
        }

        return (worker, community);
    }

    public static Worker? WorkerInScope(Dictionary<IdNumber, Worker> workers, string idNumber, RegionScope scope) =>
        workers.TryGetValue(IdNumber.Parse(idNumber), out var worker) && WorkerSync.InScope(scope, worker.Community?.Code) ? worker : null;

    /// <summary>The trainings with the given codes, with their organizer, by code.</summary>
    public static async Task<Dictionary<string, Data.Trainings.Training>> TrainingsAsync(WorkforceDbContext db, IEnumerable<string?> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return wanted.Count == 0
            ? new Dictionary<string, Data.Trainings.Training>(StringComparer.Ordinal)
            : await db.Trainings.Include(t => t.Organizer).Where(t => wanted.Contains(t.Code))
                .ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether a training is visible to the scope, as the <c>Training</c> query filter says: national programmes, and
    /// those organized within the scope or by a region above it.
    /// </summary>
    public static bool TrainingVisible(Data.Trainings.Training training, RegionScope scope) =>
        scope.IsNational
        || training.OrganizerId is null
        || (training.Organizer is { } organizer && (scope.Contains(organizer.Code) || scope.AncestorCodes.Contains(organizer.Code, StringComparer.Ordinal)));

    /// <summary>Whether the scope may write a training: its organizer is within the scope (national programmes: national writers only).</summary>
    public static bool TrainingWritable(Data.Trainings.Training training, RegionScope scope) =>
        WorkerSync.InScope(scope, training.Organizer?.Code);

    /// <summary>A date as it appears in natural-key text.</summary>
    public static string KeyText(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

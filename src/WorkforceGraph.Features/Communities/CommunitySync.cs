using Mapster;
using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Features.Integration;
using WorkforceGraph.Features.Regions;
using WorkforceGraph.Features.Workers;

namespace WorkforceGraph.Features.Communities;

/// <summary>
/// Batch writes of communities (village-level units), matched by division code. The township is the code's parent and
/// must exist. A community is deleted only when no post, worker (community of record) or assessment points at it
/// (<c>IN_USE</c>): workers leave by <c>status: LEFT</c>, and their history stays.
/// </summary>
public sealed class CommunitySync : EntitySync<CommunityInput, CommunityKeyInput, Community>
{
    /// <summary>The input-to-entity mapping (Mapster), compiled once.</summary>
    public static readonly TypeAdapterConfig Mapping = CreateMapping();

    public override ChangeEntityType EntityType => ChangeEntityType.Community;

    public override void Validate(CommunityInput input, RecordCheck check)
    {
        if (check.Required(input.Code, "code"))
        {
            WorkerSync.ValidateCommunityCode(input.Code!, "code", check);
        }

        if (check.Required(input.Name, "name"))
        {
            check.MaxLength(input.Name, Community.NameMaxLength, "name");
        }

        if (check.Required(input.UrbanRuralClass, "urbanRuralClass") && !Community.UrbanRuralClasses.Contains(input.UrbanRuralClass!, StringComparer.Ordinal))
        {
            check.Fail(RecordCodes.InvalidValue, "urbanRuralClass", $"`urbanRuralClass` is one of {string.Join(", ", Community.UrbanRuralClasses)}.");
        }

        Count(input.ResidentPopulation, "residentPopulation", check);
        Count(input.Households, "households", check);
        Count(input.GridCount, "gridCount", check);
    }

    public override string KeyOf(CommunityInput input) => input.Code!;

    public override void ValidateKey(CommunityKeyInput key, RecordCheck check)
    {
        if (check.Required(key.Code, "code"))
        {
            WorkerSync.ValidateCommunityCode(key.Code!, "code", check);
        }
    }

    public override string KeyOf(CommunityKeyInput key) => key.Code!;

    public override async Task UpsertAsync(UpsertBatch<CommunityInput, Community> batch, CancellationToken cancellationToken)
    {
        var existing = await WorkerSync.CommunitiesAsync(batch.Db, batch.Records.Select(r => r.Value.Code), cancellationToken).ConfigureAwait(false);
        var townships = await RegionSync.RegionsAsync(batch.Db, batch.Records.Select(r => TownshipOf(r.Value.Code!)), cancellationToken).ConfigureAwait(false);
        foreach (var (index, input) in batch.Records)
        {
            var code = input.Code!;
            var check = batch.Check(index);
            if (!batch.Scope.Contains(code))
            {
                check.Fail(RecordCodes.OutOfScope, "code", $"Community {code} is outside your region.");
                continue;
            }

            var townshipCode = TownshipOf(code);
            if (!townships.TryGetValue(townshipCode, out var township))
            {
                check.Fail(RecordCodes.UnknownRegion, "code", $"No township {townshipCode}: upsert the region first.");
                continue;
            }

            if (existing.TryGetValue(code, out var community))
            {
                input.Adapt(community, Mapping);
            }
            else
            {
                community = input.Adapt<Community>(Mapping);
                batch.Db.Communities.Add(community);
                existing[code] = community;
            }

            community.RegionId = township.Id;
            batch.Written(index, community);
        }
    }

    public override async Task DeleteAsync(DeleteBatch<CommunityKeyInput, Community> batch, CancellationToken cancellationToken)
    {
        var communities = await WorkerSync.CommunitiesAsync(batch.Db, batch.Records.Select(r => r.Value.Code), cancellationToken).ConfigureAwait(false);
        var ids = communities.Values.Select(c => c.Id).ToList();
        var db = batch.Db;
        var withPosts = await DistinctAsync(db.Posts.Where(p => ids.Contains(p.CommunityId)).Select(p => p.CommunityId), cancellationToken).ConfigureAwait(false);
        var withWorkers = await DistinctAsync(
            db.Workers.Where(w => w.CommunityId != null && ids.Contains(w.CommunityId.Value)).Select(w => w.CommunityId!.Value), cancellationToken).ConfigureAwait(false);
        var withAssessments = await DistinctAsync(db.Assessments.Where(a => ids.Contains(a.CommunityId)).Select(a => a.CommunityId), cancellationToken).ConfigureAwait(false);
        foreach (var (index, key) in batch.Records)
        {
            if (!communities.TryGetValue(key.Code!, out var community) || !batch.Scope.Contains(community.Code))
            {
                batch.NotFound(index);
                continue;
            }

            var uses = new List<string>();
            if (withPosts.Contains(community.Id))
            {
                uses.Add("posts");
            }

            if (withWorkers.Contains(community.Id))
            {
                uses.Add("workers of record");
            }

            if (withAssessments.Contains(community.Id))
            {
                uses.Add("assessments");
            }

            if (uses.Count > 0)
            {
                batch.Check(index).Fail(RecordCodes.InUse, "code", $"Community {community.Code} still has {string.Join(", ", uses)}: delete or move them first.");
                continue;
            }

            db.Communities.Remove(community);
            batch.Removed(index, community);
        }
    }

    private static string TownshipOf(string communityCode) => DivisionCode.Parse(communityCode).Parent!.Value.Value;

    private static void Count(int? value, string field, RecordCheck check)
    {
        if (check.Required(value, field))
        {
            check.Range(value, 0, int.MaxValue, field);
        }
    }

    private static async Task<HashSet<int>> DistinctAsync(IQueryable<int> ids, CancellationToken cancellationToken) =>
        [.. await ids.Distinct().ToListAsync(cancellationToken).ConfigureAwait(false)];

    private static TypeAdapterConfig CreateMapping()
    {
        var config = new TypeAdapterConfig();
        config.NewConfig<CommunityInput, Community>()
            .Ignore(c => c.Id, c => c.RegionId, c => c.Region!, c => c.Posts, c => c.Workers);
        config.Compile();
        return config;
    }
}

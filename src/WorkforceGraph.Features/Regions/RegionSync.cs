using Mapster;
using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Features.Integration;

namespace WorkforceGraph.Features.Regions;

/// <summary>
/// Batch writes of regions (province, prefecture, county, township), matched by division code. Level and parent follow
/// from the code; the parent must exist before its children (in the database or earlier in the same batch). A writer
/// writes only regions within its own scope, never those above it. A region is deleted only when nothing points at it:
/// no child regions, communities, grade schemes or trainings it organised (<c>IN_USE</c>).
/// </summary>
public sealed class RegionSync : EntitySync<RegionInput, RegionKeyInput, Region>
{
    /// <summary>The input-to-entity mapping (Mapster), compiled once.</summary>
    public static readonly TypeAdapterConfig Mapping = CreateMapping();

    public override ChangeEntityType EntityType => ChangeEntityType.Region;

    public override void Validate(RegionInput input, RecordCheck check)
    {
        ValidateRegionCode(input.Code, "code", check, out _);
        if (check.Required(input.Name, "name"))
        {
            check.MaxLength(input.Name, Region.NameMaxLength, "name");
        }
    }

    public override string KeyOf(RegionInput input) => input.Code!;

    public override void ValidateKey(RegionKeyInput key, RecordCheck check) => ValidateRegionCode(key.Code, "code", check, out _);

    public override string KeyOf(RegionKeyInput key) => key.Code!;

    public override async Task UpsertAsync(UpsertBatch<RegionInput, Region> batch, CancellationToken cancellationToken)
    {
        var codes = batch.Records.Select(r => DivisionCode.Parse(r.Value.Code!)).ToList();
        var regions = await RegionsAsync(batch.Db, codes.SelectMany(c => new[] { c.Value, c.Parent?.Value }), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < batch.Records.Count; i++)
        {
            var (index, input) = batch.Records[i];
            var code = codes[i];
            var check = batch.Check(index);
            if (!batch.Scope.Contains(code.Value))
            {
                check.Fail(RecordCodes.OutOfScope, "code", $"Region {code} is outside your region.");
                continue;
            }

            if (regions.TryGetValue(code.Value, out var region))
            {
                input.Adapt(region, Mapping);
                batch.Written(index, region);
                continue;
            }

            Region? parent = null;
            if (code.Parent is { } parentCode && !regions.TryGetValue(parentCode.Value, out parent))
            {
                check.Fail(RecordCodes.UnknownRegion, "code", $"No parent region {parentCode}: write it first (before, or earlier in this batch).");
                continue;
            }

            region = input.Adapt<Region>(Mapping);
            batch.Db.Regions.Add(region);
            if (parent is not null)
            {
                // Parent is init-only: set through the change tracker, which also fixes up ParentId (a parent of the same batch has no key yet).
                batch.Db.Entry(region).Reference(r => r.Parent).CurrentValue = parent;
            }

            regions[code.Value] = region;
            batch.Written(index, region);
        }
    }

    public override async Task DeleteAsync(DeleteBatch<RegionKeyInput, Region> batch, CancellationToken cancellationToken)
    {
        var regions = await RegionsAsync(batch.Db, batch.Records.Select(r => r.Value.Code), cancellationToken).ConfigureAwait(false);
        var ids = regions.Values.Select(r => r.Id).ToList();
        var db = batch.Db;
        var children = (await db.Regions.Where(r => r.ParentId != null && ids.Contains(r.ParentId.Value))
            .Select(r => new { r.Id, ParentId = r.ParentId!.Value }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(r => r.ParentId, r => r.Id);
        var withCommunities = await DistinctAsync(db.Communities.Where(c => ids.Contains(c.RegionId)).Select(c => c.RegionId), cancellationToken).ConfigureAwait(false);
        var withSchemes = await DistinctAsync(db.GradeSchemes.Where(s => ids.Contains(s.RegionId)).Select(s => s.RegionId), cancellationToken).ConfigureAwait(false);
        var withTrainings = await DistinctAsync(
            db.Trainings.Where(t => t.OrganizerId != null && ids.Contains(t.OrganizerId.Value)).Select(t => t.OrganizerId!.Value), cancellationToken).ConfigureAwait(false);
        var removed = new HashSet<int>();
        foreach (var (index, key) in batch.Records)
        {
            var code = key.Code!;
            if (!regions.TryGetValue(code, out var region) || !Visible(batch.Scope, code))
            {
                batch.NotFound(index);
                continue;
            }

            var check = batch.Check(index);
            if (!batch.Scope.Contains(code))
            {
                check.Fail(RecordCodes.OutOfScope, "code", $"Region {code} is above your region.");
                continue;
            }

            var uses = new List<string>();
            if (children[region.Id].Any(child => !removed.Contains(child)))
            {
                uses.Add("child regions");
            }

            if (withCommunities.Contains(region.Id))
            {
                uses.Add("communities");
            }

            if (withSchemes.Contains(region.Id))
            {
                uses.Add("grade schemes");
            }

            if (withTrainings.Contains(region.Id))
            {
                uses.Add("trainings");
            }

            if (uses.Count > 0)
            {
                check.Fail(RecordCodes.InUse, "code", $"Region {code} still has {string.Join(", ", uses)}: delete or move them first.");
                continue;
            }

            db.Regions.Remove(region);
            removed.Add(region.Id);
            batch.Removed(index, region);
        }
    }

    /// <summary>Checks a region's division code: 12 digits, province to township level (INVALID_DIVISION_CODE).</summary>
    internal static bool ValidateRegionCode(string? text, string field, RecordCheck check, out DivisionCode code)
    {
        code = default;
        if (!check.Required(text, field))
        {
            return false;
        }

        if (!DivisionCode.TryParse(text, out code, out var error))
        {
            check.Fail(RecordCodes.InvalidDivisionCode, field, error);
            return false;
        }

        if (code.Level == DivisionLevel.Village)
        {
            check.Fail(RecordCodes.InvalidDivisionCode, field, "A village-level code names a community, not a region.");
            return false;
        }

        return true;
    }

    /// <summary>Whether a region is visible to the scope: within it, or one of the regions above it (RegionScope).</summary>
    internal static bool Visible(RegionScope scope, string code) => scope.Contains(code) || scope.AncestorCodes.Contains(code, StringComparer.Ordinal);

    /// <summary>The regions with the given codes, by code, in one query.</summary>
    internal static async Task<Dictionary<string, Region>> RegionsAsync(WorkforceDbContext db, IEnumerable<string?> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return wanted.Count == 0
            ? new Dictionary<string, Region>(StringComparer.Ordinal)
            : await db.Regions.Where(r => wanted.Contains(r.Code)).ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<HashSet<int>> DistinctAsync(IQueryable<int> ids, CancellationToken cancellationToken) =>
        [.. await ids.Distinct().ToListAsync(cancellationToken).ConfigureAwait(false)];

    private static TypeAdapterConfig CreateMapping()
    {
        var config = new TypeAdapterConfig();
        config.NewConfig<RegionInput, Region>()
            .Ignore(r => r.Id, r => r.ParentId!, r => r.Parent!, r => r.Children, r => r.Communities, r => r.GradeSchemes)
            .Map(r => r.Level, i => (RegionLevel)(int)DivisionCode.Parse(i.Code!).Level);
        config.Compile();
        return config;
    }
}

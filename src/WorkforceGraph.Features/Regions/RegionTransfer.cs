using WorkforceGraph.Data;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Features.Integration.Transfer;

namespace WorkforceGraph.Features.Regions;

/// <summary>
/// <c>import</c>/<c>export --entity regions</c>: a line is a <see cref="RegionInput"/>. Ordered by level (province first; enums are stored by name, so ranked explicitly), then code (not
/// by id), so that every parent precedes its children and an import succeeds in file order, whatever the ids.
/// </summary>
public sealed class RegionTransfer(RegionSync sync) : EntityTransfer<RegionInput, RegionKeyInput, Region>(sync)
{
    public override string Name => "regions";

    protected override IQueryable<RegionInput> Export(WorkforceDbContext db) =>
        db.Regions.OrderBy(r => r.Level == RegionLevel.Province ? 0 : r.Level == RegionLevel.Prefecture ? 1 : r.Level == RegionLevel.County ? 2 : 3)
            .ThenBy(r => r.Code)
            .Select(r => new RegionInput
            {
                Code = r.Code,
                Name = r.Name,
            });
}

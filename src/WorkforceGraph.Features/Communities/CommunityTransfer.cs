using WorkforceGraph.Data;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Features.Integration.Transfer;

namespace WorkforceGraph.Features.Communities;

/// <summary><c>import</c>/<c>export --entity communities</c>: a line is a <see cref="CommunityInput"/> (its township follows from the code).</summary>
public sealed class CommunityTransfer(CommunitySync sync) : EntityTransfer<CommunityInput, CommunityKeyInput, Community>(sync)
{
    public override string Name => "communities";

    protected override IQueryable<CommunityInput> Export(WorkforceDbContext db) =>
        db.Communities.OrderBy(c => c.Id).Select(c => new CommunityInput
        {
            Code = c.Code,
            Name = c.Name,
            UrbanRuralClass = c.UrbanRuralClass,
            ResidentPopulation = c.ResidentPopulation,
            Households = c.Households,
            GridCount = c.GridCount,
        });
}

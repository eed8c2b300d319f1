using WorkforceGraph.Data;
using WorkforceGraph.Data.GradeSchemes;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Features.Integration.Transfer;

namespace WorkforceGraph.Features.GradeSchemes;

/// <summary>
/// <c>import</c>/<c>export --entity gradeSchemes</c>: a line is a <see cref="GradeSchemeInput"/> with every bonus written
/// out and its <c>categories</c> in category order (PRINCIPAL, DEPUTY, STAFF; enums are stored by name, so ranked
/// explicitly). In CSV the categories are one cell (<see cref="GradeRangeCell"/>).
/// </summary>
public sealed class GradeSchemeTransfer(GradeSchemeSync sync) : EntityTransfer<GradeSchemeInput, GradeSchemeKeyInput, GradeScheme>(sync)
{
    public override string Name => "gradeSchemes";

    public override IReadOnlyDictionary<string, CsvCell> CsvCells { get; } = new Dictionary<string, CsvCell>(StringComparer.Ordinal)
    {
        ["categories"] = GradeRangeCell.Instance,
    };

    protected override IQueryable<GradeSchemeInput> Export(WorkforceDbContext db) =>
        db.GradeSchemes.OrderBy(s => s.Id).Select(s => new GradeSchemeInput
        {
            Code = s.Code,
            Name = s.Name,
            RegionCode = s.Region!.Code,
            EffectiveFrom = s.EffectiveFrom,
            YearsPerStep = s.YearsPerStep,
            BachelorBonus = s.BachelorBonus,
            MasterBonus = s.MasterBonus,
            DoctorBonus = s.DoctorBonus,
            AssistantBonus = s.AssistantBonus,
            IntermediateBonus = s.IntermediateBonus,
            SeniorBonus = s.SeniorBonus,
            ExcellentQuotaPercent = s.ExcellentQuotaPercent,
            Categories = s.Ranges.OrderBy(r => r.Category == PostCategory.Principal ? 0 : r.Category == PostCategory.Deputy ? 1 : 2).Select(r => new GradeRangeInput
            {
                Category = r.Category,
                MinGrade = r.MinGrade,
                MaxGrade = r.MaxGrade,
            }).ToList(),
        });
}

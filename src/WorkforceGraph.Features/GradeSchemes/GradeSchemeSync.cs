using Mapster;
using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Data.GradeSchemes;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Features.Integration;
using WorkforceGraph.Features.Regions;

namespace WorkforceGraph.Features.GradeSchemes;

/// <summary>
/// Batch writes of grade schemes (art. 4), matched by code. A scheme belongs to a province or prefecture; a writer
/// writes the schemes of regions within its scope, before and after the write (moving a scheme to another region is an
/// update). The category ranges are child rows: they are replaced when they differ, and the scheme then counts as
/// updated. Nothing references a scheme by key, so a delete always goes through (its ranges go with it).
/// </summary>
public sealed class GradeSchemeSync : EntitySync<GradeSchemeInput, GradeSchemeKeyInput, GradeScheme>
{
    /// <summary>Largest <c>yearsPerStep</c>.</summary>
    public const int MaxYearsPerStep = 10;

    /// <summary>Largest education or qualification bonus.</summary>
    public const int MaxBonus = 10;

    /// <summary>Highest grade a category range may reach.</summary>
    public const int MaxGrade = 99;

    // The common scheme's values (domain.md, 三岗十八级): what a left-out bonus means.
    private static readonly GradeScheme Common = new() { Code = "", Name = "" };

    /// <summary>The input-to-entity mapping (Mapster), compiled once.</summary>
    public static readonly TypeAdapterConfig Mapping = CreateMapping();

    public override ChangeEntityType EntityType => ChangeEntityType.GradeScheme;

    /// <summary>The common bonus values a left-out bonus stands for, as the field descriptions state them.</summary>
    public static GradeScheme CommonValues => Common;

    public override void Validate(GradeSchemeInput input, RecordCheck check)
    {
        ValidateCode(input.Code, check);
        if (check.Required(input.Name, "name"))
        {
            check.MaxLength(input.Name, GradeScheme.NameMaxLength, "name");
        }

        if (RegionSync.ValidateRegionCode(input.RegionCode, "regionCode", check, out var region) && region.Level > DivisionLevel.Prefecture)
        {
            check.Fail(RecordCodes.InvalidDivisionCode, "regionCode", "A grade scheme is set by a province or a prefecture.");
        }

        check.Required(input.EffectiveFrom, "effectiveFrom");
        if (check.Required(input.YearsPerStep, "yearsPerStep"))
        {
            check.Range(input.YearsPerStep, 1, MaxYearsPerStep, "yearsPerStep");
        }

        check.Range(input.BachelorBonus, 0, MaxBonus, "bachelorBonus");
        check.Range(input.MasterBonus, 0, MaxBonus, "masterBonus");
        check.Range(input.DoctorBonus, 0, MaxBonus, "doctorBonus");
        check.Range(input.AssistantBonus, 0, MaxBonus, "assistantBonus");
        check.Range(input.IntermediateBonus, 0, MaxBonus, "intermediateBonus");
        check.Range(input.SeniorBonus, 0, MaxBonus, "seniorBonus");
        if (check.Required(input.ExcellentQuotaPercent, "excellentQuotaPercent"))
        {
            check.Range(input.ExcellentQuotaPercent, 0, 100, "excellentQuotaPercent");
        }

        ValidateCategories(input.Categories, check);
    }

    public override string KeyOf(GradeSchemeInput input) => input.Code!;

    public override void ValidateKey(GradeSchemeKeyInput key, RecordCheck check) => ValidateCode(key.Code, check);

    public override string KeyOf(GradeSchemeKeyInput key) => key.Code!;

    public override async Task UpsertAsync(UpsertBatch<GradeSchemeInput, GradeScheme> batch, CancellationToken cancellationToken)
    {
        var codes = batch.Records.Select(r => r.Value.Code!).ToList();
        var existing = await batch.Db.GradeSchemes
            .Include(s => s.Region)
            .Include(s => s.Ranges)
            .AsSplitQuery()
            .Where(s => codes.Contains(s.Code))
            .ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var regions = await RegionSync.RegionsAsync(batch.Db, batch.Records.Select(r => r.Value.RegionCode), cancellationToken).ConfigureAwait(false);
        foreach (var (index, input) in batch.Records)
        {
            var check = batch.Check(index);
            existing.TryGetValue(input.Code!, out var scheme);
            if (scheme is not null && !batch.Scope.Contains(scheme.Region!.Code))
            {
                check.Fail(RecordCodes.OutOfScope, "code", "The scheme is set by a region outside your region.");
                continue;
            }

            var regionCode = input.RegionCode!;
            if (!batch.Scope.Contains(regionCode))
            {
                check.Fail(RecordCodes.OutOfScope, "regionCode", $"Region {regionCode} is outside your region.");
                continue;
            }

            if (!regions.TryGetValue(regionCode, out var region))
            {
                check.Fail(RecordCodes.UnknownRegion, "regionCode", $"No region {regionCode}.");
                continue;
            }

            var rangesChanged = false;
            if (scheme is null)
            {
                scheme = input.Adapt<GradeScheme>(Mapping);
                scheme.Ranges.AddRange(input.Categories!.Select(c => new GradeRange { Category = c.Category!.Value, MinGrade = c.MinGrade!.Value, MaxGrade = c.MaxGrade!.Value }));
                batch.Db.GradeSchemes.Add(scheme);
                existing[scheme.Code] = scheme;
            }
            else
            {
                input.Adapt(scheme, Mapping);
                rangesChanged = ReplaceRanges(batch, scheme, input.Categories!);
            }

            scheme.RegionId = region.Id;
            scheme.Region = region;
            batch.Written(index, scheme, rangesChanged);
        }
    }

    public override async Task DeleteAsync(DeleteBatch<GradeSchemeKeyInput, GradeScheme> batch, CancellationToken cancellationToken)
    {
        var codes = batch.Records.Select(r => r.Value.Code!).ToList();
        var schemes = await batch.Db.GradeSchemes
            .Include(s => s.Region)
            .Include(s => s.Ranges)
            .AsSplitQuery()
            .Where(s => codes.Contains(s.Code))
            .ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        foreach (var (index, key) in batch.Records)
        {
            if (!schemes.TryGetValue(key.Code!, out var scheme) || !RegionSync.Visible(batch.Scope, scheme.Region!.Code))
            {
                batch.NotFound(index);
                continue;
            }

            if (!batch.Scope.Contains(scheme.Region.Code))
            {
                // Visible (a scheme of a region above the writer's) but not the writer's to delete.
                batch.Check(index).Fail(RecordCodes.OutOfScope, "code", "The scheme is set by a region above your region.");
                continue;
            }

            batch.Db.GradeRanges.RemoveRange(scheme.Ranges);
            batch.Db.GradeSchemes.Remove(scheme);
            batch.Removed(index, scheme);
        }
    }

    private static void ValidateCode(string? code, RecordCheck check)
    {
        if (!check.Required(code, "code"))
        {
            return;
        }

        check.MaxLength(code, GradeScheme.CodeMaxLength, "code");
        if (code!.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            check.Fail(RecordCodes.InvalidValue, "code", "`code` has no spaces or control characters.");
        }
    }

    private static void ValidateCategories(List<GradeRangeInput>? categories, RecordCheck check)
    {
        if (!check.Required(categories, "categories"))
        {
            return;
        }

        if (categories!.Count == 0)
        {
            check.Fail(RecordCodes.InvalidValue, "categories", "`categories` needs at least one post category.");
            return;
        }

        var seen = new HashSet<Data.Posts.PostCategory>();
        foreach (var range in categories)
        {
            if (range is null || range.Category is not { } category || range.MinGrade is not { } min || range.MaxGrade is not { } max)
            {
                check.Fail(RecordCodes.InvalidValue, "categories", "Each category range needs `category`, `minGrade` and `maxGrade`.");
                continue;
            }

            if (!seen.Add(category))
            {
                check.Fail(RecordCodes.InvalidValue, "categories", $"Category {category} occurs more than once.");
            }

            if (min < 1 || max > MaxGrade || min > max)
            {
                check.Fail(RecordCodes.InvalidValue, "categories", $"The range of {category} must satisfy 1 ≤ minGrade ≤ maxGrade ≤ {MaxGrade}.");
            }
        }
    }

    // Brings the tracked ranges to the input: same category → grades updated, missing → removed, new → added.
    private static bool ReplaceRanges(UpsertBatch<GradeSchemeInput, GradeScheme> batch, GradeScheme scheme, List<GradeRangeInput> wanted)
    {
        var changed = false;
        var byCategory = wanted.ToDictionary(w => w.Category!.Value);
        foreach (var range in scheme.Ranges.ToList())
        {
            if (!byCategory.Remove(range.Category, out var input))
            {
                scheme.Ranges.Remove(range);
                batch.Db.GradeRanges.Remove(range);
                changed = true;
            }
            else if (range.MinGrade != input.MinGrade || range.MaxGrade != input.MaxGrade)
            {
                range.MinGrade = input.MinGrade!.Value;
                range.MaxGrade = input.MaxGrade!.Value;
                changed = true;
            }
        }

        foreach (var input in wanted.Where(w => byCategory.ContainsKey(w.Category!.Value)))
        {
            scheme.Ranges.Add(new GradeRange { Category = input.Category!.Value, MinGrade = input.MinGrade!.Value, MaxGrade = input.MaxGrade!.Value });
            changed = true;
        }

        return changed;
    }

    private static TypeAdapterConfig CreateMapping()
    {
        var config = new TypeAdapterConfig();
        config.NewConfig<GradeSchemeInput, GradeScheme>()
            .Ignore(s => s.Id, s => s.RegionId, s => s.Region!, s => s.Ranges)
            .Map(s => s.BachelorBonus, i => i.BachelorBonus ?? Common.BachelorBonus)
            .Map(s => s.MasterBonus, i => i.MasterBonus ?? Common.MasterBonus)
            .Map(s => s.DoctorBonus, i => i.DoctorBonus ?? Common.DoctorBonus)
            .Map(s => s.AssistantBonus, i => i.AssistantBonus ?? Common.AssistantBonus)
            .Map(s => s.IntermediateBonus, i => i.IntermediateBonus ?? Common.IntermediateBonus)
            .Map(s => s.SeniorBonus, i => i.SeniorBonus ?? Common.SeniorBonus);
        config.Compile();
        return config;
    }
}

using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Features.Common;
using WorkforceGraph.Features.Communities;
using WorkforceGraph.Features.Security;
using WorkforceGraph.GraphQL.Conventions.Batching;
using WorkforceGraph.GraphQL.Conventions.Limits;

namespace WorkforceGraph.Features.Assessments;

/// <summary>EXCELLENT results of one assessment unit in one year against its quota (art. 10).</summary>
public sealed record AssessmentQuota(Community Unit, int Year, int Assessed, int Excellent, int? QuotaPercent, int? Quota)
{
    /// <summary>More EXCELLENT results than the quota allows.</summary>
    public bool OverQuota => Quota is { } quota && Excellent > quota;
}

/// <summary>GraphQL type <c>AssessmentQuota</c>.</summary>
public sealed class AssessmentQuotaGraphType : ObjectGraphType<AssessmentQuota>
{
    public AssessmentQuotaGraphType()
    {
        Name = "AssessmentQuota";
        Description = "EXCELLENT results given in one assessment unit and year, against the unit's quota (art. 10).";
        Field<NonNullGraphType<CommunityGraphType>>("unit").Description("The assessment unit.").Resolve(ctx => ctx.Source.Unit);
        Field(q => q.Year).Description("Calendar year assessed.");
        Field(q => q.Assessed).Description("Workers assessed in the unit that year.");
        Field(q => q.Excellent).Description("EXCELLENT results given.");
        Field(q => q.QuotaPercent, nullable: true)
            .Description("The applicable grade scheme's excellentQuotaPercent (the prefecture's scheme in force at the year's end, else the province's); null without a scheme.");
        Field(q => q.Quota, nullable: true).Description("The most EXCELLENT results allowed: assessed × quotaPercent / 100, rounded down; null without a scheme.");
        Field(q => q.OverQuota).Description("True when more EXCELLENT results were given than the quota allows.");
    }
}

/// <summary>Root field <c>assessmentQuotas</c> (analyst role and above).</summary>
public sealed class AssessmentQuotaQueries : IQueryFields
{
    public void AddTo(ObjectGraphType<object> query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssessmentQuotaGraphType>>>>("assessmentQuotas")
            .Description("Per assessment unit, in code order: EXCELLENT results given in `year` against the unit's quota, counted in the database (one GROUP BY).")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The calendar year assessed.")
            .Argument<StringGraphType>("regionCode", "Only units within this region (12-digit division code); every unit in the caller's scope when omitted.")
            .Argument<BooleanGraphType>("overQuotaOnly", "Only the units over their quota.", argument => argument.DefaultValue = false)
            .AuthorizeWithPolicy(WorkforcePolicies.Analyst)
            .Cost(FieldCost.DatabaseWeight)
            .ListSize(100)
            .ResolveAsync(async ctx => await ResolveAsync(ctx).ConfigureAwait(false));

    private static async Task<IReadOnlyList<AssessmentQuota>> ResolveAsync(IResolveFieldContext ctx)
    {
        var year = ctx.GetArgument<int>("year");
        var regionCode = ctx.GetArgument<string?>("regionCode");
        var range = RegionScope.National;
        if (regionCode is not null)
        {
            if (!DivisionCode.TryParse(regionCode, out var code, out var error))
            {
                throw FieldErrors.InvalidDivisionCode("regionCode", error);
            }

            range = RegionScope.Parse(code.Prefix);
        }

        var (from, to, all) = (range.From, range.To, range.IsNational);
        await using var db = ctx.RequestServices!.GetRequiredService<IDbContextSource>().CreateDbContext();
        var counts = await db.Set<Assessment>()
            .Where(a => a.Year == year && (all || (string.Compare(a.Community!.Code, from) >= 0 && string.Compare(a.Community.Code, to) < 0)))
            .GroupBy(a => a.CommunityId)
            .Select(g => new { Unit = g.Key, Assessed = g.Count(), Excellent = g.Count(a => a.Result == AssessmentResult.Excellent) })
            .ToListAsync(ctx.CancellationToken).ConfigureAwait(false);
        if (counts.Count == 0)
        {
            return [];
        }

        // The units with the quota percent of the scheme in force at the year's end: the prefecture's, else the province's.
        var yearEnd = new DateOnly(year, 12, 31);
        var ids = counts.Select(c => c.Unit).ToList();
        var units = await db.Set<Community>()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                Community = c,
                Percent = c.Region!.Parent!.Parent!.GradeSchemes.Where(g => g.EffectiveFrom <= yearEnd)
                        .OrderByDescending(g => g.EffectiveFrom).ThenByDescending(g => g.Id).Select(g => (int?)g.ExcellentQuotaPercent).FirstOrDefault()
                    ?? c.Region.Parent.Parent.Parent!.GradeSchemes.Where(g => g.EffectiveFrom <= yearEnd)
                        .OrderByDescending(g => g.EffectiveFrom).ThenByDescending(g => g.Id).Select(g => (int?)g.ExcellentQuotaPercent).FirstOrDefault(),
            })
            .ToDictionaryAsync(u => u.Community.Id, ctx.CancellationToken).ConfigureAwait(false);

        var overOnly = ctx.GetArgument<bool>("overQuotaOnly");
        return [.. counts
            .Where(c => units.ContainsKey(c.Unit))
            .Select(c =>
            {
                var unit = units[c.Unit];
                return new AssessmentQuota(unit.Community, year, c.Assessed, c.Excellent, unit.Percent, c.Assessed * unit.Percent / 100);
            })
            .Where(q => !overOnly || q.OverQuota)
            .OrderBy(q => q.Unit.Code, StringComparer.Ordinal)];
    }
}

using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Features.Common;
using WorkforceGraph.Features.Rules;
using WorkforceGraph.Features.Security;
using WorkforceGraph.GraphQL.Conventions.Batching;
using WorkforceGraph.GraphQL.Conventions.Errors;
using WorkforceGraph.GraphQL.Conventions.Expressions;
using WorkforceGraph.GraphQL.Conventions.Limits;

namespace WorkforceGraph.Features.Staffing;

/// <summary>
/// Root field <c>staffing(regionCode:)</c> (analyst role and above): two statements, the region with the names of its
/// children (child regions, or communities for a township), then one GROUP BY over the region's communities.
/// </summary>
public sealed class StaffingQueries : IQueryFields
{
    public void AddTo(ObjectGraphType<object> query) =>
        query.Field<NonNullGraphType<StaffingReportGraphType>>("staffing")
            .Description("Staffing against the national standard of 18 community workers per 10,000 urban residents, per region.")
            .Argument<NonNullGraphType<StringGraphType>>("regionCode", "12-digit division code of a province, prefecture, county or township.")
            .AuthorizeWithPolicy(WorkforcePolicies.Analyst)
            .Cost(FieldCost.DatabaseWeight)
            .ResolveAsync(async ctx => await ResolveAsync(ctx).ConfigureAwait(false));

    private static async Task<StaffingReport> ResolveAsync(IResolveFieldContext ctx)
    {
        var code = ctx.GetArgument<string>("regionCode");
        if (!DivisionCode.TryParse(code, out var parsed, out var error))
        {
            throw FieldErrors.InvalidDivisionCode("regionCode", error);
        }

        if (parsed.Level == DivisionLevel.Village)
        {
            throw FieldErrors.InvalidDivisionCode("regionCode", "a village-level code names a community; report on its township.");
        }

        var services = ctx.RequestServices!;
        var today = services.GetRequiredService<WorkforceClock>().Today;
        var township = parsed.Level == DivisionLevel.Township;
        await using var db = services.GetRequiredService<IDbContextSource>().CreateDbContext();

        // 1. The region and the names of its parts (scope filters apply: only the visible ones).
        var found = township
            ? await db.Set<Region>().Where(r => r.Code == code)
                .Select(r => new { Region = r, Parts = r.Communities.OrderBy(c => c.Code).Select(c => new Part(c.Code, c.Name)).ToList() })
                .FirstOrDefaultAsync(ctx.CancellationToken).ConfigureAwait(false)
            : await db.Set<Region>().Where(r => r.Code == code)
                .Select(r => new { Region = r, Parts = r.Children.OrderBy(c => c.Code).Select(c => new Part(c.Code, c.Name)).ToList() })
                .FirstOrDefaultAsync(ctx.CancellationToken).ConfigureAwait(false);

        // Unknown and out of scope are the same answer: no existence oracle.
        if (found is null)
        {
            throw FieldErrors.UnknownRegion("regionCode", code);
        }

        // 2. One GROUP BY over the region's communities, keyed by the child level's prefix (or the community code).
        var prefix = parsed.Prefix;
        var keyLength = township ? 12 : ChildPrefixLength(parsed.Level);
        var sums = await db.Set<Community>()
            .Where(c => c.Code.StartsWith(prefix))
            .Select(Line(keyLength, today))
            .GroupBy(l => l.Key)
            .Select(g => new
            {
                g.Key,
                Population = g.Sum(l => l.Population),
                Standard = g.Sum(l => l.Standard),
                Workers = g.Sum(l => l.Workers),
            })
            .ToListAsync(ctx.CancellationToken).ConfigureAwait(false);

        var byCode = sums.ToDictionary(s => s.Key.PadRight(12, '0'), StringComparer.Ordinal);
        var names = found.Parts.ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
        var rows = found.Parts.Select(p => p.Code)
            .Union(byCode.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(c => byCode.TryGetValue(c, out var s)
                ? new StaffingRow(c, names.GetValueOrDefault(c, c), s.Population, s.Workers, s.Standard)
                : new StaffingRow(c, names[c], 0, 0, 0))
            .ToList();

        var population = rows.Sum(r => r.UrbanResidentPopulation);
        var workers = rows.Sum(r => r.WorkerCount);
        return new StaffingReport(
            found.Region, population, workers, rows.Sum(r => r.StandardStaffing), population == 0 ? 0 : workers * 10_000d / population, rows);
    }

    private static int ChildPrefixLength(DivisionLevel level) => level switch
    {
        DivisionLevel.Province => 4,
        DivisionLevel.Prefecture => 6,
        _ => 9,
    };

    // c => new StaffingLine { Key = c.Code.Substring(0, n), Population = urban ? pop : 0, Standard = standard, Workers = urban ? workers : 0 }
    private static Expression<Func<Community, StaffingLine>> Line(int keyLength, DateOnly today)
    {
        var c = Expression.Parameter(typeof(Community), "c");
        var code = Expression.Property(c, nameof(Community.Code));
        Expression key = keyLength == 12
            ? code
            : Expression.Call(code, typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!, Expression.Constant(0), Expression.Constant(keyLength));
        var urban = ExpressionTools.Rebind(CommunityRules.IsUrban, c);
        var zero = Expression.Constant(0);
        var body = Expression.MemberInit(
            Expression.New(typeof(StaffingLine)),
            Expression.Bind(typeof(StaffingLine).GetProperty(nameof(StaffingLine.Key))!, key),
            Expression.Bind(typeof(StaffingLine).GetProperty(nameof(StaffingLine.Population))!, Expression.Condition(urban, Expression.Property(c, nameof(Community.ResidentPopulation)), zero)),
            Expression.Bind(typeof(StaffingLine).GetProperty(nameof(StaffingLine.Standard))!, ExpressionTools.Rebind(CommunityRules.StandardStaffing, c)),
            Expression.Bind(typeof(StaffingLine).GetProperty(nameof(StaffingLine.Workers))!, Expression.Condition(urban, ExpressionTools.Rebind(CommunityRules.WorkerCount(today), c), zero)));
        return Expression.Lambda<Func<Community, StaffingLine>>(body, c);
    }

    private sealed record Part(string Code, string Name);

    private sealed class StaffingLine
    {
        public string Key { get; init; } = "";

        public int Population { get; init; }

        public int Standard { get; init; }

        public int Workers { get; init; }
    }
}

using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Common;
using WorkforceGraph.Features.Security;
using WorkforceGraph.Features.Workers;
using WorkforceGraph.GraphQL.Conventions.Aggregation;
using WorkforceGraph.GraphQL.Conventions.Batching;
using WorkforceGraph.GraphQL.Conventions.Errors;
using WorkforceGraph.GraphQL.Conventions.Filtering;
using WorkforceGraph.GraphQL.Conventions.Limits;

namespace WorkforceGraph.Features.Statistics;

/// <summary>Root field <c>workforceStatistics</c> (analyst role and above).</summary>
public sealed class StatisticsQueries : IQueryFields
{
    /// <summary>The most groups one call returns (domain.md); <c>Limits:MaxStatisticsGroups</c>.</summary>
    public const int DefaultMaxGroups = 10_000;

    public void AddTo(ObjectGraphType<object> query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkforceGroupGraphType>>>>("workforceStatistics")
            .Description("Head counts grouped by any mix of dimensions, over the workers that `where` selects; computed in the database (one GROUP BY). At most 4 dimensions and 10,000 groups; groups ordered by their values in `groupBy` order, NONE last.")
            .Argument<FilterInputGraphType<WorkerGraphType>>(
                "where",
                "Only the workers matching these conditions (the same filter as `workers`); every group sum equals `workers(where).totalCount`.",
                argument => argument.Metadata[FieldCost.OperationWeightKey] = FieldCost.DatabaseWeight)
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<WorkforceDimensionGraphType>>>>("groupBy", "The dimensions, 1 to 4, each at most once.")
            .AuthorizeWithPolicy(WorkforcePolicies.Analyst)
            .Cost(FieldCost.DatabaseWeight)
            .ListSize(100)
            .ResolveAsync(async ctx => await ResolveAsync(ctx).ConfigureAwait(false));

    private static async Task<IReadOnlyList<WorkforceGroup>> ResolveAsync(IResolveFieldContext ctx)
    {
        var groupBy = ctx.GetArgument<List<WorkforceDimension>>("groupBy");
        if (groupBy.Count == 0 || groupBy.Distinct().Count() != groupBy.Count)
        {
            throw new CodedExecutionError("INVALID_VALUE", "`groupBy` needs 1 to 4 different dimensions.").WithExtension("argument", "groupBy");
        }

        if (groupBy.Count > GroupCounter.MaxKeys)
        {
            throw new CodedExecutionError("LIMIT_EXCEEDED", $"`groupBy` takes at most {GroupCounter.MaxKeys} dimensions.").WithExtension("argument", "groupBy");
        }

        var services = ctx.RequestServices!;
        var today = services.GetRequiredService<WorkforceClock>().Today;
        var dimensions = groupBy.Select(d => Dimension.All[d]).ToList();
        var filter = FilterTranslator.Translate<Worker>(
            ctx.GetArgument<Dictionary<string, object?>?>("where"), (IComplexGraphType)ctx.Schema.AllTypes["Worker"]!, services,
            services.GetService<IOptions<FilterOptions>>()?.Value);

        await using var db = services.GetRequiredService<IDbContextSource>().CreateDbContext();
        IQueryable<Worker> workers = db.Set<Worker>();
        if (filter is not null)
        {
            workers = workers.Where(filter);
        }

        var maxGroups = services.GetService<IOptions<StatisticsOptions>>()?.Value.MaxStatisticsGroups ?? DefaultMaxGroups;
        var counts = await GroupCounter.CountAsync(workers, [.. dimensions.Select(d => d.Key(today))], maxGroups, ctx.CancellationToken).ConfigureAwait(false);
        if (counts.Count > maxGroups)
        {
            throw new CodedExecutionError("LIMIT_EXCEEDED", $"More than {maxGroups:N0} groups: narrow `where` or group by fewer dimensions.")
                .WithExtension("maxAllowedItems", maxGroups);
        }

        var names = await RegionNamesAsync(db, dimensions, counts, ctx.CancellationToken).ConfigureAwait(false);
        return [.. counts
            .Select(c => new WorkforceGroup(
                [.. dimensions.Select((d, i) => Key(d, c.Keys[i], names))],
                c.Count))
            .OrderBy(g => g, new GroupOrder(dimensions))];
    }

    private static WorkforceGroupKey Key(Dimension dimension, object? raw, IReadOnlyDictionary<string, string> names)
    {
        if (raw is null)
        {
            return new WorkforceGroupKey(dimension.Id, Dimension.None, dimension.NoneLabel);
        }

        var value = dimension.Value(raw);
        return dimension.RegionDigits > 0
            ? new WorkforceGroupKey(dimension.Id, value, names.GetValueOrDefault(value, value))
            : new WorkforceGroupKey(dimension.Id, value, dimension.Label(value) ?? value);
    }

    // Names of the region-dimension codes in the groups: one keyed lookup after the GROUP BY.
    private static async Task<IReadOnlyDictionary<string, string>> RegionNamesAsync(
        DbContext db, List<Dimension> dimensions, IReadOnlyList<GroupCount> counts, CancellationToken cancellationToken)
    {
        var codes = dimensions
            .SelectMany((d, i) => d.RegionDigits > 0 ? counts.Select(c => c.Keys[i]).OfType<object>().Select(k => (d.RegionDigits, Code: d.Value(k))) : [])
            .Distinct()
            .ToList();
        var regionCodes = codes.Where(c => c.RegionDigits < 12).Select(c => c.Code).ToList();
        var communityCodes = codes.Where(c => c.RegionDigits == 12).Select(c => c.Code).ToList();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (regionCodes.Count > 0)
        {
            foreach (var region in await db.Set<Region>().Where(r => regionCodes.Contains(r.Code)).Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                names[region.Code] = region.Name;
            }
        }

        if (communityCodes.Count > 0)
        {
            foreach (var community in await db.Set<Community>().Where(c => communityCodes.Contains(c.Code)).Select(c => new { c.Code, c.Name }).ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                names[community.Code] = community.Name;
            }
        }

        return names;
    }

    private sealed class GroupOrder(List<Dimension> dimensions) : IComparer<WorkforceGroup>
    {
        public int Compare(WorkforceGroup? x, WorkforceGroup? y)
        {
            for (var i = 0; i < dimensions.Count; i++)
            {
                var (rankX, textX) = dimensions[i].Rank(x!.Key[i].Value);
                var (rankY, textY) = dimensions[i].Rank(y!.Key[i].Value);
                var order = rankX != rankY ? rankX.CompareTo(rankY) : string.CompareOrdinal(textX, textY);
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        }
    }
}

/// <summary><c>Limits:MaxStatisticsGroups</c>: the most groups one <c>workforceStatistics</c> call returns.</summary>
public sealed class StatisticsOptions
{
    public int MaxStatisticsGroups { get; set; } = StatisticsQueries.DefaultMaxGroups;
}

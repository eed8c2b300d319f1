using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Features.Common;
using WorkforceGraph.Features.Integration;
using WorkforceGraph.Features.Security;
using WorkforceGraph.GraphQL.Conventions.Batching;
using WorkforceGraph.GraphQL.Conventions.Limits;
using WorkforceGraph.GraphQL.Conventions.Paging;

namespace WorkforceGraph.Features.Changes;

/// <summary>
/// Root field <c>changes(after, first, entityTypes)</c> (integrator role): the change log oldest first, in the caller's
/// region, with tombstones. Entries commit in id order (batch writes are serialized), so a client that keeps the last
/// <c>endCursor</c> and asks again gets every change exactly once.
/// </summary>
public sealed class ChangeQueries : IQueryFields
{
    /// <summary>Entries per page when <c>first</c> is not given.</summary>
    public const int DefaultPageSize = 100;

    public void AddTo(ObjectGraphType<object> query) =>
        _ = query.Field<ConnectionGraphType<ChangeGraphType>>("changes")
            .Description("Everything that changed after `after` (a cursor from a previous call), oldest first, deletions included. Keep the last `endCursor` (an empty page has none: keep the one you had) and ask again to get each change exactly once.")
            .Argument<StringGraphType>("after", "The `endCursor` of the previous page; none for the beginning of the log.")
            .Argument<IntGraphType>("first", "Entries per page: 100 when not given, at most `Limits:MaxBatchRecords` (1,000).")
            .Argument<ListGraphType<NonNullGraphType<ChangeEntityTypeGraphType>>>("entityTypes", "Only these kinds of rows; all when not given.")
            .AuthorizeWithPolicy(WorkforcePolicies.Integrator)
            .Cost(FieldCost.DatabaseWeight)
            .ResolveAsync(async ctx => await ResolveAsync(ctx).ConfigureAwait(false))
            .FieldType.ListSize(new ListSize(DefaultPageSize, ["first"], null, ["nodes", "edges"]));

    /// <summary>The opaque cursor of a change-log position.</summary>
    public static string Cursor(long id) => Convert.ToBase64String(Encoding.UTF8.GetBytes("Change|" + id.ToString(CultureInfo.InvariantCulture)));

    private static bool TryDecode(string cursor, out long id)
    {
        id = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("Change|", StringComparison.Ordinal)
                && long.TryParse(text.AsSpan("Change|".Length), NumberStyles.None, CultureInfo.InvariantCulture, out id);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static async Task<object?> ResolveAsync(IResolveFieldContext ctx)
    {
        var services = ctx.RequestServices!;
        var max = services.GetRequiredService<IOptions<BatchOptions>>().Value.MaxBatchRecords;
        var first = ctx.GetArgument<int?>("first") ?? DefaultPageSize;
        var coordinate = "Query.changes";
        if (first < 0)
        {
            throw PagingErrors.NegativePageSize(coordinate, first);
        }

        if (first > max)
        {
            throw PagingErrors.MaxPageSizeExceeded(coordinate, first, max);
        }

        var after = 0L;
        if (ctx.GetArgument<string?>("after") is { } cursor && !TryDecode(cursor, out after))
        {
            throw PagingErrors.InvalidCursor("after", cursor);
        }

        var types = ctx.GetArgument<List<ChangeEntityType>?>("entityTypes");

        // The entries after the cursor, of the kinds asked for: the page and totalCount read the same set.
        IQueryable<ChangeLogEntry> After(DbContext db)
        {
            var log = db.Set<ChangeLogEntry>().Where(c => c.Id > after);
            return types is { Count: > 0 } ? log.Where(c => types.Contains(c.EntityType)) : log;
        }

        List<ChangeLogEntry> rows;
        await using (var db = services.GetRequiredService<IDbContextSource>().CreateDbContext())
        {
            rows = await After(db).OrderBy(c => c.Id).Take(first + 1).ToListAsync(ctx.CancellationToken).ConfigureAwait(false);
        }

        var hasNext = rows.Count > first;
        var page = rows.Take(first).Select(r => new Edge<ChangeLogEntry>(Cursor(r.Id), r)).ToList();
        var pageInfo = new PageInfo(hasNext, after > 0, page.Count > 0 ? page[0].Cursor : null, page.Count > 0 ? page[^1].Cursor : null);
        return new Connection<ChangeLogEntry>(page, pageInfo, async ct =>
        {
            await using var counting = services.GetRequiredService<IDbContextSource>().CreateDbContext();
            return await After(counting).CountAsync(ct).ConfigureAwait(false);
        });
    }
}

/// <summary><c>Worker.history</c>: the archive of one worker (art. 9), newest first, one statement per level.</summary>
public static class WorkerHistory
{
    public static void AddHistory(this ObjectGraphType<Data.Workers.Worker> worker) =>
        worker.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeGraphType>>>>("history")
            .Description("Every change to the worker and to their posts, training records and assessments, newest first: who changed what when (ID numbers and phones masked). Empty for records seeded before the log began.")
            .Cost(FieldCost.DatabaseWeight)
            .ListSize(20)
            .Resolve(ctx =>
            {
                var services = ctx.RequestServices!;
                var loader = services.GetRequiredService<BatchLoaderRegistry>().GetOrAdd<int, IReadOnlyList<ChangeLogEntry>>(
                    "worker-history",
                    async (ids, ct) =>
                    {
                        await using var db = services.GetRequiredService<IDbContextSource>().CreateDbContext();
                        var keys = ids.Select(i => (int?)i).ToList();
                        var rows = await db.Set<ChangeLogEntry>().Where(c => keys.Contains(c.WorkerId)).OrderByDescending(c => c.Id).ToListAsync(ct).ConfigureAwait(false);
                        return rows.GroupBy(r => r.WorkerId!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<ChangeLogEntry>)[.. g]);
                    },
                    []);
                return loader.Load(ctx.Source.Id);
            });
}

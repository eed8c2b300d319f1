using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.GraphQL.Conventions.Batching;
using WorkforceGraph.GraphQL.Conventions.NodeIds;

namespace WorkforceGraph.Features.Common;

/// <summary>Refetches entities of one type by the integer keys of their node IDs, in one query.</summary>
internal sealed class EntityNodeResolver<TEntity>(string typeName) : INodeResolver
    where TEntity : class
{
    public string TypeName => typeName;

    // Integer keys print in invariant decimal without sign or leading zeros (graphql-conventions.md §7).
    public bool IsWellFormedKey(string key) =>
        int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
        && id.ToString(System.Globalization.CultureInfo.InvariantCulture) == key;

    public async Task<IReadOnlyDictionary<string, object>> LoadAsync(IReadOnlyList<string> keys, IServiceProvider services, CancellationToken cancellationToken)
    {
        var ids = keys
            .Select(k => int.TryParse(k, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
            .OfType<int>()
            .ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, object>();
        }

        await using var db = services.GetRequiredService<IDbContextSource>().CreateDbContext();
        var rows = await db.Set<TEntity>().Where(e => ids.Contains(EF.Property<int>(e, "Id"))).ToListAsync(cancellationToken);
        var keyOf = GraphQL.Conventions.Types.EntityKey.Accessor<TEntity>();
        return rows.ToDictionary(r => keyOf(r).ToString(System.Globalization.CultureInfo.InvariantCulture), r => (object)r);
    }
}

using System.Linq.Expressions;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.GraphQL.Conventions.Batching;
using WorkforceGraph.GraphQL.Conventions.NodeIds;
using WorkforceGraph.GraphQL.Conventions.Paging;

namespace WorkforceGraph.GraphQL.Conventions.Types;

/// <summary>
/// Base for graph types of table-backed entities with an integer primary key <c>Id</c>: implements <c>Node</c>,
/// resolves to-one references and child lists through per-request batch loaders (one statement per field and
/// level, never one per parent), and exposes nested connections.
/// </summary>
/// <typeparam name="TEntity">The EF entity.</typeparam>
public abstract class EntityGraphType<TEntity> : ObjectGraphType<TEntity>
    where TEntity : class
{
    private static readonly Func<TEntity, int> KeyOf = EntityKey.Accessor<TEntity>();

    /// <summary>Names the type, describes it and adds <c>id: ID!</c>.</summary>
    protected EntityGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Interface<NodeInterfaceGraphType>();
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description($"Global ID of the {name} (opaque; base64 of `{name}:<key>`).")
            .Resolve(ctx => NodeId.Encode(name, KeyOf(ctx.Source)));
    }

    /// <summary>A to-one relation loaded in batch by the target's primary key.</summary>
    protected FieldBuilder<TEntity, object> Reference<TGraphType, TTarget>(string name, Func<TEntity, int?> foreignKey, bool nullable)
        where TGraphType : IGraphType
        where TTarget : class
    {
        var builder = nullable ? Field<TGraphType>(name) : Field<NonNullGraphType<TGraphType>>(name);
        return builder.Resolve(ctx =>
        {
            var key = foreignKey(ctx.Source);
            if (key is null)
            {
                return null;
            }

            var loader = Registry(ctx).GetOrAdd<int, TTarget?>(
                $"ref:{typeof(TTarget).FullName}",
                (keys, ct) => LoadByIdAsync<TTarget>(ctx, keys, ct),
                null);
            return loader.Load(key.Value);
        });
    }

    /// <summary>A to-many child list loaded in batch by the children's foreign key, in primary-key order.</summary>
    protected FieldBuilder<TEntity, object> Children<TGraphType, TChild>(string name, Expression<Func<TChild, int>> parentKey)
        where TGraphType : IGraphType
        where TChild : class
    {
        var parentKeyOf = parentKey.Compile();
        return Field<NonNullGraphType<ListGraphType<NonNullGraphType<TGraphType>>>>(name).Resolve(ctx =>
        {
            var loader = Registry(ctx).GetOrAdd<int, IReadOnlyList<TChild>>(
                $"children:{typeof(TEntity).FullName}.{name}",
                async (keys, ct) =>
                {
                    await using var db = Source(ctx).CreateDbContext();
                    var rows = await KeysetPager.ApplyOrder(
                            db.Set<TChild>().Where(ContainsKey(parentKey, keys)),
                            [EntityKey.For<TChild>()])
                        .ToListAsync(ct).ConfigureAwait(false);
                    return rows.GroupBy(parentKeyOf).ToDictionary(g => g.Key, g => (IReadOnlyList<TChild>)[.. g]);
                },
                []);
            return loader.Load(KeyOf(ctx.Source));
        });
    }

    /// <summary>A nested forward-only connection over the rows <paramref name="rows"/> selects for one parent.</summary>
    protected FieldBuilder<TEntity, object> ConnectionOf<TGraphType, TChild>(
        string name, Func<IResolveFieldContext<TEntity>, DbContext, IQueryable<TChild>> rows)
        where TGraphType : IGraphType
        where TChild : class =>
        Field<ConnectionGraphType<TGraphType>>(name)
            .Argument<IntGraphType>("first", "Returns the first _n_ elements from the list.")
            .Argument<StringGraphType>("after", "Returns the elements in the list that come after the specified cursor.")
            .ResolveAsync(ctx => ConnectionResolver.ResolveAsync(ctx, db => rows(ctx, db), EntityKey.For<TChild>()));

    private static async Task<IReadOnlyDictionary<int, TTarget?>> LoadByIdAsync<TTarget>(IResolveFieldContext ctx, IReadOnlyList<int> keys, CancellationToken ct)
        where TTarget : class
    {
        await using var db = Source(ctx).CreateDbContext();
        var rows = await db.Set<TTarget>().Where(t => keys.Contains(EF.Property<int>(t, "Id"))).ToListAsync(ct).ConfigureAwait(false);
        var keyOf = EntityKey.Accessor<TTarget>();
        return rows.ToDictionary(keyOf, r => (TTarget?)r);
    }

    private static Expression<Func<TChild, bool>> ContainsKey<TChild>(Expression<Func<TChild, int>> key, IReadOnlyList<int> keys)
    {
        var list = keys.ToList();
        var contains = Expression.Call(Expression.Constant(list), typeof(List<int>).GetMethod(nameof(List<int>.Contains))!, key.Body);
        return Expression.Lambda<Func<TChild, bool>>(contains, key.Parameters);
    }

    private static BatchLoaderRegistry Registry(IResolveFieldContext ctx) =>
        Services(ctx).GetRequiredService<BatchLoaderRegistry>();

    private static IDbContextSource Source(IResolveFieldContext ctx) => Services(ctx).GetRequiredService<IDbContextSource>();

    private static IServiceProvider Services(IResolveFieldContext ctx) =>
        ctx.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices is not set.");
}

/// <summary>The integer primary key <c>Id</c> of an entity, as a sort key and as a compiled accessor.</summary>
public static class EntityKey
{
    /// <summary>The primary key as a sort key (the tiebreak of every order).</summary>
    public static SortKey For<TEntity>() => Cache<TEntity>.Key;

    /// <summary>Reads the primary key of a loaded entity.</summary>
    public static Func<TEntity, int> Accessor<TEntity>() => Cache<TEntity>.Accessor;

    private static class Cache<TEntity>
    {
        public static readonly SortKey Key = SortKey.Create<TEntity, int>("id", e => EF.Property<int>(e!, "Id"));

        public static readonly Func<TEntity, int> Accessor = Build();

        private static Func<TEntity, int> Build()
        {
            var property = typeof(TEntity).GetProperty("Id")
                ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no Id property.");
            var parameter = Expression.Parameter(typeof(TEntity));
            return Expression.Lambda<Func<TEntity, int>>(Expression.Property(parameter, property), parameter).Compile();
        }
    }
}

/// <summary>Resolves connection fields: reads the paging arguments, pages, and counts on demand with its own context.</summary>
public static class ConnectionResolver
{
    /// <summary>Pages the rows that <paramref name="rows"/> selects (filtered, scoped, unordered).</summary>
    public static async Task<object?> ResolveAsync<TEntity>(
        IResolveFieldContext ctx, Func<DbContext, IQueryable<TEntity>> rows, SortKey primaryKey, IReadOnlyList<SortKey>? order = null)
    {
        var services = ctx.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices is not set.");
        var options = services.GetService<Microsoft.Extensions.Options.IOptions<PagingOptions>>()?.Value ?? new PagingOptions();
        var arguments = KeysetPager.Validate(
            new PagingArguments(
                ctx.GetArgument<int?>("first"),
                ctx.GetArgument<string?>("after"),
                ctx.GetArgument<int?>("last"),
                ctx.GetArgument<string?>("before")),
            options,
            $"{ctx.ParentType.Name}.{ctx.FieldDefinition.Name}");
        var source = services.GetRequiredService<IDbContextSource>();
        var effective = KeysetPager.WithTiebreak(order ?? [], primaryKey);
        await using var db = source.CreateDbContext();
        return await KeysetPager.PageAsync(
            rows(db),
            effective,
            arguments,
            async ct =>
            {
                await using var countDb = source.CreateDbContext();
                return await rows(countDb).CountAsync(ct).ConfigureAwait(false);
            },
            ctx.CancellationToken).ConfigureAwait(false);
    }
}

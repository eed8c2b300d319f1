using System.Linq.Expressions;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.GraphQL.Conventions.Batching;
using WorkforceGraph.GraphQL.Conventions.Execution;
using WorkforceGraph.GraphQL.Conventions.Expressions;
using WorkforceGraph.GraphQL.Conventions.Filtering;
using WorkforceGraph.GraphQL.Conventions.NodeIds;
using WorkforceGraph.GraphQL.Conventions.Paging;
using WorkforceGraph.GraphQL.Conventions.Projection;
using WorkforceGraph.GraphQL.Conventions.Sorting;

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
    private static readonly string[] IdColumn = ["Id"];

    /// <summary>Names the type, describes it and adds <c>id: ID!</c>.</summary>
    protected EntityGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Interface<NodeInterfaceGraphType>();
        var id = Field<NonNullGraphType<IdGraphType>>("id")
            .Description($"Global ID of the {name} (opaque; base64 of `{name}:<key>`).")
            .Resolve(ctx => NodeId.Encode(name, KeyOf(ctx.Source)));
        id.WithMetadata(PlainField.MetadataKey, PlainField.Value<TEntity, string>(id.FieldType.Resolver, entity => NodeId.Encode(name, KeyOf(entity))))
            .WithMetadata(DataField.MetadataKey, new DataField(DataFieldKind.Value, _ => EntityKey.For<TEntity>().Selector, typeof(int))
            {
                OperationInputType = typeof(IdOperationFilterInputGraphType),
                OperandConverter = operand => DecodeId(name, operand),
                Columns = ["Id"],
            });
    }

    /// <summary>
    /// A field backed by an expression over the entity (a column or a translatable computation): resolved from the
    /// loaded entity, and usable in <c>where</c>, <c>order</c> and projections.
    /// </summary>
    /// <param name="expression">A member access (a column) or any EF-translatable expression.</param>
    /// <param name="nullable">Whether the GraphQL field is nullable.</param>
    /// <param name="type">The graph type, when not inferred (enums: their described graph type).</param>
    protected FieldBuilder<TEntity, TProperty> Column<TProperty>(Expression<Func<TEntity, TProperty>> expression, bool nullable = false, Type? type = null)
    {
        var enumGraphType = Unwrap(type) is { } unwrapped && typeof(EnumerationGraphType).IsAssignableFrom(unwrapped) ? unwrapped : null;
        var member = expression.Body is MemberExpression { Expression: ParameterExpression } access ? access.Member.Name : null;
        var builder = type is null ? Field(expression, nullable) : Field(expression, type);
        return builder
            .WithMetadata(PlainField.MetadataKey, PlainField.Value(builder.FieldType.Resolver, expression.Compile()))
            .WithMetadata(DataField.MetadataKey, new DataField(DataFieldKind.Value, _ => expression, typeof(TProperty))
            {
                EnumGraphType = enumGraphType,
                Nullable = type is null ? nullable : !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(NonNullGraphType<>)),
                Columns = member is null ? [] : [member],
            });
    }

    /// <summary>
    /// A field computed in SQL by an expression the host builds per request (it may read request services, e.g. a
    /// clock): usable in <c>where</c> and <c>order</c> like a column, and resolved for a whole level in one batched
    /// statement by key (<c>SELECT id, expression … WHERE id IN (…)</c>), so it is never evaluated in memory.
    /// </summary>
    /// <param name="name">Field name.</param>
    /// <param name="expression">Builds the expression from the request's services.</param>
    /// <param name="graphType">The field's graph type (e.g. <c>NonNullGraphType&lt;IntGraphType&gt;</c>).</param>
    protected FieldBuilder<TEntity, object> Computed<TValue>(string name, Func<IServiceProvider, Expression<Func<TEntity, TValue>>> expression, Type graphType)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(graphType);
        var unwrapped = Unwrap(graphType);
        var builder = Field(name, graphType);
        builder.WithMetadata(DataField.MetadataKey, new DataField(
            DataFieldKind.Value,
            services => expression(services ?? throw new InvalidOperationException($"`{name}` needs the request's services.")),
            typeof(TValue))
        {
            EnumGraphType = unwrapped is not null && typeof(EnumerationGraphType).IsAssignableFrom(unwrapped) ? unwrapped : null,
            Nullable = !(graphType.IsGenericType && graphType.GetGenericTypeDefinition() == typeof(NonNullGraphType<>)),
            Computed = true,
        });
        var loaderName = $"computed:{typeof(TEntity).FullName}.{name}";
        return builder.Resolve(ctx => Registry(ctx).GetOrAdd<int, object?>(
            loaderName,
            async (keys, ct) =>
            {
                var value = expression(Services(ctx));
                var boxed = Expression.Lambda<Func<TEntity, object?>>(Expression.Convert(value.Body, typeof(object)), value.Parameters);
                return await LoadComputedAsync(ctx, keys, boxed, ct).ConfigureAwait(false);
            },
            null).Load(KeyOf(ctx.Source)));
    }

    /// <summary>
    /// A to-one relation computed by expressions built per request (e.g. "the current post"): <paramref name="target"/>
    /// (the related row) serves <c>where</c> and <c>order</c>, translated into SQL; <paramref name="key"/> (its primary
    /// key) is read for a whole level in one batched statement, then the rows come from the target's batch loader.
    /// </summary>
    /// <param name="name">Field name.</param>
    /// <param name="target">Builds the expression to the related row.</param>
    /// <param name="key">Builds the expression to the related row's key.</param>
    protected FieldBuilder<TEntity, object> ComputedReference<TGraphType, TTarget>(
        string name, Func<IServiceProvider, Expression<Func<TEntity, TTarget?>>> target, Func<IServiceProvider, Expression<Func<TEntity, int?>>> key)
        where TGraphType : IGraphType
        where TTarget : class
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(key);
        var builder = Field<TGraphType>(name);
        builder.WithMetadata(DataField.MetadataKey, new DataField(
            DataFieldKind.Reference,
            services => target(services ?? throw new InvalidOperationException($"`{name}` needs the request's services.")),
            typeof(TTarget))
        {
            TargetGraphType = typeof(TGraphType),
            Nullable = true,
            Computed = true,
        });
        var loaderName = $"computed-key:{typeof(TEntity).FullName}.{name}";
        return builder.Resolve(ctx => Registry(ctx).GetOrAdd<int, int?>(
                loaderName,
                (keys, ct) => LoadComputedAsync(ctx, keys, key(Services(ctx)), ct),
                null)
            .Load(KeyOf(ctx.Source))
            .Then(found => found is { } id ? LoadReference<TTarget>(ctx, id) : null));
    }

    // SELECT Id, <value> FROM <entity> WHERE Id IN (@keys): one statement for a level.
    private static async Task<IReadOnlyDictionary<int, TValue>> LoadComputedAsync<TValue>(
        IResolveFieldContext ctx, IReadOnlyList<int> keys, Expression<Func<TEntity, TValue>> value, CancellationToken cancellationToken)
    {
        var entity = value.Parameters[0];
        var pair = Expression.Lambda<Func<TEntity, KeyValuePair<int, TValue>>>(
            Expression.New(
                typeof(KeyValuePair<int, TValue>).GetConstructor([typeof(int), typeof(TValue)])!,
                ExpressionTools.Rebind(EntityKey.For<TEntity>().Selector, entity),
                value.Body),
            entity);
        var ids = keys.ToList();
        await using var db = Source(ctx).CreateDbContext();
        var rows = await db.Set<TEntity>().Where(e => ids.Contains(EF.Property<int>(e, "Id"))).Select(pair).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Key, r => r.Value);
    }

    /// <summary>A to-one relation loaded in batch by the target's primary key.</summary>
    protected FieldBuilder<TEntity, object> Reference<TGraphType, TTarget>(
        string name, Expression<Func<TEntity, TTarget?>> navigation, Expression<Func<TEntity, int?>> foreignKeyExpression, bool nullable)
        where TGraphType : IGraphType
        where TTarget : class
    {
        var foreignKey = foreignKeyExpression.Compile();
        var loaded = navigation.Compile();
        var builder = nullable ? Field<TGraphType>(name) : Field<NonNullGraphType<TGraphType>>(name);
        var fkColumn = foreignKeyExpression.Body is UnaryExpression { Operand: MemberExpression m } ? m.Member.Name
            : foreignKeyExpression.Body is MemberExpression m2 ? m2.Member.Name : null;
        builder.WithMetadata(DataField.MetadataKey, new DataField(DataFieldKind.Reference, _ => navigation, typeof(TTarget))
        {
            TargetGraphType = typeof(TGraphType),
            Nullable = nullable,
            Columns = fkColumn is null ? [] : [fkColumn],
        });
        // Joined into the parent's statement by the projection: no further query (and, on this path taken once per
        // row, no allocation: the batch loader's closure lives in LoadReference).
        builder.Resolve(ctx => loaded(ctx.Source) is { } joined ? joined
            : foreignKey(ctx.Source) is { } key ? LoadReference<TTarget>(ctx, key)
            : null);
        return builder.WithMetadata(PlainField.MetadataKey, PlainField.Reference(builder.FieldType.Resolver, loaded, (TEntity entity) => foreignKey(entity) is not null));
    }

    private static object LoadReference<TTarget>(IResolveFieldContext ctx, int key)
        where TTarget : class =>
        Registry(ctx).GetOrAdd<int, TTarget?>(
            ReferenceLoaderName<TTarget>.Value,
            (keys, ct) => LoadByIdAsync<TTarget>(ctx, keys, ct),
            null).Load(key);

    /// <summary>
    /// A to-many child list loaded in batch by the children's foreign key (one statement per field and level),
    /// optionally with <c>where</c> and <c>order</c> arguments; primary-key order by default.
    /// </summary>
    protected FieldBuilder<TEntity, object> Children<TGraphType, TChild>(
        string name, Expression<Func<TEntity, IEnumerable<TChild>>> navigation, Expression<Func<TChild, int>> parentKey,
        bool filterable = false, bool sortable = false)
        where TGraphType : IComplexGraphType
        where TChild : class
    {
        var parentKeyOf = parentKey.Compile();
        var builder = Field<NonNullGraphType<ListGraphType<NonNullGraphType<TGraphType>>>>(name)
            .WithMetadata(DataField.MetadataKey, new DataField(DataFieldKind.Collection, _ => navigation, typeof(TChild))
            {
                TargetGraphType = typeof(TGraphType),
                Sortable = false,
            })
            .ListArguments<TGraphType, TEntity, object>(Arguments(paged: false, filterable, sortable));

        return builder.Resolve(ctx =>
        {
            var services = Services(ctx);
            var nodeType = ListElementType(ctx.FieldDefinition);
            var filter = filterable ? FilterTranslator.Translate<TChild>(ctx.GetArgument<Dictionary<string, object?>?>("where"), nodeType, services, FilterOptionsOf(services)) : null;
            var order = KeysetPager.WithTiebreak(
                sortable ? SortTranslator.Translate<TChild>(ctx.GetArgument<List<object?>?>("order"), nodeType, services, OrderLiteral(ctx)) : [],
                EntityKey.For<TChild>());
            var selection = SelectionTree.Of(ctx);
            var projection = ProjectionBuilder.Build<TChild>(nodeType, selection, parentKey);
            var loaderName = $"children:{typeof(TEntity).FullName}.{name}:{ArgumentKey(ctx)}:{selection.Signature()}";
            var loader = Registry(ctx).GetOrAdd<int, IReadOnlyList<TChild>>(
                loaderName,
                async (keys, ct) =>
                {
                    await using var db = Source(ctx).CreateDbContext();
                    var query = db.Set<TChild>().Where(ContainsKey(parentKey, keys));
                    if (filter is not null)
                    {
                        query = query.Where(filter);
                    }

                    var ordered = KeysetPager.ApplyOrder(query, order);
                    var rows = await (projection is null ? ordered : ordered.Select(projection)).ToListAsync(ct).ConfigureAwait(false);
                    return rows.GroupBy(parentKeyOf).ToDictionary(g => g.Key, g => (IReadOnlyList<TChild>)[.. g]);
                },
                []);
            return loader.Load(KeyOf(ctx.Source));
        });
    }

    /// <summary>
    /// A nested forward-only connection over a collection navigation, paged per parent for every parent of the level
    /// in ONE statement (a window function); <c>totalCount</c> is one statement per level too.
    /// </summary>
    /// <param name="name">Field name.</param>
    /// <param name="navigation">The collection navigation (e.g. <c>t =&gt; t.Records</c>).</param>
    /// <param name="foreignKey">The child's key of its parent (e.g. <c>r =&gt; r.TrainingId</c>): restricts the window to the
    /// batch's parents inside the subquery, which EF would otherwise number over the whole table.</param>
    /// <param name="condition">An extra condition on the children that does not refer to the parent, or null.</param>
    /// <param name="filterable">Adds <c>where</c>.</param>
    /// <param name="sortable">Adds <c>order</c>.</param>
    protected FieldBuilder<TEntity, object> ConnectionOver<TGraphType, TChild>(
        string name, Expression<Func<TEntity, IEnumerable<TChild>>> navigation, Expression<Func<TChild, int?>> foreignKey,
        Func<IResolveFieldContext, Expression<Func<TChild, bool>>?>? condition = null, bool filterable = true, bool sortable = true)
        where TGraphType : IComplexGraphType
        where TChild : class
    {
        var builder = Field<ConnectionGraphType<TGraphType>>(name)
            .WithMetadata(ProjectionBuilder.RequiredColumnsKey, IdColumn)
            .ListArguments<TGraphType, TEntity, object>(Arguments(paged: true, filterable, sortable));

        var parentKey = (Expression<Func<TEntity, int>>)EntityKey.For<TEntity>().Selector;
        return builder.Resolve(ctx =>
        {
            var request = NestedConnectionRequest<TChild>.Read(ctx, filterable, sortable, condition?.Invoke(ctx));
            var loaderKey = $"{typeof(TEntity).FullName}.{name}:{ArgumentKey(ctx)}";
            IQueryable<TEntity> Parents(DbContext db, IReadOnlyList<int> keys) => db.Set<TEntity>().Where(ContainsKey(parentKey, keys));

            // The children of this batch's parents only, as a parameter list (not a correlation, which needs APPLY).
            Expression<Func<TChild, bool>> OfBatch(IReadOnlyList<int> keys) =>
                request.Restrict(foreignKey, keys.Select(k => (int?)k).ToList());

            var counts = Registry(ctx).GetOrAdd<int, int>(
                "count:" + loaderKey,
                async (keys, ct) =>
                {
                    await using var db = Source(ctx).CreateDbContext();
                    return await NestedConnectionLoader.CountAsync(Parents(db, keys), parentKey, navigation, OfBatch(keys), ct).ConfigureAwait(false);
                },
                0);
            var pages = Registry(ctx).GetOrAdd<int, Connection<TChild>>(
                $"connection:{loaderKey}:{request.Signature}",
                async (keys, ct) =>
                {
                    await using var db = Source(ctx).CreateDbContext();
                    var fetched = await NestedConnectionLoader.PageAsync(
                        Parents(db, keys), parentKey, navigation, OfBatch(keys), request.Order, request.After, request.First, request.Projection, ct).ConfigureAwait(false);
                    return keys.ToDictionary(k => k, k => request.Connection(fetched.TryGetValue(k, out var page) ? page : ([], false), () => counts.Load(k)));
                },
                request.Empty);
            return pages.Load(KeyOf(ctx.Source));
        });
    }

    /// <summary>
    /// A nested forward-only connection over the children whose computed key equals the parent's, for relations that
    /// are no navigation (e.g. children whose code starts with the parent's code prefix). The parents of a level are
    /// grouped by kind (which selects the child's key expression); every parent of a kind is paged in ONE statement
    /// (<c>GROUP BY</c> the child's key, <c>ROW_NUMBER() OVER (PARTITION BY</c> it<c>)</c>, restricted to the batch's
    /// keys) and counted in one more: one statement per kind present, whatever the number of parents.
    /// </summary>
    /// <param name="name">Field name.</param>
    /// <param name="parentKey">The parent's kind and key; null for a parent that has no children.</param>
    /// <param name="childKey">For a kind, the child's key as an EF-translatable expression (e.g. kind 4 →
    /// <c>c =&gt; c.Code.Substring(0, 4)</c>); a child belongs to a parent of that kind when it equals the parent's key.
    /// Called once per kind and batch.</param>
    /// <param name="requiredColumns">The parent's columns <paramref name="parentKey"/> reads (projection).</param>
    /// <param name="filterable">Adds <c>where</c>.</param>
    /// <param name="sortable">Adds <c>order</c>.</param>
    protected FieldBuilder<TEntity, object> ConnectionByKey<TGraphType, TChild, TKey>(
        string name, Func<TEntity, (int Kind, TKey Key)?> parentKey, Func<int, Expression<Func<TChild, TKey>>> childKey,
        string[] requiredColumns, bool filterable = true, bool sortable = true)
        where TGraphType : IComplexGraphType
        where TChild : class
        where TKey : notnull
    {
        var builder = Field<ConnectionGraphType<TGraphType>>(name)
            .WithMetadata(ProjectionBuilder.RequiredColumnsKey, requiredColumns)
            .ListArguments<TGraphType, TEntity, object>(Arguments(paged: true, filterable, sortable));

        return builder.Resolve(ctx =>
        {
            var request = NestedConnectionRequest<TChild>.Read(ctx, filterable, sortable, condition: null);
            if (parentKey(ctx.Source) is not { } parent)
            {
                return request.Empty;
            }

            var (kind, key) = parent;

            var loaderKey = $"{typeof(TEntity).FullName}.{name}:{kind}:{ArgumentKey(ctx)}";
            var counts = Registry(ctx).GetOrAdd<TKey, int>(
                "count:" + loaderKey,
                async (keys, ct) =>
                {
                    var keyOf = childKey(kind);
                    await using var db = Source(ctx).CreateDbContext();
                    var children = db.Set<TChild>().Where(request.Restrict(keyOf, keys.ToList()));
                    return await NestedConnectionLoader.CountByKeyAsync(children, keyOf, ct).ConfigureAwait(false);
                },
                0);
            var pages = Registry(ctx).GetOrAdd<TKey, Connection<TChild>>(
                $"connection:{loaderKey}:{request.Signature}",
                async (keys, ct) =>
                {
                    var keyOf = childKey(kind);
                    await using var db = Source(ctx).CreateDbContext();
                    var children = db.Set<TChild>().Where(request.Restrict(keyOf, keys.ToList()));
                    var fetched = await NestedConnectionLoader.PageByKeyAsync(
                        children, keyOf, request.Order, request.After, request.First, request.Projection, ct).ConfigureAwait(false);
                    return keys.ToDictionary(k => k, k => request.Connection(fetched.TryGetValue(k, out var page) ? page : ([], false), () => counts.Load(k)));
                },
                request.Empty);
            return pages.Load(key);
        });
    }

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
        // A parameter, not a constant: the SQL text (and its cached plan) does not change with the keys.
        var contains = Expression.Call(Expressions.ExpressionTools.Parameter(list, typeof(List<int>)), typeof(List<int>).GetMethod(nameof(List<int>.Contains))!, key.Body);
        return Expression.Lambda<Func<TChild, bool>>(contains, key.Parameters);
    }

    private static int? DecodeId(string typeName, object operand) =>
        !NodeId.TryDecode(operand as string, out var type, out var key) ? throw NodeFields.InvalidNodeId(operand as string)
        : type != typeName ? null // an ID of another type matches no row
        : int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            && id.ToString(System.Globalization.CultureInfo.InvariantCulture) == key ? id
        : throw NodeFields.InvalidNodeId(operand as string);

    private static Type? Unwrap(Type? type)
    {
        while (type is { IsGenericType: true } && (type.GetGenericTypeDefinition() == typeof(NonNullGraphType<>) || type.GetGenericTypeDefinition() == typeof(ListGraphType<>)))
        {
            type = type.GetGenericArguments()[0];
        }

        return type;
    }

    private static ListArgumentSet Arguments(bool paged, bool filterable, bool sortable) =>
        (paged ? ListArgumentSet.Forward : ListArgumentSet.None)
        | (filterable ? ListArgumentSet.Where : ListArgumentSet.None)
        | (sortable ? ListArgumentSet.Order : ListArgumentSet.None);

    private static IComplexGraphType ListElementType(FieldType field) => GraphTypes.Complex(field.ResolvedType);

    private static GraphQLParser.AST.GraphQLValue? OrderLiteral(IResolveFieldContext ctx) => EntityKey.OrderLiteral(ctx);

    private static FilterOptions? FilterOptionsOf(IServiceProvider services) =>
        services.GetService<Microsoft.Extensions.Options.IOptions<FilterOptions>>()?.Value;

    // Arguments are part of a batch loader's identity: the same field with another where/order is another batch.
    private static string ArgumentKey(IResolveFieldContext ctx) =>
        ctx.Arguments is null ? "" : System.Text.Json.JsonSerializer.Serialize(ctx.Arguments.ToDictionary(a => a.Key, a => a.Value.Value?.ToString()));

    private static BatchLoaderRegistry Registry(IResolveFieldContext ctx) =>
        Services(ctx).GetRequiredService<BatchLoaderRegistry>();

    private static IDbContextSource Source(IResolveFieldContext ctx) => Services(ctx).GetRequiredService<IDbContextSource>();

    private static IServiceProvider Services(IResolveFieldContext ctx) =>
        ctx.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices is not set.");
}

/// <summary>The name of the per-request batch loader of references to <typeparamref name="TTarget"/>.</summary>
internal static class ReferenceLoaderName<TTarget>
{
    public static readonly string Value = $"ref:{typeof(TTarget).FullName}";
}

/// <summary>The integer primary key <c>Id</c> of an entity, as a sort key and as a compiled accessor.</summary>
public static class EntityKey
{
    /// <summary>The primary key as a sort key (the tiebreak of every order).</summary>
    public static SortKey For<TEntity>() => Cache<TEntity>.Key;

    /// <summary>The <c>order</c> argument as written in the document, when it is a literal.</summary>
    public static GraphQLParser.AST.GraphQLValue? OrderLiteral(IResolveFieldContext ctx) =>
        ctx.FieldAst.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "order")?.Value;

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
    /// <summary>Pages the rows that <paramref name="source"/> selects (scoped, unordered), filtered and ordered by the field's <c>where</c>/<c>order</c>.</summary>
    public static async Task<object?> ResolveAsync<TEntity>(
        IResolveFieldContext ctx, Func<DbContext, IQueryable<TEntity>> source, SortKey primaryKey)
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
        var nodeType = NodeType(ctx.FieldDefinition);
        var where = ctx.HasArgument("where") ? ctx.GetArgument<Dictionary<string, object?>?>("where") : null;
        var filter = FilterTranslator.Translate<TEntity>(where, nodeType, services, services.GetService<Microsoft.Extensions.Options.IOptions<FilterOptions>>()?.Value);
        var order = ctx.HasArgument("order") ? SortTranslator.Translate<TEntity>(ctx.GetArgument<List<object?>?>("order"), nodeType, services, EntityKey.OrderLiteral(ctx)) : [];
        IQueryable<TEntity> rows(DbContext db) => filter is null ? source(db) : source(db).Where(filter);
        var contexts = services.GetRequiredService<IDbContextSource>();
        var effective = KeysetPager.WithTiebreak(order, primaryKey);
        var projection = ProjectionBuilder.Build<TEntity>(nodeType, SelectionTree.OfConnectionNodes(ctx));
        await using var db = contexts.CreateDbContext();
        return await KeysetPager.PageAsync(
            rows(db),
            effective,
            arguments,
            async ct =>
            {
                await using var countDb = contexts.CreateDbContext();
                return await rows(countDb).CountAsync(ct).ConfigureAwait(false);
            },
            ctx.CancellationToken,
            projection).ConfigureAwait(false);
    }

    // The node type of a connection field: ConnectionGraphType → nodes → [Node!].
    private static IComplexGraphType NodeType(FieldType field) =>
        GraphTypes.Complex(GraphTypes.Complex(field.ResolvedType).GetField("nodes")!.ResolvedType);
}

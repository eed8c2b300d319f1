using System.Linq.Expressions;
using System.Reflection;
using GraphQL.Types;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.GraphQL.Conventions.Projection;

/// <summary>
/// Builds <c>e =&gt; new T { Id = e.Id, Name = e.Name, CommunityId = e.CommunityId, Community = new Community { … } }</c>
/// from a selection: only the columns behind the selected fields plus keys, and each selected to-one relation as a
/// JOIN in the same statement (graphql-conventions.md §6). Lists and connections below are loaded by their own
/// batched statement, keyed by the parent's primary key, which is always selected.
/// </summary>
public static class ProjectionBuilder
{
    /// <summary>Metadata key for extra columns a field's resolver reads from its parent (e.g. a code prefix).</summary>
    public const string RequiredColumnsKey = "wg:columns";

    private const int MaxDepth = 8;

    /// <summary>The projection lambda for <typeparamref name="T"/>, or null when the type cannot be projected.</summary>
    /// <param name="type">The entity's graph type (its fields carry the data metadata).</param>
    /// <param name="selection">The selected fields.</param>
    /// <param name="extra">Expressions whose columns must be read too (e.g. the parent key a batch groups by).</param>
    public static Expression<Func<T, T>>? Build<T>(IComplexGraphType type, SelectionTree selection, params LambdaExpression[] extra) =>
        Build<T>(type, selection, joinReferences: true, extra);

    /// <summary>As <see cref="Build{T}(IComplexGraphType, SelectionTree, LambdaExpression[])"/>; without joins when
    /// <paramref name="joinReferences"/> is false (inside a window-function subquery EF would need APPLY).</summary>
    public static Expression<Func<T, T>>? Build<T>(IComplexGraphType type, SelectionTree selection, bool joinReferences, params LambdaExpression[] extra)
    {
        var parameter = Expression.Parameter(typeof(T), "p");
        var body = Init(parameter, typeof(T), type, selection, depth: joinReferences ? 0 : MaxDepth, extra.SelectMany(ColumnsOf));
        return body is null ? null : Expression.Lambda<Func<T, T>>(body, parameter);
    }

    /// <summary>The entity properties a lambda reads directly from its parameter.</summary>
    public static IEnumerable<string> ColumnsOf(LambdaExpression lambda)
    {
        var finder = new MemberFinder(lambda.Parameters[0]);
        finder.Visit(lambda.Body);
        return finder.Members;
    }

    private static MemberInitExpression? Init(
        Expression source, Type entityType, IComplexGraphType type, SelectionTree selection, int depth, IEnumerable<string>? extra = null)
    {
        if (depth > MaxDepth || entityType.GetConstructor(Type.EmptyTypes) is null)
        {
            return null;
        }

        var columns = new SortedSet<string>(extra ?? [], StringComparer.Ordinal) { "Id" };
        var navigations = new SortedDictionary<string, Expression>(StringComparer.Ordinal);
        foreach (var (name, child) in selection.Children)
        {
            var field = type.GetField(name);
            if (field is null || name == "__typename")
            {
                continue;
            }

            var required = field.GetMetadata<string[]?>(RequiredColumnsKey);
            var data = DataField.Of(field);
            if (data is null && required is null)
            {
                // A field that does not say what it reads: only the whole row is safe.
                return null;
            }

            columns.UnionWith(required ?? []);
            if (data is null)
            {
                continue;
            }

            columns.UnionWith(data.Columns);
            if (data.Kind == DataFieldKind.Reference && !data.Computed && child.Children.Count > 0 && depth < MaxDepth
                && data.Expression(null).Body is MemberExpression { Member: PropertyInfo navigation, Expression: ParameterExpression }
                && Target(field) is { } targetType)
            {
                var access = Expression.Property(source, navigation);
                var nested = Init(access, navigation.PropertyType, targetType, child, depth + 1);
                if (nested is not null)
                {
                    navigations[navigation.Name] = data.Nullable
                        ? Expression.Condition(Expression.Equal(access, Expression.Constant(null, navigation.PropertyType)), Expression.Constant(null, navigation.PropertyType), nested)
                        : nested;
                }
            }
        }

        var bindings = new List<MemberBinding>();
        foreach (var column in columns)
        {
            var property = entityType.GetProperty(column);
            if (property?.SetMethod is null)
            {
                return null;
            }

            bindings.Add(Expression.Bind(property, Expression.Property(source, property)));
        }

        foreach (var (name, value) in navigations)
        {
            bindings.Add(Expression.Bind(entityType.GetProperty(name)!, value));
        }

        return Expression.MemberInit(Expression.New(entityType), bindings);
    }

    private static IComplexGraphType? Target(FieldType field) => GraphTypes.Unwrap(field.ResolvedType) as IComplexGraphType;

    private sealed class MemberFinder(ParameterExpression parameter) : ExpressionVisitor
    {
        public List<string> Members { get; } = [];

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression == parameter)
            {
                Members.Add(node.Member.Name);
            }

            return base.VisitMember(node);
        }
    }
}

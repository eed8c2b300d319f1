using System.Linq.Expressions;
using GraphQL.Types;
using WorkforceGraph.GraphQL.Conventions.Errors;
using WorkforceGraph.GraphQL.Conventions.Expressions;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.GraphQL.Conventions.Filtering;

/// <summary>
/// Translates a <c>where</c> argument into one predicate over the entity, built from the expressions the graph
/// type's fields declare, so the whole filter runs in SQL (graphql-conventions.md §3). Omitted fields, <c>{}</c>
/// and relations set to <c>null</c> add no condition.
/// </summary>
public static class FilterTranslator
{
    /// <summary>The predicate for <paramref name="where"/> on <paramref name="type"/>; null when it adds no condition.</summary>
    /// <param name="where">The argument value (nested dictionaries, as GraphQL.NET coerces input objects).</param>
    /// <param name="type">The entity graph type of the schema (its fields carry <see cref="DataField"/> metadata).</param>
    /// <param name="services">Request services for computed fields' expressions.</param>
    /// <param name="options">Filtering options.</param>
    public static Expression<Func<T, bool>>? Translate<T>(IDictionary<string, object?>? where, IComplexGraphType type, IServiceProvider? services, FilterOptions? options = null)
    {
        if (where is null)
        {
            return null;
        }

        var parameter = Expression.Parameter(typeof(T), "e");
        var body = Build(parameter, where, type, services, options ?? new FilterOptions(), type.Name);
        return body is null ? null : Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private static Expression? Build(Expression target, IDictionary<string, object?> where, IComplexGraphType type, IServiceProvider? services, FilterOptions options, string path)
    {
        Expression? result = null;
        foreach (var (name, value) in where)
        {
            if (value is null)
            {
                continue;
            }

            Expression? term = name switch
            {
                "and" => Join(target, value, type, services, options, path, Expression.AndAlso),
                "or" => Join(target, value, type, services, options, path, Expression.OrElse),
                _ => Field(target, name, value, type, services, options, path + "." + name),
            };
            if (term is not null)
            {
                result = result is null ? term : Expression.AndAlso(result, term);
            }
        }

        return result;
    }

    private static Expression? Join(
        Expression target, object value, IComplexGraphType type, IServiceProvider? services, FilterOptions options, string path,
        Func<Expression, Expression, BinaryExpression> join)
    {
        Expression? result = null;
        foreach (var item in value as IEnumerable<object?> ?? [])
        {
            if (item is IDictionary<string, object?> inner && Build(target, inner, type, services, options, path) is { } term)
            {
                result = result is null ? term : join(result, term);
            }
        }

        return result;
    }

    private static Expression? Field(
        Expression target, string name, object value, IComplexGraphType type, IServiceProvider? services, FilterOptions options, string path)
    {
        var field = type.GetField(name);
        var data = field is null ? null : DataField.Of(field);
        if (data is not { Filterable: true } || value is not IDictionary<string, object?> operations)
        {
            throw new CodedExecutionError(ErrorCodes.ValidationFailed, $"`{path}` cannot be filtered.");
        }

        options.Authorize?.Invoke(type, field!, services);
        data.Guard?.Invoke(services);
        var expression = ExpressionTools.Rebind(data.Expression(services), target);
        switch (data.Kind)
        {
            case DataFieldKind.Value:
                return FilterOperations.Translate(expression, operations, data, path, options.IgnoreCase);
            case DataFieldKind.Reference:
                return Build(expression, operations, Target(field!), services, options, path);
            default:
                return List(expression, data.ValueType, operations, Target(field!), services, options, path);
        }
    }

    private static Expression? List(
        Expression collection, Type elementType, IDictionary<string, object?> operations, IComplexGraphType elementGraphType,
        IServiceProvider? services, FilterOptions options, string path)
    {
        Expression? result = null;
        foreach (var (name, operand) in operations)
        {
            if (operand is null)
            {
                continue;
            }

            Expression? term;
            if (name == "any")
            {
                var any = ExpressionTools.Call(typeof(Enumerable), nameof(Enumerable.Any), [elementType], collection);
                term = (bool)operand ? any : Expression.Not(any);
            }
            else
            {
                var element = Expression.Parameter(elementType, "x");
                var predicate = Build(element, (IDictionary<string, object?>)operand, elementGraphType, services, options, path);
                if (predicate is null)
                {
                    continue;
                }

                var lambda = Expression.Lambda(predicate, element);
                term = name switch
                {
                    "some" => ExpressionTools.Call(typeof(Enumerable), nameof(Enumerable.Any), [elementType], collection, lambda),
                    "none" => Expression.Not(ExpressionTools.Call(typeof(Enumerable), nameof(Enumerable.Any), [elementType], collection, lambda)),
                    "all" => ExpressionTools.Call(typeof(Enumerable), nameof(Enumerable.All), [elementType], collection, lambda),
                    _ => throw new CodedExecutionError(ErrorCodes.ValidationFailed, $"Unknown list operation `{name}` on `{path}`."),
                };
            }

            result = result is null ? term : Expression.AndAlso(result, term);
        }

        return result;
    }

    private static IComplexGraphType Target(FieldType field) => GraphTypes.Complex(field.ResolvedType);
}

/// <summary>Filtering options, bound from <c>GraphQL:Filtering</c>.</summary>
public sealed class FilterOptions
{
    /// <summary>Compare strings lower-cased (invariant) in every string operation; schema unchanged.</summary>
    public bool IgnoreCase { get; set; }

    /// <summary>Called for every field a filter uses (e.g. to refuse filtering on personal data without a scope).</summary>
    public Action<IComplexGraphType, FieldType, IServiceProvider?>? Authorize { get; set; }
}

using System.Linq.Expressions;
using GraphQL.Types;
using WorkforceGraph.GraphQL.Conventions.Errors;
using WorkforceGraph.GraphQL.Conventions.Expressions;
using WorkforceGraph.GraphQL.Conventions.Paging;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.GraphQL.Conventions.Sorting;

/// <summary>
/// Translates an <c>order</c> argument into the keys of the effective order. Entries apply in list order; within
/// one entry, fields apply in document order. Enums sort in schema declaration order; NULLs sort last for ASC and
/// first for DESC on every database (an extra null-flag key); the caller appends the primary key as tiebreak.
/// </summary>
public static class SortTranslator
{
    /// <summary>The sort keys for <paramref name="order"/> on <paramref name="type"/> (empty when none).</summary>
    /// <param name="order">The coerced argument.</param>
    /// <param name="type">The entity graph type.</param>
    /// <param name="services">Request services for computed fields' expressions.</param>
    /// <param name="literal">The argument as written, when it is a literal: gives the document order of fields within
    /// an entry (coercion reorders them by declaration).</param>
    public static IReadOnlyList<SortKey> Translate<T>(IEnumerable<object?>? order, IComplexGraphType type, IServiceProvider? services, GraphQLParser.AST.GraphQLValue? literal = null)
    {
        var keys = new List<SortKey>();
        if (order is null)
        {
            return keys;
        }

        var parameter = Expression.Parameter(typeof(T), "e");
        var written = (literal as GraphQLParser.AST.GraphQLListValue)?.Values;
        var index = 0;
        foreach (var entry in order)
        {
            var entryLiteral = written is not null && index < written.Count ? written[index] : null;
            index++;
            if (entry is IDictionary<string, object?> coerced)
            {
                var fields = InDocumentOrder(coerced, entryLiteral);
                Add(keys, parameter, parameter, fields, type, services, "", []);
            }
        }

        return keys;
    }

    private static void Add(
        List<SortKey> keys, ParameterExpression root, Expression target, IDictionary<string, object?> fields, IComplexGraphType type,
        IServiceProvider? services, string prefix, IReadOnlyList<Expression> nullableReferences)
    {
        foreach (var (name, value) in fields)
        {
            var path = prefix + name;
            var field = type.GetField(name);
            var data = field is null ? null : DataField.Of(field);
            if (data is not { Sortable: true } || data.Kind == DataFieldKind.Collection)
            {
                throw new CodedExecutionError(ErrorCodes.ValidationFailed, $"`{path}` cannot be sorted.");
            }

            data.Guard?.Invoke(services);
            var expression = ExpressionTools.Rebind(data.Expression(services), target);
            if (data.Kind == DataFieldKind.Reference)
            {
                if (value is IDictionary<string, object?> nested)
                {
                    // Through a nullable reference the leaf is NULL when the reference is (a LEFT JOIN).
                    var references = data.Nullable ? [.. nullableReferences, expression] : nullableReferences;
                    Add(keys, root, expression, nested, Target(field!), services, path + ".", references);
                }

                continue;
            }

            if (value is not SortDirection direction)
            {
                throw new CodedExecutionError(ErrorCodes.NonNullOperand, $"The sort direction of `{path}` cannot be null.")
                    .WithExtension("sortType", type.Name + "SortInput");
            }

            var descending = direction == SortDirection.Descending;
            Expression? nullTest = null;
            foreach (var reference in nullableReferences)
            {
                var missing = Expression.Equal(reference, Expression.Constant(null, reference.Type));
                nullTest = nullTest is null ? missing : Expression.OrElse(nullTest, missing);
            }

            if (nullableReferences.Count > 0)
            {
                expression = ExpressionTools.AsNullable(expression);
            }

            if (data.Nullable && ExpressionTools.CanBeNull(expression.Type))
            {
                var missing = Expression.Equal(expression, Expression.Constant(null, expression.Type));
                nullTest = nullTest is null ? missing : Expression.OrElse(nullTest, missing);
            }

            if (nullTest is not null)
            {
                // 0 for values, 1 for NULL: ASC puts NULLs last, DESC first, whatever the database's own rule.
                var isNull = Expression.Condition(nullTest, Expression.Constant(1), Expression.Constant(0));
                keys.Add(new SortKey(path + "#null", Expression.Lambda(isNull, root), descending));
            }

            if (data.EnumGraphType is not null)
            {
                expression = Rank(expression);
            }

            keys.Add(new SortKey(path, Expression.Lambda(expression, root), descending));
        }
    }

    private static IDictionary<string, object?> InDocumentOrder(IDictionary<string, object?> coerced, GraphQLParser.AST.GraphQLValue? literal)
    {
        if (literal is not GraphQLParser.AST.GraphQLObjectValue { Fields: { } written } || coerced.Count < 2 && written.All(f => f.Value is not GraphQLParser.AST.GraphQLObjectValue))
        {
            return coerced;
        }

        var ordered = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in written)
        {
            var name = field.Name.StringValue;
            if (coerced.TryGetValue(name, out var value))
            {
                ordered[name] = value is IDictionary<string, object?> nested ? InDocumentOrder(nested, field.Value) : value;
            }
        }

        foreach (var (name, value) in coerced)
        {
            ordered.TryAdd(name, value);
        }

        return ordered;
    }

    // Enum members in declaration order as 0, 1, 2… (a CASE in SQL): stored names would sort alphabetically.
    private static Expression Rank(Expression value)
    {
        var enumType = Nullable.GetUnderlyingType(value.Type) ?? value.Type;
        var members = Enum.GetValues(enumType);
        Expression result = Expression.Constant(members.Length);
        for (var i = members.Length - 1; i >= 0; i--)
        {
            var member = Expression.Constant(members.GetValue(i), value.Type);
            result = Expression.Condition(Expression.Equal(value, member), Expression.Constant(i), result);
        }

        return result;
    }

    private static IComplexGraphType Target(FieldType field) => GraphTypes.Complex(field.ResolvedType);
}

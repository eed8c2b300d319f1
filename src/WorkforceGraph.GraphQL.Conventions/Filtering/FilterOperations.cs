using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using WorkforceGraph.GraphQL.Conventions.Errors;
using WorkforceGraph.GraphQL.Conventions.Expressions;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.GraphQL.Conventions.Filtering;

/// <summary>Operation inputs per value type, and their translation into SQL-translatable expressions.</summary>
public static class FilterOperations
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StringSubstring = typeof(string).GetMethod(nameof(string.Substring), [typeof(int)])!;
    private static readonly PropertyInfo StringLength = typeof(string).GetProperty(nameof(string.Length))!;
    private static readonly MethodInfo StringToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    /// <summary>The GraphQL operation input type for a value field.</summary>
    public static Type InputTypeFor(DataField field)
    {
        if (field.OperationInputType is not null)
        {
            return field.OperationInputType;
        }

        if (field.EnumGraphType is not null)
        {
            return typeof(EnumOperationFilterInputGraphType<>).MakeGenericType(field.EnumGraphType);
        }

        var type = Nullable.GetUnderlyingType(field.ValueType) ?? field.ValueType;
        return type switch
        {
            _ when type == typeof(string) => typeof(StringOperationFilterInputGraphType),
            _ when type == typeof(int) || type == typeof(short) => typeof(IntOperationFilterInputGraphType),
            _ when type == typeof(long) => typeof(LongOperationFilterInputGraphType),
            _ when type == typeof(double) || type == typeof(float) => typeof(FloatOperationFilterInputGraphType),
            _ when type == typeof(decimal) => typeof(DecimalOperationFilterInputGraphType),
            _ when type == typeof(bool) => typeof(BooleanOperationFilterInputGraphType),
            _ when type == typeof(DateOnly) => typeof(DateOperationFilterInputGraphType),
            _ when type == typeof(DateTime) => typeof(DateTimeOperationFilterInputGraphType),
            _ => throw new NotSupportedException($"No filter operation input for {field.ValueType.Name}; set DataField.OperationInputType."),
        };
    }

    /// <summary>Translates one operation input (e.g. <c>{ gt: 3, lte: 9 }</c>) applied to <paramref name="value"/>.</summary>
    internal static Expression? Translate(Expression value, IDictionary<string, object?> operations, DataField field, string path, bool ignoreCase)
    {
        Expression? result = null;
        foreach (var (name, operand) in operations)
        {
            var term = name switch
            {
                "and" => Combine(operand, value, field, path, ignoreCase, Expression.AndAlso),
                "or" => Combine(operand, value, field, path, ignoreCase, Expression.OrElse),
                "eq" => Equal(value, operand, field, path, name, negate: false),
                "neq" => Equal(value, operand, field, path, name, negate: true),
                "in" => In(value, operand, field, path, name, negate: false),
                "nin" => In(value, operand, field, path, name, negate: true),
                "gt" => Compare(value, operand, field, path, name, ExpressionType.GreaterThan, negate: false),
                "ngt" => Compare(value, operand, field, path, name, ExpressionType.GreaterThan, negate: true),
                "gte" => Compare(value, operand, field, path, name, ExpressionType.GreaterThanOrEqual, negate: false),
                "ngte" => Compare(value, operand, field, path, name, ExpressionType.GreaterThanOrEqual, negate: true),
                "lt" => Compare(value, operand, field, path, name, ExpressionType.LessThan, negate: false),
                "nlt" => Compare(value, operand, field, path, name, ExpressionType.LessThan, negate: true),
                "lte" => Compare(value, operand, field, path, name, ExpressionType.LessThanOrEqual, negate: false),
                "nlte" => Compare(value, operand, field, path, name, ExpressionType.LessThanOrEqual, negate: true),
                "contains" => Text(value, operand, field, path, name, ignoreCase, Contains, negate: false),
                "ncontains" => Text(value, operand, field, path, name, ignoreCase, Contains, negate: true),
                "startsWith" => Text(value, operand, field, path, name, ignoreCase, StartsWith, negate: false),
                "nstartsWith" => Text(value, operand, field, path, name, ignoreCase, StartsWith, negate: true),
                "endsWith" => Text(value, operand, field, path, name, ignoreCase, EndsWith, negate: false),
                "nendsWith" => Text(value, operand, field, path, name, ignoreCase, EndsWith, negate: true),
                _ => throw new CodedExecutionError(ErrorCodes.ValidationFailed, $"Unknown filter operation `{name}` on `{path}`."),
            };
            if (term is not null)
            {
                result = result is null ? term : Expression.AndAlso(result, term);
            }
        }

        return result;
    }

    private static Expression? Combine(object? operand, Expression value, DataField field, string path, bool ignoreCase, Func<Expression, Expression, BinaryExpression> join)
    {
        Expression? result = null;
        foreach (var item in operand as IEnumerable<object?> ?? [])
        {
            if (item is IDictionary<string, object?> inner && Translate(value, inner, field, path, ignoreCase) is { } term)
            {
                result = result is null ? term : join(result, term);
            }
        }

        return result;
    }

    private static Expression Equal(Expression value, object? operand, DataField field, string path, string operation, bool negate)
    {
        if (operand is null)
        {
            RequireNullable(field, path, operation);
            var isNull = Expression.Equal(ExpressionTools.AsNullable(value), Expression.Constant(null, ExpressionTools.AsNullable(value).Type));
            return negate ? Expression.Not(isNull) : isNull;
        }

        var converted = Convert(operand, field, path, operation);
        if (converted is Impossible)
        {
            return Expression.Constant(negate);
        }

        var equal = Expression.Equal(value, ExpressionTools.Parameter(converted, value.Type));
        return negate ? Expression.Not(equal) : equal;
    }

    private static Expression In(Expression value, object? operand, DataField field, string path, string operation, bool negate)
    {
        if (operand is not IEnumerable items || operand is string)
        {
            throw NullNotAllowed(field, path, operation);
        }

        var valueType = value.Type;
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(valueType))!;
        var hasNull = false;
        foreach (var item in items)
        {
            if (item is null)
            {
                RequireNullable(field, path, operation);
                hasNull = true;
                continue;
            }

            if (Convert(item, field, path, operation) is var converted and not Impossible)
            {
                list.Add(converted);
            }
        }

        Expression contains = ExpressionTools.Call(
            typeof(Enumerable), nameof(Enumerable.Contains), [valueType], ExpressionTools.Parameter(list, list.GetType()), value);
        if (hasNull)
        {
            contains = Expression.OrElse(contains, Expression.Equal(ExpressionTools.AsNullable(value), Expression.Constant(null, ExpressionTools.AsNullable(value).Type)));
        }

        return negate ? Expression.Not(contains) : contains;
    }

    private static Expression Compare(Expression value, object? operand, DataField field, string path, string operation, ExpressionType comparison, bool negate)
    {
        if (operand is null)
        {
            throw NullNotAllowed(field, path, operation);
        }

        var converted = Convert(operand, field, path, operation);
        var parameter = ExpressionTools.Parameter(converted, value.Type);
        Expression left = value, right = parameter;
        if (value.Type == typeof(string))
        {
            left = Expression.Call(StringCompare, value, parameter);
            right = Expression.Constant(0);
        }

        var compared = Expression.MakeBinary(comparison, left, right);
        return negate ? Expression.Not(compared) : compared;
    }

    private static Expression Text(
        Expression value, object? operand, DataField field, string path, string operation, bool ignoreCase,
        Func<Expression, string, Expression> build, bool negate)
    {
        if (operand is null)
        {
            throw NullNotAllowed(field, path, operation);
        }

        if (value.Type != typeof(string))
        {
            throw new CodedExecutionError(ErrorCodes.ValidationFailed, $"`{operation}` is not supported on `{path}`.");
        }

        var text = (string)operand;
        if (ignoreCase)
        {
            value = Expression.Call(value, StringToLower);
            text = text.ToLowerInvariant();
        }

        var term = build(value, text);
        return negate ? Expression.Not(term) : term;
    }

    // instr()/strpos(): ordinal and case-sensitive on SQLite and PostgreSQL alike (SQLite's LIKE is not).
    private static Expression Contains(Expression value, string text) =>
        Expression.Call(value, StringContains, ExpressionTools.Parameter(text, typeof(string)));

    // A range on the ordinal order: value >= prefix AND value < successor(prefix); uses the index on the column.
    private static Expression StartsWith(Expression value, string prefix)
    {
        if (prefix.Length == 0)
        {
            return Expression.NotEqual(value, Expression.Constant(null, typeof(string)));
        }

        var lower = Expression.GreaterThanOrEqual(
            Expression.Call(StringCompare, value, ExpressionTools.Parameter(prefix, typeof(string))), Expression.Constant(0));
        var last = prefix[^1];
        if (last == char.MaxValue)
        {
            return Expression.AndAlso(lower, Expression.Equal(Expression.Call(value, typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!, Expression.Constant(0), Expression.Constant(prefix.Length)), ExpressionTools.Parameter(prefix, typeof(string))));
        }

        var successor = string.Concat(prefix.AsSpan(0, prefix.Length - 1), [(char)(last + 1)]);
        var upper = Expression.LessThan(
            Expression.Call(StringCompare, value, ExpressionTools.Parameter(successor, typeof(string))), Expression.Constant(0));
        return Expression.AndAlso(lower, upper);
    }

    private static Expression EndsWith(Expression value, string suffix)
    {
        var length = Expression.Property(value, StringLength);
        var fits = Expression.GreaterThanOrEqual(length, Expression.Constant(suffix.Length));
        var tail = Expression.Call(value, StringSubstring, Expression.Subtract(length, Expression.Constant(suffix.Length)));
        return Expression.AndAlso(fits, Expression.Equal(tail, ExpressionTools.Parameter(suffix, typeof(string))));
    }

    private static object? Convert(object operand, DataField field, string path, string operation)
    {
        if (field.OperandConverter is not null)
        {
            return field.OperandConverter(operand) ?? Impossible.Value;
        }

        var target = Nullable.GetUnderlyingType(field.ValueType) ?? field.ValueType;
        if (target.IsInstanceOfType(operand))
        {
            return operand;
        }

        try
        {
            return System.Convert.ChangeType(operand, target, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new CodedExecutionError(ErrorCodes.InputCoercion, $"The operand of `{operation}` on `{path}` is not a {target.Name}.");
        }
    }

    private static void RequireNullable(DataField field, string path, string operation)
    {
        if (!field.Nullable)
        {
            throw NullNotAllowed(field, path, operation);
        }
    }

    /// <summary>HC0026: null given to an operation that does not take it.</summary>
    internal static CodedExecutionError NullNotAllowed(DataField field, string path, string operation) =>
        new CodedExecutionError(
                ErrorCodes.NonNullOperand,
                $"The provided value for filter `{operation}` of `{path}` is invalid. Null values are not supported.")
            .WithExtension("expectedType", (Nullable.GetUnderlyingType(field.ValueType) ?? field.ValueType).Name + "!")
            .WithExtension("filterType", FilterTypeName(field));

    private static string FilterTypeName(DataField field) =>
        field.EnumGraphType is not null
            ? ((global::GraphQL.Types.IGraphType)Activator.CreateInstance(field.EnumGraphType)!).Name + "OperationFilterInput"
            : InputTypeFor(field).Name.Replace("GraphType", "", StringComparison.Ordinal);

    // An operand that cannot match any row (e.g. a malformed ID number or a node ID of another type).
    private sealed class Impossible
    {
        public static readonly Impossible Value = new();
    }
}

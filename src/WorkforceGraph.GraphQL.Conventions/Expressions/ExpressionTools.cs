using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace WorkforceGraph.GraphQL.Conventions.Expressions;

/// <summary>Small helpers for building EF-translatable expression trees.</summary>
public static class ExpressionTools
{
    private static readonly ConcurrentDictionary<(Type Type, string Name, Type? T1, Type? T2, Type? A1, Type? A2), MethodInfo> Methods = new();

    /// <summary>
    /// <see cref="Expression.Call(Type, string, Type[], Expression[])"/> (a generic static method such as
    /// <c>Queryable.OrderBy</c>) with the resolved method cached: the lookup searches every method of the type and
    /// allocates on each call, and queries are built on every request.
    /// </summary>
    public static MethodCallExpression Call(Type type, string methodName, Type[] typeArguments, params Expression[] arguments)
    {
        if (typeArguments.Length > 2 || arguments.Length is 0 or > 2)
        {
            return Expression.Call(type, methodName, typeArguments, arguments);
        }

        var key = (type, methodName, typeArguments.ElementAtOrDefault(0), typeArguments.ElementAtOrDefault(1), arguments[0].Type, arguments.ElementAtOrDefault(1)?.Type);
        var method = Methods.GetOrAdd(key, static (_, call) => Expression.Call(call.type, call.methodName, call.typeArguments, call.arguments).Method, (type, methodName, typeArguments, arguments));
        return Expression.Call(method, arguments);
    }

    /// <summary>Replaces the lambda's parameter with <paramref name="target"/> and returns the body.</summary>
    public static Expression Rebind(LambdaExpression lambda, Expression target) =>
        new ParameterReplacer(lambda.Parameters[0], target).Visit(lambda.Body);

    /// <summary>
    /// A value read through a member access on a box, so EF sends it as a SQL parameter (one cached plan for
    /// every value) instead of inlining a constant.
    /// </summary>
    public static Expression Parameter(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(ValueBox<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(box), nameof(ValueBox<int>.Value));
    }

    /// <summary>Makes <paramref name="expression"/> nullable if its type is a non-nullable value type.</summary>
    public static Expression AsNullable(Expression expression) =>
        expression.Type.IsValueType && Nullable.GetUnderlyingType(expression.Type) is null
            ? Expression.Convert(expression, typeof(Nullable<>).MakeGenericType(expression.Type))
            : expression;

    /// <summary>Whether a value of the type can be null.</summary>
    public static bool CanBeNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    private sealed class ValueBox<T>(T value)
    {
        public T Value { get; } = value;
    }
}

using System.Linq.Expressions;

namespace WorkforceGraph.GraphQL.Conventions.Expressions;

/// <summary>Small helpers for building EF-translatable expression trees.</summary>
public static class ExpressionTools
{
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

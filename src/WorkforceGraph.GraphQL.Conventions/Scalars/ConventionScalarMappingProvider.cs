using GraphQL.Types;

namespace WorkforceGraph.GraphQL.Conventions.Scalars;

/// <summary>
/// Maps <see cref="DateOnly"/>, <see cref="DateTime"/> and
/// <see cref="decimal"/> to the convention scalars (graphql-conventions.md §9), replacing
/// GraphQL.NET's built-in <c>DateOnly</c>, <c>DateTime</c> and <c>Decimal</c> mappings.
/// Registered by <c>AddGraphQLHttp</c>; schemas built with the DI constructor pick it up.
/// </summary>
public sealed class ConventionScalarMappingProvider : IGraphTypeMappingProvider
{
    /// <inheritdoc />
    public Type? GetGraphTypeFromClrType(Type clrType, bool isInputType, Type? preferredGraphType)
    {
        ArgumentNullException.ThrowIfNull(clrType);
        if (clrType == typeof(DateOnly))
        {
            return typeof(DateScalarType);
        }

        if (clrType == typeof(DateTime))
        {
            return typeof(DateTimeScalarType);
        }

        return clrType == typeof(decimal) ? typeof(DecimalScalarType) : preferredGraphType;
    }
}

using System.Globalization;
using System.Numerics;
using GraphQL.Types;
using GraphQLParser.AST;

namespace WorkforceGraph.GraphQL.Conventions.Scalars;

/// <summary>
/// The <c>Decimal</c> scalar (graphql-conventions.md §9): a JSON number, never a string; input an
/// Int or Float literal or a JSON number.
/// </summary>
public sealed class DecimalScalarType : ScalarGraphType, ISpecifiedByScalar
{
    /// <summary>Creates the scalar.</summary>
    public DecimalScalarType()
    {
        Name = "Decimal";
        Description = "The `Decimal` scalar type represents a decimal floating-point number.";
    }

    /// <inheritdoc />
    public string SpecifiedByUrl => "https://scalars.graphql.org/chillicream/decimal.html";

    /// <inheritdoc />
    public override object? Serialize(object? value) => value switch
    {
        null => null,
        decimal d => d,
        int or long or short or byte or uint or ulong or ushort or sbyte => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    /// <inheritdoc />
    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        decimal d => d,
        int or long or short or byte or uint or ulong or ushort or sbyte or double or float => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        BigInteger big => (decimal)big,
        _ => ThrowValueConversionError(value),
    };

    /// <inheritdoc />
    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLIntValue i => decimal.Parse((string)i.Value, NumberStyles.Integer, CultureInfo.InvariantCulture),
        GraphQLFloatValue f => decimal.Parse((string)f.Value, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => ThrowLiteralConversionError(value),
    };
}

using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace WorkforceGraph.GraphQL.Conventions.Scalars;

/// <summary>
/// The <c>Date</c> scalar (graphql-conventions.md §9): a <see cref="DateOnly"/> written as exactly
/// <c>yyyy-MM-dd</c>, no time, no offset.
/// </summary>
public sealed class DateScalarType : ScalarGraphType, ISpecifiedByScalar
{
    private const string Format = "yyyy'-'MM'-'dd";

    /// <summary>Creates the scalar.</summary>
    public DateScalarType()
    {
        Name = "Date";
        Description = "The `Date` scalar represents an ISO-8601 compliant date type.";
    }

    /// <inheritdoc />
    public string SpecifiedByUrl => "https://scalars.graphql.org/chillicream/date.html";

    /// <inheritdoc />
    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString(Format, CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    /// <inheritdoc />
    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        DateOnly date => date,
        string text => Parse(text),
        _ => ThrowValueConversionError(value),
    };

    /// <inheritdoc />
    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue text => Parse((string)text.Value),
        _ => ThrowLiteralConversionError(value),
    };

    private static DateOnly Parse(string text) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"'{text}' is not a date in the form yyyy-MM-dd.");
}

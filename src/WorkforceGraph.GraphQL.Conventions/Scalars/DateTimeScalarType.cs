using System.Globalization;
using System.Text.RegularExpressions;
using GraphQL.Types;
using GraphQLParser.AST;

namespace WorkforceGraph.GraphQL.Conventions.Scalars;

/// <summary>
/// The <c>DateTime</c> scalar (graphql-conventions.md §9). Input: RFC 3339 with <c>T</c>, seconds,
/// 0–7 fraction digits and <c>Z</c> or <c>±hh:mm</c>; parsed to a UTC <see cref="DateTime"/>.
/// Output: always UTC with <c>Z</c>, trailing fraction zeros dropped. A <see cref="DateTime"/> of
/// unspecified kind is taken as UTC (that is how the database returns timestamps).
/// </summary>
public sealed partial class DateTimeScalarType : ScalarGraphType, ISpecifiedByScalar
{
    private const string OutputFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";

    /// <summary>Creates the scalar.</summary>
    public DateTimeScalarType()
    {
        Name = "DateTime";
        Description = "The `DateTime` scalar represents an ISO-8601 compliant date time type.";
    }

    /// <inheritdoc />
    public string SpecifiedByUrl => "https://scalars.graphql.org/chillicream/date-time.html";

    /// <inheritdoc />
    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateTime dateTime => ToUtc(dateTime).ToString(OutputFormat, CultureInfo.InvariantCulture),
        DateTimeOffset offset => offset.UtcDateTime.ToString(OutputFormat, CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    /// <inheritdoc />
    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        DateTime dateTime => ToUtc(dateTime),
        DateTimeOffset offset => offset.UtcDateTime,
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

    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static DateTime Parse(string text)
    {
        if (!Rfc3339().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            throw new FormatException($"'{text}' is not an RFC 3339 date-time with offset.");
        }

        return parsed.UtcDateTime;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}

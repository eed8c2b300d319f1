using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace WorkforceGraph.GraphQL.Conventions.Http;

internal enum AcceptOutcome
{
    GraphQLResponseJson,
    LegacyJson,
    NotAcceptable,
    Malformed,
}

/// <summary>The <c>Accept</c> table of graphql-conventions.md §1.</summary>
internal static class AcceptNegotiation
{
    public static AcceptOutcome Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || accept.All(string.IsNullOrWhiteSpace))
        {
            // Spec's legacy rule (not HC's default), so that the graphql-http audit's SHOULDs hold.
            return AcceptOutcome.LegacyJson;
        }

        if (!MediaTypeHeaderValue.TryParseStrictList(accept, out var parsed))
        {
            return AcceptOutcome.Malformed;
        }

        var acceptable = parsed.Where(m => m.Quality is null or > 0).ToList();
        if (acceptable.Any(m => Is(m, "application", "graphql-response+json")))
        {
            return AcceptOutcome.GraphQLResponseJson;
        }

        if (acceptable.Any(m => Is(m, "application", "json") || Is(m, "application", "*") || Is(m, "*", "*")))
        {
            return AcceptOutcome.LegacyJson;
        }

        return AcceptOutcome.NotAcceptable;
    }

    public static bool AcceptsHtml(StringValues accept) =>
        MediaTypeHeaderValue.TryParseList(accept, out var parsed)
        && parsed.Any(m => m.Quality is null or > 0 && Is(m, "text", "html"));

    private static bool Is(MediaTypeHeaderValue value, string type, string subType) =>
        value.Type.Equals(type, StringComparison.OrdinalIgnoreCase)
        && value.SubType.Equals(subType, StringComparison.OrdinalIgnoreCase);
}

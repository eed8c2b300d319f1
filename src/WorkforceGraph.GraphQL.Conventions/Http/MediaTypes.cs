namespace WorkforceGraph.GraphQL.Conventions.Http;

/// <summary>Media types of the GraphQL-over-HTTP transport.</summary>
public static class MediaTypes
{
    /// <summary><c>application/graphql-response+json; charset=utf-8</c>.</summary>
    public const string GraphQLResponse = "application/graphql-response+json; charset=utf-8";

    /// <summary><c>application/json; charset=utf-8</c> (the legacy response type).</summary>
    public const string Json = "application/json; charset=utf-8";

    /// <summary><c>text/plain; charset=utf-8</c>, used for the SDL.</summary>
    public const string PlainText = "text/plain; charset=utf-8";
}

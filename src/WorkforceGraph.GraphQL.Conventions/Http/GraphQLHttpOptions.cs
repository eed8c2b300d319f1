namespace WorkforceGraph.GraphQL.Conventions.Http;

/// <summary>
/// Transport options of the GraphQL endpoint, bound from the configuration section
/// <see cref="SectionName"/> (graphql-conventions.md §11).
/// </summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "GraphQL:Limits";

    /// <summary>Largest accepted request body in bytes; larger bodies get 413 <c>HC0010</c>.</summary>
    public long MaxRequestBytes { get; set; } = 2_000_000;
}

namespace WorkforceGraph.GraphQL.Conventions.Ide;

/// <summary>Options of the Banana Cake Pop IDE served at <c>GET /graphql</c> with <c>Accept: text/html</c>.</summary>
public sealed class IdeOptions
{
    /// <summary>Whether the IDE is served at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The folder holding the IDE's files (<c>index.html</c> and <c>static/</c>), e.g. the
    /// <c>@chillicream/bananacakepop-graphql-ide</c> package folder copied to the build output.
    /// When unset or missing, the IDE is not served.
    /// </summary>
    public string? RootPath { get; set; }

    /// <summary>The title the IDE shows.</summary>
    public string Title { get; set; } = "GraphQL";
}

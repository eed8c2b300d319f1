namespace WorkforceGraph.GraphQL.Conventions.Ide;

/// <summary>Options of the Banana Cake Pop IDE served at <c>GET /graphql</c> with <c>Accept: text/html</c>.</summary>
public sealed class IdeOptions
{
    /// <summary>Whether the IDE is served at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The folder holding the IDE's files (<c>index.html</c> and <c>static/</c>), e.g. the
    /// <c>@chillicream/bananacakepop-graphql-ide</c> package folder copied to the build output.
    /// Defaults to <c>ide/</c> under the application's base directory, where the host's build copies
    /// the package. When the folder has no <c>index.html</c>, the IDE is not served.
    /// </summary>
    public string? RootPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "ide");

    /// <summary>The title the IDE shows.</summary>
    public string Title { get; set; } = "GraphQL";
}

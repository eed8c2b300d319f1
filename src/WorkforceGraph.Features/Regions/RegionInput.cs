namespace WorkforceGraph.Features.Regions;

/// <summary>
/// A region as provincial platforms send it: its code and name; level and parent follow from the code. The GraphQL
/// input <c>RegionInput</c> and one line of a region import file.
/// </summary>
public sealed class RegionInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }
}

/// <summary>Names a region to delete.</summary>
public sealed class RegionKeyInput
{
    public string? Code { get; set; }
}

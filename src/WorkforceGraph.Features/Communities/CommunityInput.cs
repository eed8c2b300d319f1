namespace WorkforceGraph.Features.Communities;

/// <summary>
/// A community (village-level unit) as provincial platforms send it: the full record; its township follows from the
/// code. The GraphQL input <c>CommunityInput</c> and one line of a community import file.
/// </summary>
public sealed class CommunityInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? UrbanRuralClass { get; set; }

    public int? ResidentPopulation { get; set; }

    public int? Households { get; set; }

    public int? GridCount { get; set; }
}

/// <summary>Names a community to delete.</summary>
public sealed class CommunityKeyInput
{
    public string? Code { get; set; }
}

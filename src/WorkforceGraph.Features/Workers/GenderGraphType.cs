using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Common;

namespace WorkforceGraph.Features.Workers;

/// <summary>GraphQL enum <c>Gender</c>.</summary>
public sealed class GenderGraphType() : DescribedEnumGraphType<Gender>("Gender", "Sex as recorded; must agree with the ID number's sequence digit (odd = male).", Labels)
{
    /// <summary>Chinese display label and English description of each value.</summary>
    public static readonly IReadOnlyDictionary<Gender, (string Label, string Description)> Labels = new Dictionary<Gender, (string, string)>
    {
        [Gender.Male] = ("男", "male"),
        [Gender.Female] = ("女", "female"),
    };
}

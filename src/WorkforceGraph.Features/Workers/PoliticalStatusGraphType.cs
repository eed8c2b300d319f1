using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Common;

namespace WorkforceGraph.Features.Workers;

/// <summary>GraphQL enum <c>PoliticalStatus</c>.</summary>
public sealed class PoliticalStatusGraphType() : DescribedEnumGraphType<PoliticalStatus>("PoliticalStatus", "Political status (政治面貌).", Labels)
{
    /// <summary>Chinese display label and English description of each value.</summary>
    public static readonly IReadOnlyDictionary<PoliticalStatus, (string Label, string Description)> Labels = new Dictionary<PoliticalStatus, (string, string)>
    {
        [PoliticalStatus.CpcMember] = ("中共党员", "member of the Communist Party of China"),
        [PoliticalStatus.CpcProbationaryMember] = ("中共预备党员", "probationary CPC member"),
        [PoliticalStatus.CylMember] = ("共青团员", "member of the Communist Youth League"),
        [PoliticalStatus.DemocraticPartyMember] = ("民主党派成员", "member of a democratic party"),
        [PoliticalStatus.NonPartisan] = ("无党派人士", "non-partisan personage"),
        [PoliticalStatus.Masses] = ("群众", "ordinary citizen without party affiliation"),
    };
}

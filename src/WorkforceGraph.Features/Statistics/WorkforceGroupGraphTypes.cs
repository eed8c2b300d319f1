using GraphQL.Types;

namespace WorkforceGraph.Features.Statistics;

/// <summary>One group of <c>workforceStatistics</c>.</summary>
public sealed record WorkforceGroup(IReadOnlyList<WorkforceGroupKey> Key, int Count);

/// <summary>The value of one dimension for a group.</summary>
public sealed record WorkforceGroupKey(WorkforceDimension Dimension, string Value, string Label);

/// <summary>GraphQL type <c>WorkforceGroup</c>.</summary>
public sealed class WorkforceGroupGraphType : ObjectGraphType<WorkforceGroup>
{
    public WorkforceGroupGraphType()
    {
        Name = "WorkforceGroup";
        Description = "Workers sharing one value per requested dimension.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkforceGroupKeyGraphType>>>>("key")
            .Description("One entry per requested dimension, in the order requested.")
            .Resolve(ctx => ctx.Source.Key);
        Field(g => g.Count).Description("Workers in the group.");
    }
}

/// <summary>GraphQL type <c>WorkforceGroupKey</c>.</summary>
public sealed class WorkforceGroupKeyGraphType : ObjectGraphType<WorkforceGroupKey>
{
    public WorkforceGroupKeyGraphType()
    {
        Name = "WorkforceGroupKey";
        Description = "A dimension's value for a group.";
        Field<NonNullGraphType<WorkforceDimensionGraphType>>("dimension").Description("The dimension.").Resolve(ctx => ctx.Source.Dimension);
        Field(k => k.Value).Description("12-digit division code for region dimensions, the enum value name, a band such as `30-39`, or `NONE`.");
        Field(k => k.Label).Description("Chinese label for display (e.g. 本科, 中共党员, 30-39岁, 未填写).");
    }
}

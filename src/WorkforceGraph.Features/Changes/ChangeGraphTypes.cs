using System.Globalization;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Features.Common;
using WorkforceGraph.GraphQL.Conventions.NodeIds;
using WorkforceGraph.GraphQL.Conventions.Scalars;

namespace WorkforceGraph.Features.Changes;

/// <summary>GraphQL enum <c>ChangeEntityType</c>.</summary>
public sealed class ChangeEntityTypeGraphType() : DescribedEnumGraphType<ChangeEntityType>("ChangeEntityType", "The kinds of rows the change feed reports.", Labels)
{
    public static readonly IReadOnlyDictionary<ChangeEntityType, (string Label, string Description)> Labels = new Dictionary<ChangeEntityType, (string, string)>
    {
        [ChangeEntityType.Region] = ("区划", "a region"),
        [ChangeEntityType.Community] = ("社区", "a community"),
        [ChangeEntityType.Worker] = ("社区工作者", "a worker"),
        [ChangeEntityType.Post] = ("岗位", "a post"),
        [ChangeEntityType.GradeScheme] = ("岗位等级序列", "a grade scheme"),
        [ChangeEntityType.Training] = ("培训", "a training programme"),
        [ChangeEntityType.TrainingRecord] = ("培训记录", "a training record"),
        [ChangeEntityType.Assessment] = ("考核", "a yearly assessment"),
    };

    /// <summary>The node type name of each kind (node IDs and <c>Change.node</c>).</summary>
    public static string NodeTypeName(ChangeEntityType type) => type.ToString();
}

/// <summary>GraphQL enum <c>ChangeOperation</c>.</summary>
public sealed class ChangeOperationGraphType() : DescribedEnumGraphType<ChangeOperation>("ChangeOperation", "Created or updated, or deleted.", Labels)
{
    public static readonly IReadOnlyDictionary<ChangeOperation, (string Label, string Description)> Labels = new Dictionary<ChangeOperation, (string, string)>
    {
        [ChangeOperation.Upsert] = ("新增或修改", "created or updated; `node` is the row as it is now"),
        [ChangeOperation.Delete] = ("删除", "deleted; `node` is null (a tombstone)"),
    };
}

/// <summary>GraphQL type <c>Change</c>: one entry of the change log.</summary>
public sealed class ChangeGraphType : ObjectGraphType<ChangeLogEntry>
{
    public ChangeGraphType()
    {
        Name = "Change";
        Description = "One write to one row, in commit order: the change feed for platforms and the archive of art. 9.";
        Field<NonNullGraphType<ChangeEntityTypeGraphType>>("entityType").Description("The kind of row changed.").Resolve(ctx => ctx.Source.EntityType);
        Field<NonNullGraphType<IdGraphType>>("entityId")
            .Description("The node id of the changed entity.")
            .Resolve(ctx => NodeId.Encode(ChangeEntityTypeGraphType.NodeTypeName(ctx.Source.EntityType), ctx.Source.EntityId));
        Field<NonNullGraphType<ChangeOperationGraphType>>("operation").Description("Created or updated, or deleted.").Resolve(ctx => ctx.Source.Operation);
        Field<NonNullGraphType<DateTimeScalarType>>("changedAt").Description("When the write committed (UTC).").Resolve(ctx => new DateTimeOffset(DateTime.SpecifyKind(ctx.Source.ChangedAt, DateTimeKind.Utc)));
        Field<NonNullGraphType<StringGraphType>>("changedBy").Description("The writer's `sub` (a platform or a user; `import` for the command line).").Resolve(ctx => ctx.Source.Actor);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangedFieldGraphType>>>>("fields")
            .Description("The fields written (all on creation, the changed ones on update, none on deletion), by input field name. ID numbers and phones appear masked.")
            .Resolve(ctx => ChangedField.Parse(ctx.Source.Fields));
        Field<NodeInterfaceGraphType>("node")
            .Description("The entity as it is now; null for deletions (and for rows deleted since).")
            .Resolve(ctx => ctx.Source.Operation == ChangeOperation.Delete
                ? null
                : NodeFields.LoadNode(ctx, ChangeEntityTypeGraphType.NodeTypeName(ctx.Source.EntityType), ctx.Source.EntityId.ToString(CultureInfo.InvariantCulture)));
    }
}

/// <summary>One field of a change, its new value as text.</summary>
public sealed record ChangedField(string Name, string? Value)
{
    public static IReadOnlyList<ChangedField> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => new ChangedField(p.Name, p.Value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => p.Value.GetString(),
            _ => p.Value.GetRawText(),
        }))];
    }
}

/// <summary>GraphQL type <c>ChangedField</c>.</summary>
public sealed class ChangedFieldGraphType : ObjectGraphType<ChangedField>
{
    public ChangedFieldGraphType()
    {
        Name = "ChangedField";
        Description = "A field a change wrote, with its new value as text (dates yyyy-MM-dd, enum values by name, related rows by natural key).";
        Field(f => f.Name).Description("The input field name.");
        Field(f => f.Value, nullable: true).Description("The new value as text; null when set to null. ID numbers and phones are masked.");
    }
}

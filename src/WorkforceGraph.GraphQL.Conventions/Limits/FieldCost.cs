using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace WorkforceGraph.GraphQL.Conventions.Limits;

/// <summary>
/// How a list field sizes its result for the cost analysis (HotChocolate's <c>@listSize</c>): a slicing argument
/// (<c>first</c>/<c>last</c>, the default page size when omitted), the length of a list argument (<c>ids</c>), or an
/// assumed size. <see cref="SizedFields"/> names the child fields the size applies to (a connection's <c>nodes</c> and
/// <c>edges</c>); when empty, the field itself is the list.
/// </summary>
/// <param name="AssumedSize">Size of an unpaged list; null = the default page size.</param>
/// <param name="SlicingArguments">Arguments whose value is the size (the largest given wins).</param>
/// <param name="LengthArgument">A list argument whose length is the size.</param>
/// <param name="SizedFields">Child fields the size applies to.</param>
public sealed record ListSize(int? AssumedSize, IReadOnlyList<string> SlicingArguments, string? LengthArgument, IReadOnlyList<string> SizedFields)
{
    /// <summary>A connection paged by <c>first</c>/<c>last</c>, sizing <c>nodes</c> and <c>edges</c>.</summary>
    public static readonly ListSize Connection = new(null, ["first", "last"], null, ["nodes", "edges"]);
}

/// <summary>
/// Cost declarations on fields and arguments, read by the cost rule (graphql-conventions.md §11, HotChocolate's
/// IBM-style model). Defaults by shape: leaf fields weigh 0, composite fields 1, lists of objects multiply their
/// selection by the default page size; the conventions' list fields declare themselves (database fields weigh
/// <see cref="DatabaseWeight"/>, connections are sized by <c>first</c>/<c>last</c>); a host declares the rest.
/// </summary>
public static class FieldCost
{
    /// <summary>Metadata key of a field's weight (a <see cref="double"/>).</summary>
    public const string WeightKey = "wg:cost:weight";

    /// <summary>Metadata key of a field's <see cref="ListSize"/>.</summary>
    public const string ListSizeKey = "wg:cost:listSize";

    /// <summary>Metadata key, on an argument, of the weight of each operation its value uses (filter operations).</summary>
    public const string OperationWeightKey = "wg:cost:operationWeight";

    /// <summary>Metadata key of a field whose list argument is a batch bounded by <c>Limits:MaxNodeBatch</c> (the argument's name).</summary>
    public const string BatchArgumentKey = "wg:limit:batchArgument";

    /// <summary>Weight of a field that queries the database, and of each filter operation.</summary>
    public const double DatabaseWeight = 10;

    /// <summary>Sets the field's weight.</summary>
    public static FieldBuilder<TSource, TReturn> Cost<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, double weight)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.FieldType.Cost(weight);
        return field;
    }

    /// <summary>Sets the field's weight.</summary>
    public static FieldType Cost(this FieldType field, double weight)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.Metadata[WeightKey] = weight;
        return field;
    }

    /// <summary>Declares an unpaged list of about <paramref name="assumedSize"/> items.</summary>
    public static FieldBuilder<TSource, TReturn> ListSize<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int assumedSize)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.FieldType.ListSize(new ListSize(assumedSize, [], null, []));
        return field;
    }

    /// <summary>Declares how the field sizes its list.</summary>
    public static FieldType ListSize(this FieldType field, ListSize size)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.Metadata[ListSizeKey] = size;
        return field;
    }

    /// <summary>Declares a batch lookup: a list as long as <paramref name="argument"/>, at most <c>Limits:MaxNodeBatch</c> long (400 <c>HC0076</c>).</summary>
    public static FieldBuilder<TSource, TReturn> BatchOf<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string argument)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.FieldType.ListSize(new ListSize(null, [], argument, []));
        field.FieldType.Metadata[BatchArgumentKey] = argument;
        return field;
    }

    /// <summary>The field's weight, or its default: 0 for leaves, 1 for object fields.</summary>
    internal static double WeightOf(FieldType field, bool composite) =>
        field.Metadata.TryGetValue(WeightKey, out var weight) && weight is double value ? value : composite ? 1 : 0;

    /// <summary>Sets the field's weight unless the field has one.</summary>
    internal static void DefaultCost(this FieldType field, double weight) => field.Metadata.TryAdd(WeightKey, weight);
}

using System.Linq.Expressions;
using GraphQL.Types;

namespace WorkforceGraph.GraphQL.Conventions.Types;

/// <summary>What a field of an entity graph type is backed by, for filtering, sorting and projection.</summary>
public enum DataFieldKind
{
    /// <summary>A scalar or enum value: a column or a translatable computed expression.</summary>
    Value,

    /// <summary>A to-one relation (a navigation).</summary>
    Reference,

    /// <summary>A to-many relation (a collection navigation or correlated query).</summary>
    Collection,
}

/// <summary>
/// The expression behind a field, attached to the field's metadata. Computed fields register an expression
/// factory (it may read request services such as the clock), so they filter and sort in SQL like columns.
/// </summary>
public sealed class DataField
{
    /// <summary>Metadata key on <see cref="FieldType"/>.</summary>
    public const string MetadataKey = "wg:data";

    private readonly Func<IServiceProvider?, LambdaExpression> _expression;

    /// <summary>Creates the description of a field.</summary>
    public DataField(DataFieldKind kind, Func<IServiceProvider?, LambdaExpression> expression, Type valueType)
    {
        Kind = kind;
        _expression = expression;
        ValueType = valueType;
    }

    /// <summary>Value, reference or collection.</summary>
    public DataFieldKind Kind { get; }

    /// <summary>The CLR type the expression yields (the element type for collections).</summary>
    public Type ValueType { get; }

    /// <summary>The GraphQL enum type of an enum value field (drives the operation input and the sort order).</summary>
    public Type? EnumGraphType { get; init; }

    /// <summary>The graph type of the related entity, for references and collections.</summary>
    public Type? TargetGraphType { get; init; }

    /// <summary>Whether the field can be used in <c>where</c>.</summary>
    public bool Filterable { get; init; } = true;

    /// <summary>Whether the field can be used in <c>order</c> (never for collections).</summary>
    public bool Sortable { get; init; } = true;

    /// <summary>Whether the GraphQL field is nullable (<c>eq: null</c> is allowed only then).</summary>
    public bool Nullable { get; init; }

    /// <summary>Converts a filter operand from its GraphQL value to the expression's type (e.g. a node ID to a key).</summary>
    public Func<object, object?>? OperandConverter { get; init; }

    /// <summary>The GraphQL type of the filter operation input, when not derived from <see cref="ValueType"/>.</summary>
    public Type? OperationInputType { get; init; }

    /// <summary>The description of the field in filter inputs, when it differs from the output field's (e.g. which operations the server accepts).</summary>
    public string? FilterDescription { get; init; }

    /// <summary>
    /// Called with the request's services whenever a <c>where</c> or an <c>order</c> uses the field, before any SQL
    /// is built; it refuses by throwing (typically a coded execution error). Use it for fields whose values the
    /// caller may see only masked: a filter or a sort on them would be an oracle for the hidden value.
    /// </summary>
    public Action<IServiceProvider?>? Guard { get; set; }

    /// <summary>
    /// Computed by an expression built per request rather than read from a column or navigation: projections leave it
    /// to its own batched load.
    /// </summary>
    public bool Computed { get; init; }

    /// <summary>Columns a projection must read for this field (entity property names); empty for computed ones.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>Builds the lambda from the entity to the value (rebinding is the caller's job).</summary>
    public LambdaExpression Expression(IServiceProvider? services) => _expression(services);

    /// <summary>Reads the description from a field's metadata; null when the field is not backed by data.</summary>
    public static DataField? Of(FieldType field) => field.GetMetadata<DataField?>(MetadataKey);
}

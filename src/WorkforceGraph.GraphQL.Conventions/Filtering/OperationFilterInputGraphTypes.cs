using GraphQL.Types;
using WorkforceGraph.GraphQL.Conventions.Scalars;

namespace WorkforceGraph.GraphQL.Conventions.Filtering;

/// <summary>Base of HotChocolate's scalar operation inputs (graphql-conventions.md §3).</summary>
/// <typeparam name="TScalar">The operand's graph type.</typeparam>
public abstract class OperationFilterInputGraphType<TScalar> : InputObjectGraphType
    where TScalar : IGraphType
{
    /// <summary>Declares <c>eq neq in nin</c> (and the comparisons when <paramref name="comparable"/>).</summary>
    protected OperationFilterInputGraphType(string name, bool comparable)
    {
        Name = name;
        Description = comparable
            ? "Conditions on a comparable value; sibling operations are ANDed."
            : "Conditions on a value; sibling operations are ANDed.";
        Field<TScalar>("eq").Description("Equal to the operand; `eq: null` means the value is null.");
        Field<TScalar>("neq").Description("Not equal to the operand; `neq: null` means the value is not null.");
        Field<ListGraphType<TScalar>>("in").Description("Equal to one of the operands.");
        Field<ListGraphType<TScalar>>("nin").Description("Equal to none of the operands.");
        if (comparable)
        {
            Field<TScalar>("gt").Description("Greater than the operand.");
            Field<TScalar>("ngt").Description("Not greater than the operand.");
            Field<TScalar>("gte").Description("Greater than or equal to the operand.");
            Field<TScalar>("ngte").Description("Not greater than or equal to the operand.");
            Field<TScalar>("lt").Description("Less than the operand.");
            Field<TScalar>("nlt").Description("Not less than the operand.");
            Field<TScalar>("lte").Description("Less than or equal to the operand.");
            Field<TScalar>("nlte").Description("Not less than or equal to the operand.");
        }
    }
}

/// <summary><c>IntOperationFilterInput</c>.</summary>
public sealed class IntOperationFilterInputGraphType() : OperationFilterInputGraphType<IntGraphType>("IntOperationFilterInput", true);

/// <summary><c>LongOperationFilterInput</c>.</summary>
public sealed class LongOperationFilterInputGraphType() : OperationFilterInputGraphType<LongGraphType>("LongOperationFilterInput", true);

/// <summary><c>FloatOperationFilterInput</c>.</summary>
public sealed class FloatOperationFilterInputGraphType() : OperationFilterInputGraphType<FloatGraphType>("FloatOperationFilterInput", true);

/// <summary><c>DecimalOperationFilterInput</c>.</summary>
public sealed class DecimalOperationFilterInputGraphType() : OperationFilterInputGraphType<DecimalScalarType>("DecimalOperationFilterInput", true);

/// <summary><c>DateOperationFilterInput</c>.</summary>
public sealed class DateOperationFilterInputGraphType() : OperationFilterInputGraphType<DateScalarType>("DateOperationFilterInput", true);

/// <summary><c>DateTimeOperationFilterInput</c>.</summary>
public sealed class DateTimeOperationFilterInputGraphType() : OperationFilterInputGraphType<DateTimeScalarType>("DateTimeOperationFilterInput", true);

/// <summary><c>IdOperationFilterInput</c>: operands are global IDs.</summary>
public sealed class IdOperationFilterInputGraphType() : OperationFilterInputGraphType<IdGraphType>("IdOperationFilterInput", false);

/// <summary><c>BooleanOperationFilterInput</c>: <c>eq neq</c>.</summary>
public sealed class BooleanOperationFilterInputGraphType : InputObjectGraphType
{
    /// <summary>Declares the operations.</summary>
    public BooleanOperationFilterInputGraphType()
    {
        Name = "BooleanOperationFilterInput";
        Description = "Conditions on a Boolean value.";
        Field<BooleanGraphType>("eq").Description("Equal to the operand.");
        Field<BooleanGraphType>("neq").Description("Not equal to the operand.");
    }
}

/// <summary><c>&lt;Enum&gt;OperationFilterInput</c>, e.g. <c>GenderOperationFilterInput</c>: <c>eq neq in nin</c>, lists <c>[E!]</c>.</summary>
/// <typeparam name="TEnumGraphType">The enum's graph type.</typeparam>
public sealed class EnumOperationFilterInputGraphType<TEnumGraphType> : InputObjectGraphType
    where TEnumGraphType : EnumerationGraphType, new()
{
    /// <summary>Declares the operations.</summary>
    public EnumOperationFilterInputGraphType()
    {
        Name = new TEnumGraphType().Name + "OperationFilterInput";
        Description = "Conditions on an enum value.";
        Field<TEnumGraphType>("eq").Description("Equal to the operand; `eq: null` means the value is null.");
        Field<TEnumGraphType>("neq").Description("Not equal to the operand; `neq: null` means the value is not null.");
        Field<ListGraphType<NonNullGraphType<TEnumGraphType>>>("in").Description("Equal to one of the operands.");
        Field<ListGraphType<NonNullGraphType<TEnumGraphType>>>("nin").Description("Equal to none of the operands.");
    }
}

/// <summary><c>StringOperationFilterInput</c>: ordinal, case-sensitive operations (HC's quirk: it has its own <c>and</c>/<c>or</c>).</summary>
public sealed class StringOperationFilterInputGraphType : InputObjectGraphType
{
    /// <summary>Declares the operations.</summary>
    public StringOperationFilterInputGraphType()
    {
        Name = "StringOperationFilterInput";
        Description = "Conditions on a string, compared ordinally (by code point) and case-sensitively.";
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputGraphType>>>("and").Description("All of these conditions hold.");
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputGraphType>>>("or").Description("At least one of these conditions holds.");
        Field<StringGraphType>("eq").Description("Equal to the operand; `eq: null` means the value is null.");
        Field<StringGraphType>("neq").Description("Not equal to the operand; `neq: null` means the value is not null.");
        Field<StringGraphType>("contains").Description("Contains the operand.");
        Field<StringGraphType>("ncontains").Description("Does not contain the operand.");
        Field<ListGraphType<StringGraphType>>("in").Description("Equal to one of the operands.");
        Field<ListGraphType<StringGraphType>>("nin").Description("Equal to none of the operands.");
        Field<StringGraphType>("startsWith").Description("Starts with the operand.");
        Field<StringGraphType>("nstartsWith").Description("Does not start with the operand.");
        Field<StringGraphType>("endsWith").Description("Ends with the operand.");
        Field<StringGraphType>("nendsWith").Description("Does not end with the operand.");
    }
}

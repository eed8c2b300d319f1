using GraphQL.Types;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.GraphQL.Conventions.Filtering;

/// <summary>
/// <c>&lt;Type&gt;FilterInput</c>, generated from an entity graph type's data fields: <c>and</c>, <c>or</c>, an operation
/// input per value field, a nested filter per reference and a list filter per collection (graphql-conventions.md §3).
/// </summary>
/// <typeparam name="TGraphType">The entity graph type.</typeparam>
public sealed class FilterInputGraphType<TGraphType> : InputObjectGraphType
    where TGraphType : IComplexGraphType
{
    /// <summary>Builds the input from a (separate) instance of the entity graph type.</summary>
    public FilterInputGraphType(TGraphType source)
    {
        Name = source.Name + "FilterInput";
        Description = $"Conditions on {source.Name}; sibling fields are ANDed.";
        Field<ListGraphType<NonNullGraphType<FilterInputGraphType<TGraphType>>>>("and").Description("All of these conditions hold.");
        Field<ListGraphType<NonNullGraphType<FilterInputGraphType<TGraphType>>>>("or").Description("At least one of these conditions holds.");
        foreach (var field in source.Fields)
        {
            var data = DataField.Of(field);
            if (data is not { Filterable: true })
            {
                continue;
            }

            var type = data.Kind switch
            {
                DataFieldKind.Reference => typeof(FilterInputGraphType<>).MakeGenericType(data.TargetGraphType!),
                DataFieldKind.Collection => typeof(ListFilterInputGraphType<>).MakeGenericType(data.TargetGraphType!),
                _ => FilterOperations.InputTypeFor(data),
            };
            Field(field.Name, type).Description(data.FilterDescription ?? field.Description);
        }
    }
}

/// <summary><c>ListFilterInputTypeOf&lt;Type&gt;FilterInput</c>: <c>all none some</c> and <c>any</c>.</summary>
/// <typeparam name="TGraphType">The element's entity graph type.</typeparam>
public sealed class ListFilterInputGraphType<TGraphType> : InputObjectGraphType
    where TGraphType : IComplexGraphType
{
    /// <summary>Declares the operations.</summary>
    public ListFilterInputGraphType(TGraphType source)
    {
        Name = "ListFilterInputTypeOf" + source.Name + "FilterInput";
        Description = $"Conditions on a list of {source.Name}.";
        Field<FilterInputGraphType<TGraphType>>("all").Description("Every element matches.");
        Field<FilterInputGraphType<TGraphType>>("none").Description("No element matches.");
        Field<FilterInputGraphType<TGraphType>>("some").Description("At least one element matches.");
        Field<BooleanGraphType>("any").Description("`true`: the list has elements; `false`: it is empty.");
    }
}

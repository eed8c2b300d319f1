using GraphQL.Types;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.GraphQL.Conventions.Sorting;

/// <summary>HotChocolate's <c>SortEnumType { ASC DESC }</c>.</summary>
public sealed class SortEnumGraphType : EnumerationGraphType
{
    /// <summary>Declares the two directions.</summary>
    public SortEnumGraphType()
    {
        Name = "SortEnumType";
        Description = "Sort direction.";
        Add("ASC", SortDirection.Ascending, "Ascending: smallest first; NULLs last.");
        Add("DESC", SortDirection.Descending, "Descending: largest first; NULLs first.");
    }
}

/// <summary>A sort direction.</summary>
public enum SortDirection
{
    /// <summary>ASC.</summary>
    Ascending,

    /// <summary>DESC.</summary>
    Descending,
}

/// <summary>
/// <c>&lt;Type&gt;SortInput</c>: a direction per sortable value field, a nested sort input per reference; list fields
/// are not sortable (graphql-conventions.md §4).
/// </summary>
/// <typeparam name="TGraphType">The entity graph type.</typeparam>
public sealed class SortInputGraphType<TGraphType> : InputObjectGraphType
    where TGraphType : IComplexGraphType
{
    /// <summary>Builds the input from a (separate) instance of the entity graph type.</summary>
    public SortInputGraphType(TGraphType source)
    {
        Name = source.Name + "SortInput";
        Description = $"Sort order of {source.Name}; write one field per list entry (the first entry is the primary key of the order).";
        foreach (var field in source.Fields)
        {
            var data = DataField.Of(field);
            if (data is not { Sortable: true } || data.Kind == DataFieldKind.Collection)
            {
                continue;
            }

            var type = data.Kind == DataFieldKind.Reference
                ? typeof(SortInputGraphType<>).MakeGenericType(data.TargetGraphType!)
                : typeof(SortEnumGraphType);
            Field(field.Name, type).Description(field.Description);
        }
    }
}

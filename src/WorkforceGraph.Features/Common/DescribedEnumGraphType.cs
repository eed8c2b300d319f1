using GraphQL.Types;

namespace WorkforceGraph.Features.Common;

/// <summary>
/// An enum graph type whose values carry a description and a Chinese display label (used for statistics labels).
/// Values are named in CONSTANT_CASE from the C# members (GraphQL.NET's default).
/// </summary>
public abstract class DescribedEnumGraphType<TEnum> : EnumerationGraphType<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>Names the type and describes every value; a member without a description fails at start-up.</summary>
    protected DescribedEnumGraphType(string name, string description, IReadOnlyDictionary<TEnum, (string Label, string Description)> values)
    {
        Name = name;
        Description = description;
        foreach (var value in Values)
        {
            var member = (TEnum)value.Value!;
            if (!values.TryGetValue(member, out var text))
            {
                throw new InvalidOperationException($"{name}.{value.Name} has no description.");
            }

            value.Description = $"{text.Label}: {text.Description}";
        }
    }
}

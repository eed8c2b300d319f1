using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WorkforceGraph.Features.Integration;

/// <summary>
/// Compares a stored row read untracked with the row a record maps to, property by property as the EF model stores
/// them (its value comparers): what <c>DetectChanges</c> would find, without tracking either instance.
/// </summary>
internal static class RowComparer
{
    private static readonly ConcurrentDictionary<IEntityType, IProperty[]> Compared = new();

    /// <summary>Whether <paramref name="stored"/> and <paramref name="candidate"/> hold the same value in every stored property but the key.</summary>
    public static bool SameValues(IEntityType type, object stored, object candidate)
    {
        foreach (var property in Compared.GetOrAdd(type, Properties))
        {
            var getter = property.GetGetter();
            if (!property.GetValueComparer().Equals(getter.GetClrValueUsingContainingEntity(stored), getter.GetClrValueUsingContainingEntity(candidate)))
            {
                return false;
            }
        }

        return true;
    }

    private static IProperty[] Properties(IEntityType type)
    {
        var properties = type.GetProperties().Where(p => !p.IsPrimaryKey()).ToArray();
        if (properties.Any(p => p.IsShadowProperty()))
        {
            throw new InvalidOperationException($"{type.DisplayName()} has shadow properties: its rows can only be compared through the change tracker.");
        }

        return properties;
    }
}

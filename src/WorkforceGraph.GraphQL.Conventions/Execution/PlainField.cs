using GraphQL.Resolvers;
using GraphQL.Types;

namespace WorkforceGraph.GraphQL.Conventions.Execution;

/// <summary>
/// Marks a field whose value is a pure, synchronous function of its parent object: a column read from the loaded
/// row, a key encoded as a node ID, or a to-one relation the projection joined. <see cref="ProjectedExecutionStrategy"/>
/// reads such fields for a whole list directly instead of building one execution node per value.
/// </summary>
/// <remarks>
/// The mark names the resolver it was made for; a field whose resolver was replaced afterwards (a masking resolver,
/// an authorization wrapper, a field middleware) no longer matches and runs the ordinary way.
/// </remarks>
public sealed class PlainField
{
    /// <summary>Metadata key on <see cref="FieldType"/>.</summary>
    public const string MetadataKey = "wg:plain";

    private PlainField(IFieldResolver? resolver, Func<object, object?> read, Func<object, bool>? pending)
    {
        Resolver = resolver;
        Read = read;
        Pending = pending;
    }

    /// <summary>The resolver the field had when it was marked.</summary>
    public IFieldResolver? Resolver { get; }

    /// <summary>Reads the field's value (for a relation: the related object, or null) from its parent.</summary>
    public Func<object, object?> Read { get; }

    /// <summary>
    /// For a relation: true when <see cref="Read"/> found nothing although a related row exists (it was not joined,
    /// so the field's resolver must load it). Null for values.
    /// </summary>
    public Func<object, bool>? Pending { get; }

    /// <summary>A value computed from the parent alone.</summary>
    public static PlainField Value<TSource, TValue>(IFieldResolver? resolver, Func<TSource, TValue> read) =>
        new(resolver, source => read((TSource)source), null);

    /// <summary>A to-one relation: the joined object, or null when <paramref name="pending"/> says there is none to load.</summary>
    public static PlainField Reference<TSource, TTarget>(IFieldResolver? resolver, Func<TSource, TTarget?> read, Func<TSource, bool> pending)
        where TTarget : class =>
        new(resolver, source => read((TSource)source), source => pending((TSource)source));

    /// <summary>The mark of <paramref name="field"/>, if it still applies to the field's resolver.</summary>
    public static PlainField? Of(FieldType field)
    {
        var plain = field.GetMetadata<PlainField?>(MetadataKey);
        return plain is not null && ReferenceEquals(plain.Resolver, field.Resolver) && field.Arguments is not { Count: > 0 } ? plain : null;
    }
}

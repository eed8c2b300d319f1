using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQL.Types;

namespace WorkforceGraph.GraphQL.Conventions.Execution;

/// <summary>
/// What to read from each object of a list when every selected field (to any depth) is a <see cref="PlainField"/>:
/// for each response key, in the order field collection gave them, a leaf (its scalar serializes the value), a joined
/// relation (read by its own plan) or <c>__typename</c>.
/// </summary>
internal sealed class ListPlan
{
    public ListPlan(IObjectGraphType type, PlanEntry[] entries)
    {
        Type = type;
        Entries = entries;
    }

    public IObjectGraphType Type { get; }

    public PlanEntry[] Entries { get; }
}

internal enum PlanEntryKind
{
    Leaf,
    Object,
    TypeName,
}

internal sealed class PlanEntry(string key, PlanEntryKind kind, PlainField? field, ScalarGraphType? scalar, bool nonNull, ListPlan? nested)
{
    public string Key { get; } = key;

    public JsonEncodedText EncodedKey { get; } = JsonEncodedText.Encode(key);

    public PlanEntryKind Kind { get; } = kind;

    public PlainField? Field { get; } = field;

    public ScalarGraphType? Scalar { get; } = scalar;

    public bool NonNull { get; } = nonNull;

    public ListPlan? Nested { get; } = nested;
}

/// <summary>
/// The completed values of a list read through a <see cref="ListPlan"/>: every leaf already serialized by its scalar
/// and checked against its type, in plan order, one object after another. It is the list's result as GraphQL.NET's
/// serializer sees it (an <see cref="global::GraphQL.Execution.ArrayExecutionNode"/>'s serialized result): an enumerable of
/// <see cref="ProjectedObject"/>s, each written straight to JSON and readable as a dictionary.
/// </summary>
internal sealed class ProjectedList : IEnumerable
{
    /// <summary>Stands in the value stream for an object that is null.</summary>
    internal static readonly object NullObject = new();

    /// <summary>Stands in the value stream for an item of the list that is null.</summary>
    internal static readonly object NullItem = new();

    private readonly ListPlan _plan;
    private readonly object?[] _values;
    private readonly int[] _starts;

    private ProjectedList(ListPlan plan, object?[] values, int[] starts)
    {
        _plan = plan;
        _values = values;
        _starts = starts;
    }

    /// <summary>
    /// Reads and completes every item; null when one of them cannot be completed this way (a null where the schema
    /// forbids one, a relation that was not joined, a value its scalar refuses, an object of another type): the list
    /// then runs the ordinary way, which reports that field's error where GraphQL.NET reports it.
    /// </summary>
    public static ProjectedList? TryCreate(ListPlan plan, IEnumerable items, bool nonNullItems)
    {
        var count = items is ICollection collection ? collection.Count : 16;
        var values = new List<object?>(count * plan.Entries.Length);
        var starts = new List<int>(count);
        foreach (var item in items)
        {
            starts.Add(values.Count);
            if (item is null)
            {
                if (nonNullItems)
                {
                    return null;
                }

                values.Add(NullItem);
                continue;
            }

            if (!TryRead(plan, item, values))
            {
                return null;
            }
        }

        return new ProjectedList(plan, values.ToArray(), starts.ToArray());
    }

    private static bool TryRead(ListPlan plan, object source, List<object?> values)
    {
        if (plan.Type.IsTypeOf is { } isTypeOf && !isTypeOf(source))
        {
            return false;
        }

        foreach (var entry in plan.Entries)
        {
            switch (entry.Kind)
            {
                case PlanEntryKind.TypeName:
                    values.Add(plan.Type.Name);
                    break;
                case PlanEntryKind.Leaf:
                    object? serialized;
                    try
                    {
                        serialized = entry.Scalar!.Serialize(entry.Field!.Read(source));
                    }
                    catch (Exception)
                    {
                        // The ordinary path reports it as the field's error.
                        return false;
                    }

                    if (serialized is null && entry.NonNull)
                    {
                        return false;
                    }

                    values.Add(serialized);
                    break;
                default:
                    var related = entry.Field!.Read(source);
                    if (related is null)
                    {
                        if (entry.NonNull || entry.Field.Pending!(source))
                        {
                            return false;
                        }

                        values.Add(NullObject);
                    }
                    else if (!TryRead(entry.Nested!, related, values))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    public IEnumerator GetEnumerator()
    {
        for (var i = 0; i < _starts.Length; i++)
        {
            yield return _values[_starts[i]] == NullItem ? null : new ProjectedObject(_plan, _values, _starts[i]);
        }
    }

    /// <summary>Writes the objects of a plan from a value stream; returns the position after the object.</summary>
    internal static int Write(Utf8JsonWriter writer, ListPlan plan, object?[] values, int position, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        var naming = options.PropertyNamingPolicy;
        foreach (var entry in plan.Entries)
        {
            if (naming is null)
            {
                writer.WritePropertyName(entry.EncodedKey);
            }
            else
            {
                writer.WritePropertyName(naming.ConvertName(entry.Key));
            }

            var value = values[position];
            if (entry.Kind == PlanEntryKind.Object)
            {
                if (value == NullObject)
                {
                    writer.WriteNullValue();
                    position++;
                }
                else
                {
                    position = Write(writer, entry.Nested!, values, position, options);
                }

                continue;
            }

            position++;
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string text:
                    writer.WriteStringValue(text);
                    break;
                case int number:
                    writer.WriteNumberValue(number);
                    break;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    break;
                default:
                    // As GraphQL.NET writes a value node: by the value's runtime type, with the same options.
                    JsonSerializer.Serialize(writer, value, options);
                    break;
            }
        }

        writer.WriteEndObject();
        return position;
    }

    /// <summary>Reads the object of a plan from a value stream as GraphQL.NET's result dictionaries.</summary>
    internal static int Read(ListPlan plan, object?[] values, int position, out Dictionary<string, object?> result)
    {
        result = new Dictionary<string, object?>(plan.Entries.Length, StringComparer.Ordinal);
        foreach (var entry in plan.Entries)
        {
            var value = values[position];
            if (entry.Kind == PlanEntryKind.Object && value != NullObject)
            {
                position = Read(entry.Nested!, values, position, out var nested);
                result[entry.Key] = nested;
                continue;
            }

            result[entry.Key] = value == NullObject ? null : value;
            position++;
        }

        return position;
    }
}

/// <summary>One object of a <see cref="ProjectedList"/>: written to JSON directly, readable as a dictionary.</summary>
[JsonConverter(typeof(ProjectedObjectConverter))]
internal sealed class ProjectedObject : IReadOnlyDictionary<string, object?>
{
    private readonly ListPlan _plan;
    private readonly object?[] _values;
    private readonly int _start;
    private Dictionary<string, object?>? _dictionary;

    public ProjectedObject(ListPlan plan, object?[] values, int start)
    {
        _plan = plan;
        _values = values;
        _start = start;
    }

    private Dictionary<string, object?> Dictionary
    {
        get
        {
            if (_dictionary is null)
            {
                ProjectedList.Read(_plan, _values, _start, out var read);
                _dictionary = read;
            }

            return _dictionary;
        }
    }

    public object? this[string key] => Dictionary[key];

    public IEnumerable<string> Keys => Dictionary.Keys;

    public IEnumerable<object?> Values => Dictionary.Values;

    public int Count => _plan.Entries.Length;

    public bool ContainsKey(string key) => Dictionary.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => Dictionary.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Dictionary.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Write(Utf8JsonWriter writer, JsonSerializerOptions options) => ProjectedList.Write(writer, _plan, _values, _start, options);

    internal sealed class ProjectedObjectConverter : JsonConverter<ProjectedObject>
    {
        public override ProjectedObject Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A projected result object is written, never read.");

        public override void Write(Utf8JsonWriter writer, ProjectedObject value, JsonSerializerOptions options) => value.Write(writer, options);
    }
}

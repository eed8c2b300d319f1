using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using WorkforceGraph.GraphQL.Conventions.Scalars;

namespace WorkforceGraph.GraphQL.Conventions.Sdl;

/// <summary>
/// Prints a schema as SDL in the fixed order of graphql-conventions.md §10. Used by both
/// <c>GET /graphql?sdl</c> and the host's <c>schema export</c> command, so both write the same bytes.
/// </summary>
/// <remarks>
/// Order: the <c>schema</c> definition; object types (query, mutation, subscription roots, then
/// A→Z ordinal); interfaces; unions; input objects; enums; custom scalars; each group A→Z ordinal.
/// Fields, arguments and enum values keep declaration order. Two-space indent, LF, one blank line
/// between definitions, final newline. Built-in scalars, introspection types and directive
/// definitions are not printed.
/// </remarks>
public static class SchemaSdlPrinter
{
    private static readonly HashSet<string> BuiltInScalars = new(StringComparer.Ordinal)
    {
        "String", "Int", "Float", "Boolean", "ID",
    };

    /// <summary>Prints the schema (initialising it first if needed).</summary>
    /// <param name="schema">The schema to print.</param>
    /// <returns>The SDL text, LF line endings, ending with one newline.</returns>
    public static string Print(ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        schema.Initialize();

        var definitions = new List<string> { PrintSchemaDefinition(schema) };
        var roots = new[] { schema.Query, schema.Mutation, schema.Subscription }
            .Where(t => t is not null)
            .Select(t => t!.Name)
            .ToList();

        var types = schema.AllTypes
            .Where(t => !t.IsPrivate && !t.Name.StartsWith("__", StringComparison.Ordinal))
            .Where(t => !(t is ScalarGraphType && BuiltInScalars.Contains(t.Name)))
            .ToList();

        var objects = types.OfType<IObjectGraphType>()
            .OrderBy(t => roots.IndexOf(t.Name) is var i && i >= 0 ? i : roots.Count)
            .ThenBy(t => t.Name, StringComparer.Ordinal);
        definitions.AddRange(objects.Select(PrintObject));
        definitions.AddRange(Sorted<IInterfaceGraphType>(types).Select(PrintInterface));
        definitions.AddRange(Sorted<UnionGraphType>(types).Select(PrintUnion));
        definitions.AddRange(Sorted<IInputObjectGraphType>(types).Select(PrintInputObject));
        definitions.AddRange(Sorted<EnumerationGraphType>(types).Select(PrintEnum));
        // GraphQL.NET derives enumeration types from ScalarGraphType.
        definitions.AddRange(Sorted<ScalarGraphType>(types).Where(t => t is not EnumerationGraphType).Select(PrintScalar));

        return string.Join("\n\n", definitions) + "\n";
    }

    private static IEnumerable<T> Sorted<T>(IEnumerable<IGraphType> types)
        where T : IGraphType =>
        types.OfType<T>().OrderBy(t => t.Name, StringComparer.Ordinal);

    private static string PrintSchemaDefinition(ISchema schema)
    {
        var sb = new StringBuilder("schema {\n");
        sb.Append("  query: ").Append(schema.Query.Name).Append('\n');
        if (schema.Mutation is { } mutation)
        {
            sb.Append("  mutation: ").Append(mutation.Name).Append('\n');
        }

        if (schema.Subscription is { } subscription)
        {
            sb.Append("  subscription: ").Append(subscription.Name).Append('\n');
        }

        return sb.Append('}').ToString();
    }

    private static string PrintObject(IObjectGraphType type) =>
        PrintFieldsType("type", type, type.ResolvedInterfaces);

    private static string PrintInterface(IInterfaceGraphType type) =>
        PrintFieldsType("interface", type, type.ResolvedInterfaces);

    private static string PrintFieldsType(string keyword, IComplexGraphType type, IEnumerable<IInterfaceGraphType> interfaces)
    {
        var sb = new StringBuilder();
        AppendDescription(sb, type.Description, string.Empty);
        sb.Append(keyword).Append(' ').Append(type.Name);
        var names = interfaces.Select(i => i.Name).ToList();
        if (names.Count > 0)
        {
            sb.Append(" implements ").Append(string.Join(" & ", names));
        }

        sb.Append(" {\n");
        foreach (var field in type.Fields)
        {
            AppendDescription(sb, field.Description, "  ");
            sb.Append("  ").Append(field.Name);
            AppendArguments(sb, field.Arguments);
            sb.Append(": ").Append(field.ResolvedType);
            AppendDeprecated(sb, field.DeprecationReason);
            sb.Append('\n');
        }

        return sb.Append('}').ToString();
    }

    private static void AppendArguments(StringBuilder sb, QueryArguments? arguments)
    {
        if (arguments is null || arguments.Count == 0)
        {
            return;
        }

        if (arguments.All(a => string.IsNullOrEmpty(a.Description)))
        {
            sb.Append('(').Append(string.Join(", ", arguments.Select(PrintInputValue))).Append(')');
            return;
        }

        sb.Append("(\n");
        foreach (var argument in arguments)
        {
            AppendDescription(sb, argument.Description, "    ");
            sb.Append("    ").Append(PrintInputValue(argument)).Append('\n');
        }

        sb.Append("  )");
    }

    private static string PrintInputValue(QueryArgument argument) =>
        PrintInputValue(argument.Name, argument.ResolvedType!, argument.DefaultValue, argument.DeprecationReason);

    private static string PrintInputValue(string name, IGraphType type, object? defaultValue, string? deprecationReason)
    {
        var sb = new StringBuilder(name).Append(": ").Append(type);
        if (defaultValue is not null)
        {
            sb.Append(" = ").Append(PrintValue(type.ToAST(defaultValue)));
        }

        AppendDeprecated(sb, deprecationReason);
        return sb.ToString();
    }

    private static string PrintUnion(UnionGraphType type)
    {
        var sb = new StringBuilder();
        AppendDescription(sb, type.Description, string.Empty);
        sb.Append("union ").Append(type.Name).Append(" = ")
            .Append(string.Join(" | ", type.PossibleTypes.Select(t => t.Name)));
        return sb.ToString();
    }

    private static string PrintInputObject(IInputObjectGraphType type)
    {
        var sb = new StringBuilder();
        AppendDescription(sb, type.Description, string.Empty);
        sb.Append("input ").Append(type.Name).Append(" {\n");
        foreach (var field in type.Fields)
        {
            AppendDescription(sb, field.Description, "  ");
            sb.Append("  ")
                .Append(PrintInputValue(field.Name, field.ResolvedType!, field.DefaultValue, field.DeprecationReason))
                .Append('\n');
        }

        return sb.Append('}').ToString();
    }

    private static string PrintEnum(EnumerationGraphType type)
    {
        var sb = new StringBuilder();
        AppendDescription(sb, type.Description, string.Empty);
        sb.Append("enum ").Append(type.Name).Append(" {\n");
        foreach (var value in type.Values)
        {
            AppendDescription(sb, value.Description, "  ");
            sb.Append("  ").Append(value.Name);
            AppendDeprecated(sb, value.DeprecationReason);
            sb.Append('\n');
        }

        return sb.Append('}').ToString();
    }

    private static string PrintScalar(ScalarGraphType type)
    {
        var sb = new StringBuilder();
        AppendDescription(sb, type.Description, string.Empty);
        sb.Append("scalar ").Append(type.Name);
        if (type is ISpecifiedByScalar { SpecifiedByUrl: { } url })
        {
            sb.Append(" @specifiedBy(url: ").Append(QuoteString(url)).Append(')');
        }

        return sb.ToString();
    }

    private static void AppendDeprecated(StringBuilder sb, string? reason)
    {
        if (reason is null)
        {
            return;
        }

        sb.Append(" @deprecated");
        if (!string.Equals(reason, "No longer supported", StringComparison.Ordinal))
        {
            sb.Append("(reason: ").Append(QuoteString(reason)).Append(')');
        }
    }

    private static void AppendDescription(StringBuilder sb, string? description, string indent)
    {
        if (string.IsNullOrEmpty(description))
        {
            return;
        }

        var text = description.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.Contains('\n', StringComparison.Ordinal))
        {
            sb.Append(indent).Append(QuoteString(text)).Append('\n');
            return;
        }

        sb.Append(indent).Append("\"\"\"\n");
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0)
            {
                sb.Append(indent).Append(line.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal));
            }

            sb.Append('\n');
        }

        sb.Append(indent).Append("\"\"\"\n");
    }

    private static string QuoteString(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ': sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }

        return sb.Append('"').ToString();
    }

    private static string PrintValue(GraphQLValue value) => value switch
    {
        GraphQLNullValue => "null",
        GraphQLStringValue s => QuoteString((string)s.Value),
        GraphQLIntValue i => (string)i.Value,
        GraphQLFloatValue f => (string)f.Value,
        GraphQLBooleanValue b => (string)b.Value,
        GraphQLEnumValue e => (string)e.Name.Value,
        GraphQLListValue l => "[" + string.Join(", ", (l.Values ?? []).Select(PrintValue)) + "]",
        GraphQLObjectValue o => "{" + string.Join(", ", (o.Fields ?? []).Select(f => (string)f.Name.Value + ": " + PrintValue(f.Value))) + "}",
        _ => throw new NotSupportedException($"Cannot print default value of kind {value.Kind}."),
    };
}

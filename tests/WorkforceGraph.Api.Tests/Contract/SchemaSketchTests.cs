using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using WorkforceGraph.Api.Tests.Schema;

namespace WorkforceGraph.Api.Tests.Contract;

/// <summary>
/// Every name of the schema sketch (the contract clients rely on; a copy sits beside this test) exists in the
/// served schema with the same type. Names that later issues build are listed explicitly, so each one that
/// arrives must be taken off the list and is then checked.
/// </summary>
public sealed class SchemaSketchTests
{
    // Names of the sketch that arrive with a later issue (none left: every name is built).
    private static readonly HashSet<string> NotYetBuilt = new(StringComparer.Ordinal)
    {
    };

    [Fact]
    public void Every_name_of_the_sketch_exists_with_the_same_type()
    {
        var schema = SchemaTestHost.Schema;
        var sketch = Parser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contract", "schema-sketch.graphql")));
        var missing = new List<string>();
        var built = new List<string>();

        void Expect(string name, bool present, string? detail = null)
        {
            if (NotYetBuilt.Contains(name))
            {
                if (present)
                {
                    built.Add(name);
                }

                return;
            }

            // Members of a type that is not built yet arrive with it.
            if (NotYetBuilt.Contains(name.Split('.')[0]) || NotYetBuilt.Contains(name.Split('(')[0]))
            {
                return;
            }

            if (!present)
            {
                missing.Add(detail is null ? name : $"{name}: {detail}");
            }
        }

        foreach (var definition in sketch.Definitions)
        {
            switch (definition)
            {
                case GraphQLObjectTypeDefinition obj:
                    CheckFields(obj.Name.StringValue, obj.Fields?.Items ?? [], schema.AllTypes[obj.Name.StringValue], Expect);
                    break;
                case GraphQLInterfaceTypeDefinition iface:
                    CheckFields(iface.Name.StringValue, iface.Fields?.Items ?? [], schema.AllTypes[iface.Name.StringValue], Expect);
                    break;
                case GraphQLInputObjectTypeDefinition input:
                    Expect(input.Name.StringValue, schema.AllTypes[input.Name.StringValue] is IInputObjectGraphType);
                    break;
                case GraphQLEnumTypeDefinition enumeration:
                    var type = schema.AllTypes[enumeration.Name.StringValue] as EnumerationGraphType;
                    Expect(enumeration.Name.StringValue, type is not null);
                    foreach (var value in enumeration.Values?.Items ?? [])
                    {
                        Expect($"{enumeration.Name.StringValue}.{value.Name.StringValue}", type?.Values.FindByName(value.Name.StringValue) is not null);
                    }

                    break;
                case GraphQLScalarTypeDefinition scalar:
                    Expect(scalar.Name.StringValue, schema.AllTypes[scalar.Name.StringValue] is ScalarGraphType);
                    break;
            }
        }

        Assert.True(missing.Count == 0, string.Join("; ", missing));
        Assert.True(built.Count == 0, "Built now, take off NotYetBuilt: " + string.Join(", ", built));
    }

    private static void CheckFields(string typeName, IEnumerable<GraphQLFieldDefinition> fields, IGraphType? type, Action<string, bool, string?> expect)
    {
        if (type is not IComplexGraphType complex)
        {
            expect(typeName, false, null);
            return;
        }

        expect(typeName, true, null);
        foreach (var field in fields)
        {
            var name = $"{typeName}.{field.Name.StringValue}";
            var actual = complex.GetField(field.Name.StringValue);
            if (actual is null)
            {
                expect(name, false, null);
                continue;
            }

            var expectedType = Print(field.Type);
            var actualType = actual.ResolvedType!.ToString();
            expect(name, expectedType == actualType, $"type {actualType}, sketch {expectedType}");

            foreach (var argument in field.Arguments?.Items ?? [])
            {
                var argName = $"{name}({argument.Name.StringValue})";
                var actualArgument = actual.Arguments?.Find(argument.Name.StringValue);
                if (actualArgument is null)
                {
                    expect(argName, false, null);
                    continue;
                }

                var expectedArgType = Print(argument.Type);
                var actualArgType = actualArgument.ResolvedType!.ToString();
                expect(argName, expectedArgType == actualArgType, $"type {actualArgType}, sketch {expectedArgType}");
            }
        }
    }

    private static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Print(nonNull.Type) + "!",
        GraphQLListType list => "[" + Print(list.Type) + "]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => throw new NotSupportedException(type.GetType().Name),
    };
}

using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using WorkforceGraph.Api.Commands;

namespace WorkforceGraph.Api.Tests.Schema;

/// <summary>The committed SDL is the public contract: it must equal what the code builds.</summary>
public sealed class SchemaFileTests
{
    [Fact]
    public void The_committed_schema_file_matches_the_code()
    {
        var printed = SchemaCommand.Print(new ConfigurationBuilder().Build());
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "schema", "schema.graphql"));

        Assert.True(
            committed == printed,
            "schema/schema.graphql differs from the schema the code builds. Review the change, then run: "
            + "dotnet run --project src/WorkforceGraph.Api -- schema export --output schema/schema.graphql");
    }

    [Fact]
    public void Every_type_field_argument_and_enum_value_has_a_description()
    {
        var schema = SchemaTestHost.Schema;
        var missing = new List<string>();
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && !IsBuiltIn(t)))
        {
            if (string.IsNullOrWhiteSpace(type.Description))
            {
                missing.Add(type.Name);
            }

            if (type is IComplexGraphType complex)
            {
                foreach (var field in complex.Fields)
                {
                    if (string.IsNullOrWhiteSpace(field.Description))
                    {
                        missing.Add($"{type.Name}.{field.Name}");
                    }

                    foreach (var argument in field.Arguments ?? [])
                    {
                        if (string.IsNullOrWhiteSpace(argument.Description))
                        {
                            missing.Add($"{type.Name}.{field.Name}({argument.Name})");
                        }
                    }
                }
            }

            if (type is EnumerationGraphType enumeration)
            {
                missing.AddRange(enumeration.Values.Where(v => string.IsNullOrWhiteSpace(v.Description)).Select(v => $"{type.Name}.{v.Name}"));
            }
        }

        Assert.True(missing.Count == 0, "No description: " + string.Join(", ", missing));
    }

    private static bool IsBuiltIn(IGraphType type) =>
        type.Name is "String" or "Int" or "Float" or "Boolean" or "ID";
}

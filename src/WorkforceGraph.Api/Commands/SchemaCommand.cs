using System.Text;
using GraphQL.Types;
using WorkforceGraph.Features;
using WorkforceGraph.GraphQL.Conventions.Sdl;

namespace WorkforceGraph.Api.Commands;

/// <summary><c>schema export [--output schema/schema.graphql]</c>: writes the SDL, descriptions included.</summary>
internal static class SchemaCommand
{
    public const string DefaultOutput = "schema/schema.graphql";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["export", .. var rest])
        {
            await Console.Error.WriteLineAsync("Usage: schema export [--output <file>|-]");
            return 2;
        }

        var output = DefaultOutput;
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] is "--output" or "-o" && i + 1 < rest.Length)
            {
                output = rest[++i];
            }
            else
            {
                await Console.Error.WriteLineAsync($"Unknown argument '{rest[i]}'. Usage: schema export [--output <file>|-]");
                return 2;
            }
        }

        var sdl = Print(CommandLine.Configuration([]));
        if (output == "-")
        {
            await Console.Out.WriteAsync(sdl);
            return 0;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(output, sdl, new UTF8Encoding(false));
        await Console.Out.WriteLineAsync($"Wrote {output} ({sdl.Length:N0} characters).");
        return 0;
    }

    /// <summary>The SDL of the schema the server serves (the same printer as <c>GET /graphql?sdl</c>).</summary>
    public static string Print(IConfiguration configuration)
    {
        var services = new ServiceCollection().AddLogging().AddWorkforceSchema(configuration);
        using var provider = services.BuildServiceProvider();
        var schema = provider.GetRequiredService<ISchema>();
        schema.Initialize();
        return SchemaSdlPrinter.Print(schema);
    }
}

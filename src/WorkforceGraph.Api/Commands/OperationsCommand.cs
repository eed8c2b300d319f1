using System.Text;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using WorkforceGraph.Features;
using WorkforceGraph.GraphQL.Conventions.PersistedOperations;

namespace WorkforceGraph.Api.Commands;

/// <summary>
/// <c>operations publish [--input &lt;dir&gt;]... [--manifest &lt;file&gt;]... [--output &lt;store&gt;]</c>: validates every
/// <c>.graphql</c> file under the folders, and every entry of persisted-document manifests (a JSON object of id → text,
/// as GraphQL Code Generator's client preset writes it; each id must be the text's SHA-256), against the schema the
/// server serves and stores each under its id (the lowercase hex SHA-256 of its text) in the store the server reads
/// (<c>GraphQL:PersistedOperations:Directory</c>, default <c>data/operations</c>). Nothing is stored when any is invalid.
/// </summary>
internal static class OperationsCommand
{
    public const string Usage = "usage: operations publish [--input <dir>]... [--manifest <persisted-documents.json>]... [--output <store-dir>]";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (!TryParse(args, configuration, out var inputs, out var manifests, out var output, out var error))
        {
            await Console.Error.WriteLineAsync($"operations: {error}");
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var sources = new List<(string Name, string? Text, string? Problem)>();
        foreach (var input in inputs)
        {
            if (!Directory.Exists(input))
            {
                await Console.Error.WriteLineAsync($"operations: the folder '{input}' does not exist.");
                return 2;
            }

            var files = Directory.EnumerateFiles(input, "*.graphql", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0)
            {
                await Console.Error.WriteLineAsync($"operations: no .graphql files under '{input}'.");
                return 2;
            }

            foreach (var file in files)
            {
                var name = Path.GetRelativePath(input, file);
                try
                {
                    sources.Add((name, await File.ReadAllTextAsync(file, Utf8, cancellationToken), null));
                }
                catch (DecoderFallbackException)
                {
                    sources.Add((name, null, "not UTF-8 text."));
                }
            }
        }

        foreach (var manifest in manifests)
        {
            var entries = await ReadManifestAsync(manifest, cancellationToken);
            if (entries is null)
            {
                return 2;
            }

            sources.AddRange(entries);
        }

        var services = new ServiceCollection().AddLogging().AddWorkforceSchema(configuration);
        await using var provider = services.BuildServiceProvider();
        var schema = provider.GetRequiredService<ISchema>();
        schema.Initialize();

        var documents = new List<(string File, string Text)>(sources.Count);
        var failed = 0;
        foreach (var (relative, text, unreadable) in sources)
        {
            if (text is null)
            {
                await Console.Error.WriteLineAsync($"{relative}: {unreadable}");
                failed++;
                continue;
            }

            var problems = await ValidateAsync(schema, text, provider, cancellationToken);
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync($"{relative}: {problem}");
            }

            if (problems.Count > 0)
            {
                failed++;
                continue;
            }

            documents.Add((relative, text));
        }

        if (failed > 0)
        {
            await Console.Error.WriteLineAsync($"operations: {failed} of {sources.Count} documents are not valid operations of this schema; nothing was published.");
            return 1;
        }

        foreach (var (file, text) in documents)
        {
            var id = await FileSystemPersistedOperationStore.PublishAsync(output, text, cancellationToken);
            await Console.Out.WriteLineAsync($"{id}  {file}");
        }

        await Console.Out.WriteLineAsync($"Published {documents.Count} operations to {output}.");
        return 0;
    }

    // A manifest entry whose id is not its text's SHA-256 is reported like an invalid document.
    private static async Task<List<(string Name, string? Text, string? Problem)>?> ReadManifestAsync(string path, CancellationToken cancellationToken)
    {
        Dictionary<string, string>? entries;
        try
        {
            await using var stream = File.OpenRead(path);
            entries = await System.Text.Json.JsonSerializer.DeserializeAsync<Dictionary<string, string>>(stream, cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            await Console.Error.WriteLineAsync($"operations: cannot read the manifest '{path}' (a JSON object of id → document text): {exception.Message}");
            return null;
        }

        var name = Path.GetFileName(path);
        return [.. (entries ?? []).Select(entry =>
            OperationId.TryNormalize(entry.Key, out var id) && id == OperationId.Of(entry.Value)
                ? ($"{name} {entry.Key}", (string?)entry.Value, (string?)null)
                : ($"{name} {entry.Key}", null, "the id is not the SHA-256 of the document's text."))];
    }

    private static bool TryParse(string[] args, IConfiguration configuration, out List<string> inputs, out List<string> manifests, out string output, out string? error)
    {
        inputs = [];
        manifests = [];
        output = configuration[$"{PersistedOperationOptions.SectionName}:Directory"] is { Length: > 0 } configured
            ? configured
            : new PersistedOperationOptions().Directory;
        error = null;
        if (args is not ["publish", .. var rest])
        {
            error = "the only subcommand is publish.";
            return false;
        }

        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--input" when i + 1 < rest.Length:
                    inputs.Add(rest[++i]);
                    break;
                case "--manifest" when i + 1 < rest.Length:
                    manifests.Add(rest[++i]);
                    break;
                case "--output" when i + 1 < rest.Length:
                    output = rest[++i];
                    break;
                default:
                    error = $"unknown or incomplete argument '{rest[i]}'.";
                    return false;
            }
        }

        if (inputs.Count == 0 && manifests.Count == 0)
        {
            error = "--input <dir> or --manifest <file> is required.";
            return false;
        }

        return true;
    }

    // The static checks the server runs once per stored operation: syntax and the spec's rules. Variable values belong
    // to each request, so errors about them are not the document's.
    private static async Task<List<string>> ValidateAsync(ISchema schema, string text, IServiceProvider services, CancellationToken cancellationToken)
    {
        GraphQLDocument document;
        try
        {
            document = new GraphQLDocumentBuilder().Build(text);
        }
        catch (SyntaxError exception)
        {
            return [exception.InnerException is GraphQLSyntaxErrorException syntax ? $"syntax error: {syntax.Description} (line {syntax.Location.Line}, column {syntax.Location.Column})" : exception.Message];
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operations.Count == 0)
        {
            return ["no operation in the document."];
        }

        var problems = new List<string>();
        foreach (var operation in operations)
        {
            var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
            {
                Schema = schema,
                Document = document,
                Operation = operation,
                Rules = DocumentValidator.CoreRules,
                Variables = global::GraphQL.Inputs.Empty,
                Extensions = global::GraphQL.Inputs.Empty,
                UserContext = new Dictionary<string, object?>(),
                RequestServices = services,
                CancellationToken = cancellationToken,
            });
            foreach (var validationError in result.Errors)
            {
                if (validationError is InvalidVariableError)
                {
                    continue;
                }

                var location = validationError.Locations is [var first, ..] ? $" (line {first.Line}, column {first.Column})" : string.Empty;
                var message = validationError.Message + location;
                if (!problems.Contains(message))
                {
                    problems.Add(message);
                }
            }
        }

        return problems;
    }
}

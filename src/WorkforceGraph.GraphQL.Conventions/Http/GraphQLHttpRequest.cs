using System.Text.Json;
using GraphQL;
using WorkforceGraph.GraphQL.Conventions.Errors;

namespace WorkforceGraph.GraphQL.Conventions.Http;

/// <summary>The parameters of one GraphQL-over-HTTP request (§1).</summary>
internal sealed record GraphQLHttpRequest(string? Query, string? OperationName, Inputs? Variables, Inputs? Extensions, string? DocumentId);

/// <summary>Reads POST bodies and GET query strings into <see cref="GraphQLHttpRequest"/>.</summary>
internal static class GraphQLHttpRequestReader
{
    public static GraphQLHttpRequest FromJsonBody(ReadOnlyMemory<byte> body, IGraphQLSerializer serializer)
    {
        if (body.IsEmpty)
        {
            throw Invalid("The GraphQL request is empty.");
        }

        // JSON text is UTF-8 (RFC 8259); the parser checks string contents only when they are read.
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            throw new CodedExecutionError(ErrorCodes.SyntaxError, "The request body is not valid UTF-8.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new CodedExecutionError(ErrorCodes.SyntaxError, "The request body is not valid JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                throw Invalid("Request batching is not supported: send one JSON object.");
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("The GraphQL request must be a JSON object.");
            }

            string? query = null, operationName = null, documentId = null;
            Inputs? variables = null, extensions = null;
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "query":
                        query = ReadString(property);
                        break;
                    case "operationName":
                        operationName = ReadString(property);
                        break;
                    case "id":
                        documentId = ReadString(property);
                        break;
                    case "documentId":
                        documentId ??= ReadString(property);
                        break;
                    case "variables":
                        variables = ReadObject(property.Value, "variables", serializer);
                        break;
                    case "extensions":
                        extensions = ReadObject(property.Value, "extensions", serializer);
                        break;
                    default:
                        break; // §1: unknown members are ignored.
                }
            }

            return new GraphQLHttpRequest(query, operationName, variables, extensions, documentId);
        }
    }

    public static GraphQLHttpRequest FromQueryString(Microsoft.AspNetCore.Http.IQueryCollection query, IGraphQLSerializer serializer) =>
        new(
            Single(query, "query"),
            Single(query, "operationName"),
            ParseJsonObject(Single(query, "variables"), "variables", serializer),
            ParseJsonObject(Single(query, "extensions"), "extensions", serializer),
            Single(query, "id"));

    private static string? Single(Microsoft.AspNetCore.Http.IQueryCollection query, string key)
    {
        if (!query.TryGetValue(key, out var values) || values.Count == 0)
        {
            return null;
        }

        return values.Count == 1 ? values[0] : throw Invalid($"The parameter `{key}` was given more than once.");
    }

    private static Inputs? ParseJsonObject(string? text, string name, IGraphQLSerializer serializer)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return ReadObject(document.RootElement, name, serializer);
        }
        catch (JsonException)
        {
            throw new CodedExecutionError(ErrorCodes.SyntaxError, $"The parameter `{name}` is not valid JSON.");
        }
    }

    private static string? ReadString(JsonProperty property) => property.Value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => property.Value.GetString(),
        _ => throw Invalid($"The member `{property.Name}` must be a string."),
    };

    private static Inputs? ReadObject(JsonElement element, string name, IGraphQLSerializer serializer) => element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Object => serializer.ReadNode<Inputs>(element),
        JsonValueKind.Array when name == "variables" => throw Invalid("Variable batching is not supported: `variables` must be an object."),
        _ => throw Invalid($"The member `{name}` must be an object."),
    };

    private static CodedExecutionError Invalid(string message) => new(ErrorCodes.InvalidRequest, message);
}

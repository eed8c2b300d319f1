using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using WorkforceGraph.GraphQL.Conventions.Errors;
using WorkforceGraph.GraphQL.Conventions.Http;

namespace WorkforceGraph.GraphQL.Conventions.Limits;

/// <summary>
/// Parses documents under the parser limits of graphql-conventions.md §11 — tokens, nesting, fields and
/// directives — each reported as a syntax error, 400 <c>HC0011</c>, as HotChocolate's parser does. Runs only
/// when a document is built from text (a cached document was checked when it was first built).
/// </summary>
internal sealed class LimitedDocumentBuilder : IDocumentBuilder
{
    private readonly IOptionsMonitor<GraphQLHttpOptions> _options;

    public LimitedDocumentBuilder(IOptionsMonitor<GraphQLHttpOptions> options) => _options = options;

    public GraphQLDocument Build(string body)
    {
        var limits = _options.CurrentValue;
        CountTokens(body, limits.MaxTokens);
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(body, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = Math.Max(1, limits.MaxRecursionDepth) });
        }
        catch (GraphQLMaxDepthExceededException)
        {
            throw Refused($"The document is nested deeper than {limits.MaxRecursionDepth} levels. Parsing aborted.");
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            throw new global::GraphQL.Execution.SyntaxError(ex);
        }

        var counts = new Counts();
        foreach (var definition in document.Definitions)
        {
            Count(definition, counts, limits);
        }

        if (counts.Fields > limits.MaxFields)
        {
            throw Refused($"Document contains more than {limits.MaxFields} fields. Parsing aborted.");
        }

        if (counts.Directives > limits.MaxDirectives)
        {
            throw Refused($"Document contains more than {limits.MaxDirectives} directives. Parsing aborted.");
        }

        return document;
    }

    // A lexer pass before the parser: a document over the token budget is refused without building its tree.
    private static void CountTokens(string body, int max)
    {
        var tokens = 0;
        var position = 0;
        try
        {
            while (true)
            {
                var token = Lexer.Lex(body, position);
                if (token.Kind == TokenKind.EOF)
                {
                    return;
                }

                if (token.Kind != TokenKind.COMMENT && ++tokens > max)
                {
                    throw Refused($"Document contains more than {max} tokens. Parsing aborted.");
                }

                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
            // The parser reports it with its location.
        }
    }

    private static void Count(ASTNode? node, Counts counts, GraphQLHttpOptions limits)
    {
        switch (node)
        {
            case null:
                return;
            case GraphQLOperationDefinition operation:
                Directives(operation.Directives, counts, limits);
                if (operation.Variables is { } variables)
                {
                    foreach (var variable in variables.Items)
                    {
                        Directives(variable.Directives, counts, limits);
                    }
                }

                Count(operation.SelectionSet, counts, limits);
                return;
            case GraphQLFragmentDefinition fragment:
                Directives(fragment.Directives, counts, limits);
                Count(fragment.SelectionSet, counts, limits);
                return;
            case GraphQLSelectionSet selectionSet:
                foreach (var selection in selectionSet.Selections)
                {
                    Count(selection, counts, limits);
                }

                return;
            case GraphQLField field:
                counts.Fields++;
                Directives(field.Directives, counts, limits);
                Count(field.SelectionSet, counts, limits);
                return;
            case GraphQLInlineFragment inline:
                Directives(inline.Directives, counts, limits);
                Count(inline.SelectionSet, counts, limits);
                return;
            case GraphQLFragmentSpread spread:
                Directives(spread.Directives, counts, limits);
                return;
            default:
                return;
        }
    }

    private static void Directives(GraphQLDirectives? directives, Counts counts, GraphQLHttpOptions limits)
    {
        if (directives is null)
        {
            return;
        }

        if (directives.Count > limits.MaxDirectivesPerLocation)
        {
            throw Refused($"A location carries more than {limits.MaxDirectivesPerLocation} directives. Parsing aborted.");
        }

        counts.Directives += directives.Count;
    }

    private static CodedExecutionError Refused(string message) => new(ErrorCodes.SyntaxError, message);

    private sealed class Counts
    {
        public int Fields { get; set; }

        public int Directives { get; set; }
    }
}

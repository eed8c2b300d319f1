using GraphQL.Validation;
using GraphQLParser.AST;

namespace WorkforceGraph.GraphQL.Conventions.Errors;

/// <summary>
/// A validation error with a stable code, for validation rules that need their own code
/// (e.g. <c>MAX_DEPTH_EXCEEDED</c>); it fails the request with 400 like any validation error.
/// </summary>
public class CodedValidationError : ValidationError, ICodedError
{
    private readonly Dictionary<string, object?> _extra = new(StringComparer.Ordinal);

    /// <summary>Creates the error.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="message">A message for people.</param>
    /// <param name="document">The request's document source, for locations.</param>
    /// <param name="nodes">The offending nodes, for locations.</param>
    public CodedValidationError(string code, string message, GraphQLParser.ROM document, params ASTNode[] nodes)
        : base(document, null!, message, nodes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        base.Code = code;
    }

    /// <inheritdoc />
    public new string Code => base.Code!;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?>? ExtraExtensions => _extra.Count == 0 ? null : _extra;

    /// <summary>Adds or replaces one extra extension entry and returns this error.</summary>
    /// <param name="key">The extension key.</param>
    /// <param name="value">The value, serialisable as JSON.</param>
    public CodedValidationError WithExtension(string key, object? value)
    {
        _extra[key] = value;
        return this;
    }
}

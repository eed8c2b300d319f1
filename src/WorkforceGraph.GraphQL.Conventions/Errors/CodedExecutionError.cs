using GraphQL;

namespace WorkforceGraph.GraphQL.Conventions.Errors;

/// <summary>
/// An execution error with a stable code (<c>UPPER_SNAKE</c> for domain codes) and optional extra
/// extensions. Resolvers throw or return it; the code passes through to <c>extensions.code</c>
/// unchanged, whatever the class is called (graphql-conventions.md §2).
/// </summary>
public class CodedExecutionError : ExecutionError, ICodedError
{
    private readonly Dictionary<string, object?> _extra = new(StringComparer.Ordinal);

    /// <summary>Creates an error with the given code and message.</summary>
    /// <param name="code">The stable code, e.g. <c>INVALID_DIVISION_CODE</c>.</param>
    /// <param name="message">A message for people; clients branch on the code.</param>
    public CodedExecutionError(string code, string message)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        base.Code = code;
    }

    /// <summary>Creates an error with the given code, message and extra extensions.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="message">A message for people.</param>
    /// <param name="extensions">Extra extension entries, e.g. <c>coordinate</c>.</param>
    public CodedExecutionError(string code, string message, IEnumerable<KeyValuePair<string, object?>> extensions)
        : this(code, message)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        foreach (var (key, value) in extensions)
        {
            _extra[key] = value;
        }
    }

    /// <inheritdoc />
    public new string Code => base.Code!;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?>? ExtraExtensions => _extra.Count == 0 ? null : _extra;

    /// <summary>Adds or replaces one extra extension entry and returns this error.</summary>
    /// <param name="key">The extension key (HotChocolate's names where one exists).</param>
    /// <param name="value">The value, serialisable as JSON.</param>
    public CodedExecutionError WithExtension(string key, object? value)
    {
        _extra[key] = value;
        return this;
    }
}

namespace WorkforceGraph.GraphQL.Conventions.Errors;

/// <summary>
/// An error that carries a stable code of its own. <see cref="ConventionsErrorInfoProvider"/> writes
/// its code and extensions to the response unchanged.
/// </summary>
public interface ICodedError
{
    /// <summary>The stable code written to <c>extensions.code</c>.</summary>
    string Code { get; }

    /// <summary>Extra extension entries (HotChocolate's key names, e.g. <c>coordinate</c>), or <see langword="null"/>.</summary>
    IReadOnlyDictionary<string, object?>? ExtraExtensions { get; }
}

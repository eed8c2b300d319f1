using WorkforceGraph.GraphQL.Conventions.Errors;

namespace WorkforceGraph.GraphQL.Conventions.Paging;

/// <summary>Paging field errors with HotChocolate's codes and extension keys (graphql-conventions.md §2, §5).</summary>
public static class PagingErrors
{
    /// <summary><c>first</c>/<c>last</c> above the maximum.</summary>
    public static CodedExecutionError MaxPageSizeExceeded(string coordinate, int requested, int max) =>
        Create(
            ErrorCodes.MaxPageSizeExceeded,
            $"The maximum allowed items per page were exceeded. Requested {requested}, allowed {max}.",
            ("coordinate", coordinate),
            ("requestedItems", requested),
            ("maxAllowedItems", max));

    /// <summary>Negative <c>first</c>/<c>last</c>.</summary>
    public static CodedExecutionError NegativePageSize(string coordinate, int requested) =>
        Create(
            ErrorCodes.NegativePageSize,
            "The requested number of values per page must be at least 0.",
            ("coordinate", coordinate),
            ("requestedItems", requested));

    /// <summary>Neither <c>first</c> nor <c>last</c> where they are required.</summary>
    public static CodedExecutionError BoundariesRequired(string coordinate) =>
        Create(
            ErrorCodes.PagingBoundariesRequired,
            "You must provide a `first` or `last` value to properly paginate the connection.",
            ("coordinate", coordinate));

    /// <summary>A cursor that does not decode, has another version, or was made under another order.</summary>
    public static CodedExecutionError InvalidCursor(string argument, string cursor) =>
        Create(
            ErrorCodes.InvalidCursor,
            $"The cursor specified in `{argument}` has an invalid format or belongs to a different order.",
            ("argument", argument),
            ("cursor", cursor));

    private static CodedExecutionError Create(string code, string message, params (string Key, object Value)[] extensions) =>
        new(code, message, extensions.Select(e => new KeyValuePair<string, object?>(e.Key, e.Value)));
}

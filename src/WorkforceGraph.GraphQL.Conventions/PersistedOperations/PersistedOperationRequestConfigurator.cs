using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WorkforceGraph.GraphQL.Conventions.Errors;
using WorkforceGraph.GraphQL.Conventions.Execution;
using WorkforceGraph.GraphQL.Conventions.Http;

namespace WorkforceGraph.GraphQL.Conventions.PersistedOperations;

/// <summary>
/// Resolves operations sent by id: the request's <c>id</c> (or <c>documentId</c>) member, or Apollo's
/// <c>extensions.persistedQuery.sha256Hash</c>. A stored operation runs by id; an unknown id answers
/// <c>PersistedQueryNotFound</c> (<c>PERSISTED_QUERY_NOT_FOUND</c>); text sent with its hash registers it (APQ) once it
/// has executed. Under <see cref="PersistedOperationOptions.Only"/> only stored operations run, unless the host's
/// <see cref="PersistedOperationOptions.MayRunAnyOperation"/> admits the caller. Stored operations are pinned in the
/// <see cref="ValidatedDocumentCache"/>: parsed and validated once, then only the request-dependent rules run (cost
/// with the variables, the caller's rights, the GET rule).
/// </summary>
public sealed class PersistedOperationRequestConfigurator(
    IPersistedOperationStore store,
    AutomaticPersistedQueries automatic,
    IOptionsMonitor<PersistedOperationOptions> settingsMonitor) : IGraphQLRequestConfigurator
{
    /// <summary>The message Apollo's and other APQ clients look for.</summary>
    public const string NotFoundMessage = "PersistedQueryNotFound";

    private (string Id, string Text)? _registration;

    /// <inheritdoc/>
    public async ValueTask ConfigureAsync(ExecutionOptions options, HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpContext);
        var settings = settingsMonitor.CurrentValue;
        var unrestricted = !settings.Only || settings.MayRunAnyOperation?.Invoke(httpContext.User) == true;
        var sentId = RequestedId(options);
        options.DocumentId = null; // resolved here, not by GraphQL.NET's own persisted-document step
        var text = options.Query;

        if (sentId is null)
        {
            if (!unrestricted && (!string.IsNullOrEmpty(text) || options.Document is not null))
            {
                throw NotAllowed();
            }

            return;
        }

        if (!OperationId.TryNormalize(sentId, out var id))
        {
            throw string.IsNullOrEmpty(text)
                ? NotFound()
                : new GraphQLRequestRejectedException(new CodedExecutionError(ErrorCodes.PersistedQueryHashMismatch,
                    "The persisted operation id must be the 64 hex digits of the SHA-256 of the document's UTF-8 text."));
        }

        var stored = await store.TryGetAsync(id, httpContext.RequestAborted).ConfigureAwait(false);
        if (string.IsNullOrEmpty(text))
        {
            text = stored ?? (unrestricted ? automatic.TryGet(id) : null);
            if (text is null)
            {
                throw NotFound();
            }
        }
        else
        {
            if (OperationId.Of(text) != id)
            {
                throw new GraphQLRequestRejectedException(new CodedExecutionError(ErrorCodes.PersistedQueryHashMismatch,
                    "The query text does not hash to the persisted operation id sent with it (SHA-256 of the UTF-8 text, lowercase hex)."));
            }

            if (stored is null)
            {
                if (!unrestricted)
                {
                    throw NotAllowed();
                }

                _registration = (id, text);
            }
        }

        options.Query = text;
        if (stored is not null)
        {
            options.UserContext[ValidatedDocumentCache.PinKey] = true;
        }
    }

    /// <inheritdoc/>
    public ValueTask OnResultAsync(ExecutionResult result, HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_registration is { } registration && result.Executed)
        {
            automatic.Register(registration.Id, registration.Text);
        }

        return ValueTask.CompletedTask;
    }

    private static string? RequestedId(ExecutionOptions options)
    {
        var hash = options.Extensions is { } extensions
            && extensions.TryGetValue("persistedQuery", out var persisted)
            && persisted is IReadOnlyDictionary<string, object?> apq
            && apq.TryGetValue("sha256Hash", out var value)
            ? value as string ?? throw Invalid("`extensions.persistedQuery.sha256Hash` must be a string.")
            : null;
        var id = options.DocumentId;
        if (id is not null && hash is not null && !string.Equals(id, hash, StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid("The request's `id` and `extensions.persistedQuery.sha256Hash` name different operations.");
        }

        return id ?? hash;
    }

    private static GraphQLRequestRejectedException Invalid(string message) =>
        new(new CodedExecutionError(ErrorCodes.InvalidRequest, message));

    private static GraphQLRequestRejectedException NotFound() =>
        new(new CodedExecutionError(ErrorCodes.PersistedQueryNotFound, NotFoundMessage));

    private static GraphQLRequestRejectedException NotAllowed() =>
        new(new CodedExecutionError(ErrorCodes.PersistedQueryNotAllowed,
            "This server runs only its stored operations: send the id of a published operation instead of a query text."));
}

namespace WorkforceGraph.GraphQL.Conventions.PersistedOperations;

/// <summary>The trusted operations a deployment publishes, by id.</summary>
public interface IPersistedOperationStore
{
    /// <summary>The document text stored under <paramref name="id"/> (a normalized <see cref="OperationId"/>), or null.</summary>
    ValueTask<string?> TryGetAsync(string id, CancellationToken cancellationToken);
}

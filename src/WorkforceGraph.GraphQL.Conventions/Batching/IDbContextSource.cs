using Microsoft.EntityFrameworkCore;

namespace WorkforceGraph.GraphQL.Conventions.Batching;

/// <summary>
/// Creates the short-lived, no-tracking <see cref="DbContext"/> each resolver or loader uses. GraphQL.NET resolves
/// sibling fields in parallel, so a context is never shared between resolvers. The host registers one, typically
/// over an <c>IDbContextFactory</c>, and may set per-request query filters (e.g. a region scope) in it.
/// </summary>
public interface IDbContextSource
{
    /// <summary>Creates a context the caller disposes.</summary>
    DbContext CreateDbContext();
}

using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data;
using WorkforceGraph.Features.Security;
using WorkforceGraph.GraphQL.Conventions.Batching;

namespace WorkforceGraph.Features.Common;

/// <summary>
/// Hands the generic layer a fresh workforce context per resolver or loader (scoped to the request), narrowed to
/// the caller's region scope: every list, reference, node and lookup goes through here. National callers get a
/// context without the scope filters in its model (see <see cref="IWorkforceDbContextFactory"/>).
/// </summary>
internal sealed class WorkforceDbContextSource(IWorkforceDbContextFactory factory, CurrentCaller caller) : IDbContextSource
{
    public DbContext CreateDbContext() => factory.CreateDbContext(caller.Value.Region);
}

using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data;
using WorkforceGraph.Features.Security;
using WorkforceGraph.GraphQL.Conventions.Batching;

namespace WorkforceGraph.Features.Common;

/// <summary>
/// Hands the generic layer a fresh workforce context per resolver or loader (scoped to the request), narrowed to
/// the caller's region scope: every list, reference, node and lookup goes through here.
/// </summary>
internal sealed class WorkforceDbContextSource(IDbContextFactory<WorkforceDbContext> factory, CurrentCaller caller) : IDbContextSource
{
    public DbContext CreateDbContext()
    {
        var context = factory.CreateDbContext();
        context.Scope = caller.Value.Region;
        return context;
    }
}

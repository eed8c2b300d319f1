using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data;
using WorkforceGraph.GraphQL.Conventions.Batching;

namespace WorkforceGraph.Features.Common;

/// <summary>Hands the generic layer a fresh workforce context per resolver or loader.</summary>
internal sealed class WorkforceDbContextSource(IDbContextFactory<WorkforceDbContext> factory) : IDbContextSource
{
    public DbContext CreateDbContext() => factory.CreateDbContext();
}

using GraphQL.Types;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Common;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.Features.Workers;

/// <summary>Root field <c>workers</c>.</summary>
public sealed class WorkerQueries : IQueryFields
{
    public void AddTo(ObjectGraphType<object> query) =>
        query.AddConnection<WorkerGraphType, Worker>(
            "workers", "Community workers, including those who left (their records are kept).", db => db.Set<Worker>());
}

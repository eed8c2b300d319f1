using GraphQL.Types;
using WorkforceGraph.GraphQL.Conventions.Authorization;
using WorkforceGraph.GraphQL.Conventions.NodeIds;

namespace WorkforceGraph.Features.Common;

/// <summary>The root <c>Query</c>: node lookup, then each feature's fields in registration order.</summary>
public sealed class WorkforceQuery : ObjectGraphType<object>
{
    public WorkforceQuery(IEnumerable<IQueryFields> features)
    {
        Name = "Query";
        Description = "Read access to the community-worker workforce database.";
        this.AddNodeFields();
        foreach (var feature in features)
        {
            feature.AddTo(this);
        }
    }
}

/// <summary>The WorkforceGraph schema.</summary>
public sealed class WorkforceSchema : Schema
{
    public WorkforceSchema(IServiceProvider services, WorkforceQuery query, Integration.WorkforceMutation mutation)
        : base(services)
    {
        Description = "WorkforceGraph: China's community-worker workforce (2024 policy on building the community-worker workforce).";
        Query = query;
        Mutation = mutation;
        RegisterType(typeof(Integration.RecordErrorGraphType));
        this.EnforceFieldPolicies();
    }
}

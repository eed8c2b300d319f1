using GraphQL.Types;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Features.Common;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.Features.Assessments;

/// <summary>Root field <c>assessments</c>.</summary>
public sealed class AssessmentQueries : IQueryFields
{
    public void AddTo(ObjectGraphType<object> query) =>
        query.AddConnection<AssessmentGraphType, Assessment>("assessments", "Yearly assessments of workers (art. 10).", db => db.Set<Assessment>());
}

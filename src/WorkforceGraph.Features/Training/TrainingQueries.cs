using GraphQL.Types;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Features.Common;
using WorkforceGraph.GraphQL.Conventions.Types;
using TrainingEntity = WorkforceGraph.Data.Trainings.Training;

namespace WorkforceGraph.Features.Training;

/// <summary>Root fields <c>trainings</c> and <c>trainingRecords</c>.</summary>
public sealed class TrainingQueries : IQueryFields
{
    public void AddTo(ObjectGraphType<object> query)
    {
        query.AddConnection<TrainingGraphType, TrainingEntity>("trainings", "Training programmes (art. 8).", db => db.Set<TrainingEntity>());
        query.AddConnection<TrainingRecordGraphType, TrainingRecord>(
            "trainingRecords", "Workers' participation in training programmes.", db => db.Set<TrainingRecord>());
    }
}

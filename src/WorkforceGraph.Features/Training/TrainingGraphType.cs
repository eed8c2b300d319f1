using GraphQL.Types;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Features.Regions;
using WorkforceGraph.GraphQL.Conventions.Types;
using TrainingEntity = WorkforceGraph.Data.Trainings.Training;

namespace WorkforceGraph.Features.Training;

/// <summary>GraphQL type <c>Training</c>.</summary>
public sealed class TrainingGraphType : EntityGraphType<TrainingEntity>
{
    public TrainingGraphType()
        : base("Training", "A training programme (art. 8).")
    {
        Field(t => t.Code).Description("Natural key: the code the organizer gives the programme (unique).");
        Field(t => t.Title).Description("Title of the programme.");
        Field<NonNullGraphType<TrainingLevelGraphType>>("level").Description("Organizing level.").Resolve(ctx => ctx.Source.Level);
        Field<NonNullGraphType<TrainingKindGraphType>>("kind").Description("Kind of training.").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<TrainingModeGraphType>>("mode").Description("Delivery mode.").Resolve(ctx => ctx.Source.Mode);
        Reference<RegionGraphType, Region>("organizer", t => t.OrganizerId, nullable: true).Description("Organizing region; null for national programmes.");
        Field(t => t.StartDate).Description("First day of the programme.");
        Field(t => t.EndDate).Description("Last day of the programme.");
        Field(t => t.Hours).Description("Class hours of the programme.");
        ConnectionOf<TrainingRecordGraphType, TrainingRecord>("records", (ctx, db) =>
            {
                var trainingId = ctx.Source.Id;
                return db.Set<TrainingRecord>().Where(r => r.TrainingId == trainingId);
            })
            .Description("Participation records of the programme.");
    }
}

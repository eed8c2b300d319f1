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
        Column(t => t.Code).Description("Natural key: the code the organizer gives the programme (unique).");
        Column(t => t.Title).Description("Title of the programme.");
        Column(x => x.Level, type: typeof(NonNullGraphType<TrainingLevelGraphType>)).Description("Organizing level.");
        Column(x => x.Kind, type: typeof(NonNullGraphType<TrainingKindGraphType>)).Description("Kind of training.");
        Column(x => x.Mode, type: typeof(NonNullGraphType<TrainingModeGraphType>)).Description("Delivery mode.");
        Reference<RegionGraphType, Region>("organizer", t => t.Organizer, t => t.OrganizerId, nullable: true).Description("Organizing region; null for national programmes.");
        Column(t => t.StartDate).Description("First day of the programme.");
        Column(t => t.EndDate).Description("Last day of the programme.");
        Column(t => t.Hours).Description("Class hours of the programme.");
        ConnectionOver<TrainingRecordGraphType, TrainingRecord>("records", t => t.Records, r => r.TrainingId, sortable: false)
            .Description("Participation records of the programme.");
    }
}

using GraphQL.Types;
using WorkforceGraph.Features.Integration;
using WorkforceGraph.GraphQL.Conventions.Scalars;

namespace WorkforceGraph.Features.Training;

/// <summary><c>upsertTrainings</c> and <c>deleteTrainings</c>.</summary>
public sealed class TrainingMutations(TrainingSync sync) : IMutationFields
{
    public void AddTo(ObjectGraphType<object> mutation) =>
        mutation.AddBatchWrites(sync, "trainings", "Training", new TrainingInputGraphType(), new TrainingKeyInputGraphType(), "training programmes");
}

/// <summary><c>upsertTrainingRecords</c> and <c>deleteTrainingRecords</c>.</summary>
public sealed class TrainingRecordMutations(TrainingRecordSync sync) : IMutationFields
{
    public void AddTo(ObjectGraphType<object> mutation) =>
        mutation.AddBatchWrites(sync, "trainingRecords", "TrainingRecord", new TrainingRecordInputGraphType(), new TrainingRecordKeyInputGraphType(), "workers' training records");
}

/// <summary>GraphQL input <c>TrainingInput</c>.</summary>
public sealed class TrainingInputGraphType : InputObjectGraphType<TrainingInput>
{
    public TrainingInputGraphType()
    {
        Name = "TrainingInput";
        Description = "Natural key: code. The full record: a nullable field left out is stored as null. Written by the organizer's region; national programmes by national callers.";
        Field(x => x.Code, type: typeof(NonNullGraphType<StringGraphType>)).Description("The programme's code, unique, at most 40 characters.");
        Field(x => x.Title, type: typeof(NonNullGraphType<StringGraphType>)).Description("Title, at most 200 characters.");
        Field(x => x.Level, type: typeof(NonNullGraphType<TrainingLevelGraphType>)).Description("Organizing level.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<TrainingKindGraphType>)).Description("Kind of training.");
        Field(x => x.Mode, type: typeof(NonNullGraphType<TrainingModeGraphType>)).Description("Delivery mode.");
        Field(x => x.OrganizerCode, type: typeof(StringGraphType)).Description("12-digit code of the organizing region (province to township) within your region; null for a national programme (national callers only).");
        Field(x => x.StartDate, type: typeof(NonNullGraphType<DateScalarType>)).Description("First day of the programme.");
        Field(x => x.EndDate, type: typeof(NonNullGraphType<DateScalarType>)).Description("Last day of the programme, on or after `startDate`.");
        Field(x => x.Hours, type: typeof(NonNullGraphType<DecimalScalarType>)).Description("Class hours, more than 0 and at most 10,000.");
    }
}

/// <summary>GraphQL input <c>TrainingKeyInput</c>.</summary>
public sealed class TrainingKeyInputGraphType : InputObjectGraphType<TrainingKeyInput>
{
    public TrainingKeyInputGraphType()
    {
        Name = "TrainingKeyInput";
        Description = "Names a training programme by natural key; a programme with training records is not deleted (IN_USE).";
        Field(x => x.Code, type: typeof(NonNullGraphType<StringGraphType>)).Description("The programme's code.");
    }
}

/// <summary>GraphQL input <c>TrainingRecordInput</c>.</summary>
public sealed class TrainingRecordInputGraphType : InputObjectGraphType<TrainingRecordInput>
{
    public TrainingRecordInputGraphType()
    {
        Name = "TrainingRecordInput";
        Description = "Natural key: workerIdNumber + trainingCode. The full record: a nullable field left out is stored as null.";
        Field(x => x.WorkerIdNumber, type: typeof(NonNullGraphType<StringGraphType>)).Description("18-character resident ID of the worker; the worker must exist in your region.");
        Field(x => x.TrainingCode, type: typeof(NonNullGraphType<StringGraphType>)).Description("Code of a programme visible to you: national, or organized within your region or above it.");
        Field(x => x.CompletedOn, type: typeof(DateScalarType)).Description("Day of completion; null while not completed.");
        Field(x => x.Hours, type: typeof(NonNullGraphType<DecimalScalarType>)).Description("Hours attended, 0 to 10,000.");
        Field(x => x.Passed, type: typeof(NonNullGraphType<BooleanGraphType>)).Description("Whether the worker passed; only passed records count for the training cycle.");
    }
}

/// <summary>GraphQL input <c>TrainingRecordKeyInput</c>.</summary>
public sealed class TrainingRecordKeyInputGraphType : InputObjectGraphType<TrainingRecordKeyInput>
{
    public TrainingRecordKeyInputGraphType()
    {
        Name = "TrainingRecordKeyInput";
        Description = "Names a training record by natural key.";
        Field(x => x.WorkerIdNumber, type: typeof(NonNullGraphType<StringGraphType>)).Description("18-character resident ID of the worker.");
        Field(x => x.TrainingCode, type: typeof(NonNullGraphType<StringGraphType>)).Description("The programme's code.");
    }
}

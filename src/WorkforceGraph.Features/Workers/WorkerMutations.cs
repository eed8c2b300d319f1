using GraphQL.Types;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Integration;
using WorkforceGraph.GraphQL.Conventions.Scalars;

namespace WorkforceGraph.Features.Workers;

/// <summary><c>upsertWorkers</c> and <c>deleteWorkers</c>.</summary>
public sealed class WorkerMutations(WorkerSync sync) : IMutationFields
{
    public void AddTo(ObjectGraphType<object> mutation) =>
        mutation.AddBatchWrites(sync, "workers", "Worker", new WorkerInputGraphType(), new WorkerKeyInputGraphType(), "community workers");
}

/// <summary>GraphQL input <c>WorkerInput</c> (schema sketch).</summary>
public sealed class WorkerInputGraphType : InputObjectGraphType<WorkerInput>
{
    public WorkerInputGraphType()
    {
        Name = "WorkerInput";
        Description = "Natural key: idNumber (18-character resident ID, checksum verified). The full record: a nullable field left out is stored as null.";
        Field(x => x.IdNumber, type: typeof(NonNullGraphType<StringGraphType>)).Description("18-character resident ID; its birth date and sex must agree with `birthDate` and `gender`.");
        Field(x => x.Name, type: typeof(NonNullGraphType<StringGraphType>)).Description("Full name, at most 50 characters.");
        Field(x => x.Gender, type: typeof(NonNullGraphType<GenderGraphType>)).Description("Sex; must agree with the ID number.");
        Field(x => x.BirthDate, type: typeof(NonNullGraphType<DateScalarType>)).Description("Date of birth; must agree with the ID number.");
        Field(x => x.Phone, type: typeof(StringGraphType)).Description("5 to 20 digits, '-' or '+'.");
        Field(x => x.Ethnicity, type: typeof(NonNullGraphType<StringGraphType>)).Description("Ethnic group (民族), at most 20 characters.");
        Field(x => x.PoliticalStatus, type: typeof(NonNullGraphType<PoliticalStatusGraphType>)).Description("Political status.");
        Field(x => x.Education, type: typeof(NonNullGraphType<EducationLevelGraphType>)).Description("Highest completed education.");
        Field(x => x.SocialWorkQualification, type: typeof(SocialWorkQualificationGraphType)).Description("Highest social-work qualification; null when none.");
        Field(x => x.EmploymentType, type: typeof(NonNullGraphType<EmploymentTypeGraphType>)).Description("Two-committee member or community staff (art. 1).");
        Field(x => x.Status, type: typeof(NonNullGraphType<WorkerStatusGraphType>)).Description("LEFT ends the worker's current posts (history kept).");
        Field(x => x.CommunityWorkStartDate, type: typeof(NonNullGraphType<DateScalarType>)).Description("On or after the 16th birthday.");
        Field(x => x.HiredOn, type: typeof(NonNullGraphType<DateScalarType>)).Description("On or after `communityWorkStartDate`.");
        Field(x => x.IsReserveTalent, type: typeof(BooleanGraphType)).Description("Null is false.");
        Field(x => x.CommunityCode, type: typeof(StringGraphType)).Description("Community of record of a worker without posts (with posts it follows them); needed unless the caller is national.");
    }
}

/// <summary>GraphQL input <c>WorkerKeyInput</c>.</summary>
public sealed class WorkerKeyInputGraphType : InputObjectGraphType<WorkerKeyInput>
{
    public WorkerKeyInputGraphType()
    {
        Name = "WorkerKeyInput";
        Description = "Names a worker by natural key.";
        Field(x => x.IdNumber, type: typeof(NonNullGraphType<StringGraphType>)).Description("18-character resident ID.");
    }
}

using GraphQL.Types;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Assessments;
using WorkforceGraph.Features.Communities;
using WorkforceGraph.Features.Posts;
using WorkforceGraph.Features.Training;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.Features.Workers;

/// <summary>GraphQL type <c>Worker</c>.</summary>
public sealed class WorkerGraphType : EntityGraphType<Worker>
{
    public WorkerGraphType()
        : base("Worker", "A community worker (社区工作者): full-time two-committee member or community full-time staff (art. 1).")
    {
        Field(w => w.Name).Description("Full name.");
        Field<NonNullGraphType<GenderGraphType>>("gender").Description("Sex as recorded.").Resolve(ctx => ctx.Source.Gender);
        Field(w => w.BirthDate).Description("Date of birth; agrees with the ID number.");
        Field<NonNullGraphType<StringGraphType>>("idNumber")
            .Description("Masked (e.g. 3201**********123X) unless the caller holds the pii:read scope.")
            .Resolve(ctx => ctx.Source.IdNumber.Masked);
        Field<StringGraphType>("phone")
            .Description("Masked (138****5678) unless the caller holds the pii:read scope.")
            .Resolve(ctx => ctx.Source.Phone is { } phone ? PhoneNumber.Mask(phone) : null);
        Field(w => w.Ethnicity).Description("Ethnic group (民族), e.g. 汉族.");
        Field<NonNullGraphType<PoliticalStatusGraphType>>("politicalStatus").Description("Political status.").Resolve(ctx => ctx.Source.PoliticalStatus);
        Field<NonNullGraphType<EducationLevelGraphType>>("education").Description("Highest completed education.").Resolve(ctx => ctx.Source.Education);
        Field<SocialWorkQualificationGraphType>("socialWorkQualification")
            .Description("Highest social-work qualification held; null when none.")
            .Resolve(ctx => ctx.Source.SocialWorkQualification);
        Field<NonNullGraphType<EmploymentTypeGraphType>>("employmentType").Description("Two-committee member or community staff (art. 1).").Resolve(ctx => ctx.Source.EmploymentType);
        Field<NonNullGraphType<WorkerStatusGraphType>>("status").Description("Probation, active, or left.").Resolve(ctx => ctx.Source.Status);
        Field(w => w.CommunityWorkStartDate).Description("First day of community work; years accumulate across communities within a province.");
        Field(w => w.HiredOn).Description("Date hired into the current employment.");
        Field(w => w.IsReserveTalent).Description("In the reserve pool for community Party secretary (art. 2).");
        Reference<CommunityGraphType, Community>("community", w => w.CommunityId, nullable: true)
            .Description("Community of record: of the current posts, else of the most recent post, else as created.");
        Children<PostGraphType, Post>("posts", p => p.WorkerId).Description("Every post the worker held or holds.");
        Children<TrainingRecordGraphType, TrainingRecord>("trainingRecords", r => r.WorkerId).Description("The worker's training records.");
        Children<AssessmentGraphType, Assessment>("assessments", a => a.WorkerId).Description("The worker's yearly assessments.");
    }
}

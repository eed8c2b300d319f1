using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Assessments;
using WorkforceGraph.Features.Changes;
using WorkforceGraph.Features.Common;
using WorkforceGraph.Features.Communities;
using WorkforceGraph.Features.Posts;
using WorkforceGraph.Features.Rules;
using WorkforceGraph.Features.Security;
using WorkforceGraph.Features.Training;
using WorkforceGraph.GraphQL.Conventions.Filtering;
using WorkforceGraph.GraphQL.Conventions.Limits;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.Features.Workers;

/// <summary>GraphQL type <c>Worker</c>.</summary>
public sealed class WorkerGraphType : EntityGraphType<Worker>
{
    private static readonly System.Linq.Expressions.Expression<Func<Worker, IdNumber>> IdNumberExpression = w => w.IdNumber;

    public WorkerGraphType()
        : base("Worker", "A community worker (社区工作者): full-time two-committee member or community full-time staff (art. 1).")
    {
        Column(w => w.Name).Description("Full name.");
        Column(x => x.Gender, type: typeof(NonNullGraphType<GenderGraphType>)).Description("Sex as recorded.");
        Column(w => w.BirthDate).Description("Date of birth; agrees with the ID number.");
        Field<NonNullGraphType<StringGraphType>>("idNumber")
            .Description("Masked (e.g. 3201**********123X) unless the caller holds the pii:read scope.")
            .Resolve(ctx => PiiReads.Reveal(ctx, ctx.Source.Id, "idNumber", ctx.Source.IdNumber.Unmasked, ctx.Source.IdNumber.Masked))
            .WithMetadata(DataField.MetadataKey, new DataField(DataFieldKind.Value, _ => IdNumberExpression, typeof(IdNumber))
            {
                // Exact operations only (eq, neq, in, nin): a malformed operand matches no one.
                OperationInputType = typeof(StringOperationFilterInputGraphType),
                FilterDescription = "The full, unmasked ID number: `eq`, `neq`, `in` and `nin` only, and only with the pii:read scope (else AUTH_NOT_AUTHORIZED). Partial matches (`contains`, `startsWith`, …) are refused with GRAPHQL_VALIDATION_FAILED, so that an ID number cannot be guessed piece by piece.",
                OperandConverter = operand => IdNumber.TryParse(operand as string, out var id, out _) ? id : null,
                Sortable = false,
                Columns = [nameof(Worker.IdNumber)],
                Guard = PiiReads.RequireScope,
            });
        var phone = Column(w => w.Phone, nullable: true)
            .Description("Masked (138****5678) unless the caller holds the pii:read scope.")
            .Resolve(ctx => PiiReads.Reveal(ctx, ctx.Source.Id, "phone", ctx.Source.Phone, ctx.Source.Phone is { } value ? PhoneNumber.Mask(value) : null));
        DataField.Of(phone.FieldType)!.Guard = PiiReads.RequireScope;
        Column(w => w.Ethnicity).Description("Ethnic group (民族), e.g. 汉族.");
        Column(x => x.PoliticalStatus, type: typeof(NonNullGraphType<PoliticalStatusGraphType>)).Description("Political status.");
        Column(x => x.Education, type: typeof(NonNullGraphType<EducationLevelGraphType>)).Description("Highest completed education.");
        Column(x => x.SocialWorkQualification, type: typeof(SocialWorkQualificationGraphType)).Description("Highest social-work qualification held; null when none.");
        Column(x => x.EmploymentType, type: typeof(NonNullGraphType<EmploymentTypeGraphType>)).Description("Two-committee member or community staff (art. 1).");
        Column(x => x.Status, type: typeof(NonNullGraphType<WorkerStatusGraphType>)).Description("Probation, active, or left.");
        Column(w => w.CommunityWorkStartDate).Description("First day of community work; years accumulate across communities within a province.");
        Column(w => w.HiredOn).Description("Date hired into the current employment.");
        Computed("serviceYears", s => WorkerRules.ServiceYears(s.GetRequiredService<WorkforceClock>().Today), typeof(NonNullGraphType<IntGraphType>))
            .Description("Full years of community work as of today.");
        Column(w => w.IsReserveTalent).Description("In the reserve pool for community Party secretary (art. 2).");
        Reference<CommunityGraphType, Community>("community", w => w.Community, w => w.CommunityId, nullable: true)
            .Description("Community of record: of the current posts, else of the most recent post, else as created.");
        ComputedReference<PostGraphType, Post>(
                "currentPost",
                s => WorkerRules.CurrentPost(s.GetRequiredService<WorkforceClock>().Today),
                s => WorkerRules.OfCurrentPost<int?>(s.GetRequiredService<WorkforceClock>().Today, p => p.Id))
            .Description("The main current post: highest category, then Party secretary, then committee director, then the earliest start; null without a current post.");
        Children<PostGraphType, Post>("posts", w => w.Posts, p => p.WorkerId, sortable: true).Description("Every post the worker held or holds.");
        Children<TrainingRecordGraphType, TrainingRecord>("trainingRecords", w => w.TrainingRecords, r => r.WorkerId, filterable: true, sortable: true).Description("The worker's training records.")
            .ListSize(50);
        Computed("trainingStatus", s => WorkerRules.Training(s.GetRequiredService<WorkforceClock>().Today), typeof(NonNullGraphType<TrainingStatusGraphType>))
            .Description("Whether the worker met the training cycle of their post (yearly for secretaries and directors, every 3 years for others).");
        Children<AssessmentGraphType, Assessment>("assessments", w => w.Assessments, a => a.WorkerId, sortable: true).Description("The worker's yearly assessments.");
        ComputedReference<AssessmentGraphType, Assessment>(
                "latestAssessment",
                _ => WorkerRules.LatestAssessment,
                _ => w => w.Assessments.OrderByDescending(a => a.Year).Select(a => (int?)a.Id).FirstOrDefault())
            .Description("The assessment of the latest year; null when none.");
        Computed("eligibleGrade", s => WorkerRules.EligibleGrade(s.GetRequiredService<WorkforceClock>().Today), typeof(IntGraphType))
            .Description("The grade the worker's current post category allows under the applicable grade scheme (art. 4); null without a current post or a scheme.");
        Computed("incentiveEligible", s => WorkerRules.IncentiveEligible(s.GetRequiredService<WorkforceClock>().Today), typeof(NonNullGraphType<BooleanGraphType>))
            .Description("Meets the incentive route of art. 13: current Party secretary, ≥ 10 years of community work, ≥ 5 years as secretary, five assessments of COMPETENT or better with one EXCELLENT.");
        this.AddHistory();
    }
}

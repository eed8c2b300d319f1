using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Common;
using WorkforceGraph.Features.Communities;
using WorkforceGraph.Features.Rules;
using WorkforceGraph.Features.Workers;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.Features.Posts;

/// <summary>GraphQL type <c>Post</c>.</summary>
public sealed class PostGraphType : EntityGraphType<Post>
{
    public PostGraphType()
        : base("Post", "A worker's appointment to a post in a community, with its category and grade.")
    {
        Reference<WorkerGraphType, Worker>("worker", p => p.Worker, p => p.WorkerId, nullable: false).Description("The appointed worker.");
        Reference<CommunityGraphType, Community>("community", p => p.Community, p => p.CommunityId, nullable: false).Description("The community of the post.");
        Column(x => x.Role, type: typeof(NonNullGraphType<PostRoleGraphType>)).Description("Role held.");
        Column(x => x.Category, type: typeof(NonNullGraphType<PostCategoryGraphType>)).Description("Category of the grade sequence (art. 4).");
        Column(p => p.Grade).Description("Grade within the category's range in the applicable grade scheme.");
        Column(p => p.StartDate).Description("First day of the post.");
        Column(p => p.EndDate, nullable: true).Description("Last day of the post; null while open-ended.");
        Computed("isCurrent", s => PostRules.IsCurrent(s.GetRequiredService<WorkforceClock>().Today), typeof(NonNullGraphType<BooleanGraphType>))
            .Description("Started and not ended today (startDate ≤ today ≤ endDate, or no endDate).");
    }
}

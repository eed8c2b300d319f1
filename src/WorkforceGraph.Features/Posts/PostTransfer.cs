using WorkforceGraph.Data;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Features.Integration.Transfer;

namespace WorkforceGraph.Features.Posts;

/// <summary>
/// <c>import</c>/<c>export --entity posts</c>: a line is a <see cref="PostInput"/>, the worker by ID number and the
/// community by code. Importing posts moves each worker's community of record to follow their posts, as
/// <c>upsertPosts</c> does.
/// </summary>
public sealed class PostTransfer(PostSync sync) : EntityTransfer<PostInput, PostKeyInput, Post>(sync)
{
    public override string Name => "posts";

    protected override IQueryable<PostInput> Export(WorkforceDbContext db) =>
        db.Posts.OrderBy(p => p.Id).Select(p => new PostInput
        {
            WorkerIdNumber = p.Worker!.IdNumber.Unmasked,
            CommunityCode = p.Community!.Code,
            Role = p.Role,
            StartDate = p.StartDate,
            EndDate = p.EndDate,
            Grade = p.Grade,
        });
}

using GraphQL.Types;
using WorkforceGraph.Features.Integration;
using WorkforceGraph.GraphQL.Conventions.Scalars;

namespace WorkforceGraph.Features.Posts;

/// <summary><c>upsertPosts</c> and <c>deletePosts</c>.</summary>
public sealed class PostMutations(PostSync sync) : IMutationFields
{
    public void AddTo(ObjectGraphType<object> mutation) =>
        mutation.AddBatchWrites(sync, "posts", "Post", new PostInputGraphType(), new PostKeyInputGraphType(), "posts (appointments of workers to roles in communities)");
}

/// <summary>GraphQL input <c>PostInput</c>.</summary>
public sealed class PostInputGraphType : InputObjectGraphType<PostInput>
{
    public PostInputGraphType()
    {
        Name = "PostInput";
        Description = "Natural key: workerIdNumber + communityCode + role + startDate. The full record: a nullable field left out is stored as null. "
            + "The category follows from the role; the worker's community of record follows their posts.";
        Field(x => x.WorkerIdNumber, type: typeof(NonNullGraphType<StringGraphType>)).Description("18-character resident ID of the worker; the worker must exist in your region.");
        Field(x => x.CommunityCode, type: typeof(NonNullGraphType<StringGraphType>)).Description("12-digit code of the community; a worker's current posts are all in one community (for a transfer, end the old posts first, earlier in the same batch).");
        Field(x => x.Role, type: typeof(NonNullGraphType<PostRoleGraphType>)).Description("Role; PARTY_SECRETARY at most once current per community.");
        Field(x => x.StartDate, type: typeof(NonNullGraphType<DateScalarType>)).Description("First day in the post.");
        Field(x => x.EndDate, type: typeof(DateScalarType)).Description("Last day in the post, on or after `startDate`; null while the post lasts.");
        Field(x => x.Grade, type: typeof(NonNullGraphType<IntGraphType>)).Description("Post grade, at least 1 and within the category's range of the grade scheme that applies to the community (GRADE_OUT_OF_RANGE otherwise).");
    }
}

/// <summary>GraphQL input <c>PostKeyInput</c>.</summary>
public sealed class PostKeyInputGraphType : InputObjectGraphType<PostKeyInput>
{
    public PostKeyInputGraphType()
    {
        Name = "PostKeyInput";
        Description = "Names a post by natural key.";
        Field(x => x.WorkerIdNumber, type: typeof(NonNullGraphType<StringGraphType>)).Description("18-character resident ID of the worker.");
        Field(x => x.CommunityCode, type: typeof(NonNullGraphType<StringGraphType>)).Description("12-digit code of the community.");
        Field(x => x.Role, type: typeof(NonNullGraphType<PostRoleGraphType>)).Description("Role.");
        Field(x => x.StartDate, type: typeof(NonNullGraphType<DateScalarType>)).Description("First day in the post.");
    }
}

using GraphQL.Types;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Features.Common;
using WorkforceGraph.GraphQL.Conventions.Types;

namespace WorkforceGraph.Features.Posts;

/// <summary>Root field <c>posts</c>.</summary>
public sealed class PostQueries : IQueryFields
{
    public void AddTo(ObjectGraphType<object> query) =>
        query.AddConnection<PostGraphType, Post>("posts", "Appointments of workers to posts, current and ended.", db => db.Set<Post>());
}

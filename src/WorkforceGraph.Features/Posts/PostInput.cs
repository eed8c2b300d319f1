using WorkforceGraph.Data.Posts;

namespace WorkforceGraph.Features.Posts;

/// <summary>
/// A post as provincial platforms send it: the full record (a nullable field left out is stored as null), the worker
/// and the community named by natural keys. Natural key: worker ID number + community code + role + start date. The
/// category follows from the role. The GraphQL input <c>PostInput</c> and one line of a post import file.
/// </summary>
public sealed class PostInput
{
    public string? WorkerIdNumber { get; set; }

    public string? CommunityCode { get; set; }

    public PostRole? Role { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public int? Grade { get; set; }
}

/// <summary>Names a post to delete by its natural key.</summary>
public sealed class PostKeyInput
{
    public string? WorkerIdNumber { get; set; }

    public string? CommunityCode { get; set; }

    public PostRole? Role { get; set; }

    public DateOnly? StartDate { get; set; }
}

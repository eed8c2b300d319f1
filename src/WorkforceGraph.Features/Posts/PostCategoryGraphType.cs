using WorkforceGraph.Data.Posts;
using WorkforceGraph.Features.Common;

namespace WorkforceGraph.Features.Posts;

/// <summary>GraphQL enum <c>PostCategory</c>.</summary>
public sealed class PostCategoryGraphType() : DescribedEnumGraphType<PostCategory>("PostCategory", "Post category of the grade sequence (art. 4); each spans a grade range in a scheme.", Labels)
{
    /// <summary>Chinese display label and English description of each value.</summary>
    public static readonly IReadOnlyDictionary<PostCategory, (string Label, string Description)> Labels = new Dictionary<PostCategory, (string, string)>
    {
        [PostCategory.Principal] = ("正职", "principal posts: Party secretary, committee director"),
        [PostCategory.Deputy] = ("副职", "deputy posts: committee members"),
        [PostCategory.Staff] = ("其他", "other posts: full-time staff, grid workers"),
    };
}

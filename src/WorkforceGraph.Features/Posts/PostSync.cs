using Mapster;
using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.GradeSchemes;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Common;
using WorkforceGraph.Features.Integration;
using WorkforceGraph.Features.Rules;
using WorkforceGraph.Features.Workers;

namespace WorkforceGraph.Features.Posts;

/// <summary>
/// Batch writes of posts, matched by worker ID number + community code + role + start date. The worker must be the
/// caller's (community of record in scope; otherwise the worker looks unknown) and the community in scope. A post is
/// checked against the batch so far: one current Party secretary per community, and a worker's current posts all in
/// one community (a transfer ends the old posts first, earlier in the same batch). After the writes, each touched
/// worker's community of record follows their posts (domain.md "Posts, current post and membership").
/// </summary>
public sealed class PostSync(WorkforceClock clock) : EntitySync<PostInput, PostKeyInput, Post>
{
    /// <summary>The input-to-entity mapping (Mapster) of the fields that are not the natural key, compiled once.</summary>
    public static readonly TypeAdapterConfig Mapping = CreateMapping();

    private static readonly Func<Post, int> CategoryRank = PostRules.CategoryRank.Compile();
    private static readonly Func<Post, int> RoleRank = PostRules.RoleRank.Compile();

    public override ChangeEntityType EntityType => ChangeEntityType.Post;

    public override void Validate(PostInput input, RecordCheck check)
    {
        CheckKey(input.WorkerIdNumber, input.CommunityCode, input.Role, input.StartDate, check);
        if (input.StartDate is { } start && input.EndDate is { } end && end < start)
        {
            check.Fail(RecordCodes.InvalidValue, "endDate", "`endDate` is before `startDate`.");
        }

        if (check.Required(input.Grade, "grade") && input.Grade < 1)
        {
            check.Fail(RecordCodes.GradeOutOfRange, "grade", "`grade` is at least 1.");
        }
    }

    public override string KeyOf(PostInput input) => Key(input.WorkerIdNumber!, input.CommunityCode!, input.Role!.Value, input.StartDate!.Value);

    public override void ValidateKey(PostKeyInput key, RecordCheck check) => CheckKey(key.WorkerIdNumber, key.CommunityCode, key.Role, key.StartDate, check);

    public override string KeyOf(PostKeyInput key) => Key(key.WorkerIdNumber!, key.CommunityCode!, key.Role!.Value, key.StartDate!.Value);

    public override async Task UpsertAsync(UpsertBatch<PostInput, Post> batch, CancellationToken cancellationToken)
    {
        var db = batch.Db;
        var today = batch.Today;
        var isCurrent = PostRules.IsCurrent(today).Compile();
        var workers = await SyncLookups.WorkersAsync(db, batch.Records.Select(r => r.Value.WorkerIdNumber), cancellationToken).ConfigureAwait(false);
        var communities = await WorkerSync.CommunitiesAsync(db, batch.Records.Select(r => r.Value.CommunityCode), cancellationToken).ConfigureAwait(false);
        var ranges = await GradeRangesAsync(db, communities.Values, today, cancellationToken).ConfigureAwait(false);

        // Every post of the workers named (the key match, the one-community rule and the community of record), and the
        // current Party secretaries of the communities named. Tracked: what earlier records of the batch changed counts.
        var posts = await PostsOfAsync(db, workers.Values.Select(w => w.Id), cancellationToken).ConfigureAwait(false);
        var communityIds = communities.Values.Select(c => c.Id).ToList();
        var secretaries = (await db.Posts
                .Where(p => communityIds.Contains(p.CommunityId) && p.Role == PostRole.PartySecretary)
                .Where(PostRules.IsCurrent(today))
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .Concat(posts.Values.SelectMany(p => p).Where(p => p.Role == PostRole.PartySecretary))
            .Distinct(ReferenceEqualityComparer.Instance).Cast<Post>()
            .GroupBy(p => p.CommunityId).ToDictionary(g => g.Key, g => g.ToList());

        var touched = new List<Worker>();
        foreach (var (index, input) in batch.Records)
        {
            var check = batch.Check(index);
            var (worker, community) = SyncLookups.WorkerAndCommunity(check, workers, communities, input.WorkerIdNumber!, input.CommunityCode!, batch.Scope);
            if (worker is null || community is null)
            {
                continue;
            }

            var role = input.Role!.Value;
            var start = input.StartDate!.Value;
            var category = Post.CategoryOf(role);
            if (ranges.TryGetValue((community.Id, category), out var range) && (input.Grade < range.Range.MinGrade || input.Grade > range.Range.MaxGrade))
            {
                check.Fail(
                    RecordCodes.GradeOutOfRange,
                    "grade",
                    $"Grade {input.Grade} is outside {range.Range.MinGrade}–{range.Range.MaxGrade}, the range of {category.ToString().ToUpperInvariant()} posts in grade scheme {range.SchemeCode}, which applies to community {input.CommunityCode}.");
            }

            var own = posts.TryGetValue(worker.Id, out var list) ? list : posts[worker.Id] = [];
            var post = own.FirstOrDefault(p => p.CommunityId == community.Id && p.Role == role && p.StartDate == start);
            var willBeCurrent = start <= today && (input.EndDate is null || input.EndDate >= today);
            if (willBeCurrent && role == PostRole.PartySecretary
                && secretaries.TryGetValue(community.Id, out var holders) && holders.Any(p => !ReferenceEquals(p, post) && isCurrent(p)))
            {
                check.Fail(
                    RecordCodes.InvalidValue,
                    "role",
                    $"Community {input.CommunityCode} already has a current Party secretary: end that post first (earlier in the same batch), or give this one an end date before today.");
            }

            if (willBeCurrent && own.FirstOrDefault(p => !ReferenceEquals(p, post) && isCurrent(p) && p.CommunityId != community.Id) is { } elsewhere)
            {
                var other = elsewhere.Community?.Code ?? "another community";
                check.Fail(
                    RecordCodes.InvalidValue,
                    "communityCode",
                    $"The worker holds current posts in {other}, and a worker's current posts are all in one community: for a transfer, end the old posts first (earlier in the same batch), then add the post in the new community.");
            }

            if (check.Failed)
            {
                continue;
            }

            if (post is null)
            {
                post = new Post { WorkerId = worker.Id, CommunityId = community.Id, Role = role, Category = category, StartDate = start };
                input.Adapt(post, Mapping);
                db.Posts.Add(post);
                own.Add(post);
                if (role == PostRole.PartySecretary)
                {
                    (secretaries.TryGetValue(community.Id, out var bucket) ? bucket : secretaries[community.Id] = []).Add(post);
                }
            }
            else
            {
                input.Adapt(post, Mapping);
            }

            if (!touched.Contains(worker))
            {
                touched.Add(worker);
            }

            batch.Written(index, post);
        }

        foreach (var worker in touched)
        {
            FollowPosts(worker, posts[worker.Id], today, isCurrent);
        }
    }

    public override async Task DeleteAsync(DeleteBatch<PostKeyInput, Post> batch, CancellationToken cancellationToken)
    {
        var db = batch.Db;
        var today = clock.Today;
        var isCurrent = PostRules.IsCurrent(today).Compile();
        var workers = await SyncLookups.WorkersAsync(db, batch.Records.Select(r => r.Value.WorkerIdNumber), cancellationToken).ConfigureAwait(false);
        var inScope = workers.Values.Where(w => WorkerSync.InScope(batch.Scope, w.Community?.Code)).Select(w => w.Id);
        var posts = await PostsOfAsync(db, inScope, cancellationToken).ConfigureAwait(false);
        var touched = new List<Worker>();
        foreach (var (index, key) in batch.Records)
        {
            var worker = SyncLookups.WorkerInScope(workers, key.WorkerIdNumber!, batch.Scope);
            var own = worker is null ? null : posts.GetValueOrDefault(worker.Id);
            var post = own?.FirstOrDefault(p => p.Community!.Code == key.CommunityCode && p.Role == key.Role && p.StartDate == key.StartDate);
            if (worker is null || own is null || post is null || !batch.Scope.Contains(key.CommunityCode!))
            {
                batch.NotFound(index);
                continue;
            }

            db.Posts.Remove(post);
            own.Remove(post);
            if (!touched.Contains(worker))
            {
                touched.Add(worker);
            }

            batch.Removed(index, post);
        }

        foreach (var worker in touched)
        {
            FollowPosts(worker, posts[worker.Id], today, isCurrent);
        }
    }

    /// <summary>
    /// Sets a worker's community of record from their posts: the community of their current posts (of the main one,
    /// should stored data disagree), else of their most recent post (the latest started; posts not yet started do not
    /// count), else unchanged.
    /// </summary>
    internal static void FollowPosts(Worker worker, IReadOnlyCollection<Post> posts, DateOnly today, Func<Post, bool> isCurrent)
    {
        var chosen = posts.Where(isCurrent)
                .OrderBy(CategoryRank).ThenBy(RoleRank).ThenBy(p => p.StartDate).ThenBy(p => p.Id)
                .FirstOrDefault()
            ?? posts.Where(p => p.StartDate <= today)
                .OrderByDescending(p => p.StartDate).ThenByDescending(p => p.EndDate ?? DateOnly.MaxValue).ThenByDescending(p => p.Id)
                .FirstOrDefault();
        if (chosen is not null && worker.CommunityId != chosen.CommunityId)
        {
            worker.CommunityId = chosen.CommunityId;
        }
    }

    private static void CheckKey(string? idNumber, string? communityCode, PostRole? role, DateOnly? start, RecordCheck check)
    {
        WorkerSync.ValidateIdNumber(idNumber, check, out _, "workerIdNumber");
        if (check.Required(communityCode, "communityCode"))
        {
            WorkerSync.ValidateCommunityCode(communityCode!, "communityCode", check);
        }

        check.Required(role, "role");
        check.Required(start, "startDate");
    }

    private static string Key(string idNumber, string communityCode, PostRole role, DateOnly start) =>
        $"{IdNumber.Parse(idNumber).Unmasked}|{communityCode}|{role}|{SyncLookups.KeyText(start)}";

    // Every post of the workers, with its community, by worker id.
    private static async Task<Dictionary<int, List<Post>>> PostsOfAsync(WorkforceDbContext db, IEnumerable<int> workerIds, CancellationToken cancellationToken)
    {
        var ids = workerIds.Distinct().ToList();
        return ids.Count == 0
            ? []
            : (await db.Posts.Include(p => p.Community).Where(p => ids.Contains(p.WorkerId)).ToListAsync(cancellationToken).ConfigureAwait(false))
                .GroupBy(p => p.WorkerId).ToDictionary(g => g.Key, g => g.ToList());
    }

    // The grade range of each (community, category) under the scheme that applies to the community today.
    private static async Task<Dictionary<(int CommunityId, PostCategory Category), (GradeRange Range, string SchemeCode)>> GradeRangesAsync(
        WorkforceDbContext db, IEnumerable<Community> communities, DateOnly today, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(int, PostCategory), (GradeRange, string)>();
        var ids = communities.Select(c => c.Id).ToList();
        if (ids.Count == 0)
        {
            return result;
        }

        var applicable = await db.Communities.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(GradeSchemeRules.ForCommunity(today))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var schemeIds = applicable.Select(a => a.SchemeId).OfType<int>().Distinct().ToList();
        if (schemeIds.Count == 0)
        {
            return result;
        }

        var schemes = await db.GradeSchemes.AsNoTracking().Include(g => g.Ranges).Where(g => schemeIds.Contains(g.Id))
            .ToDictionaryAsync(g => g.Id, cancellationToken).ConfigureAwait(false);
        foreach (var (communityId, schemeId) in applicable.Select(a => (a.CommunityId, a.SchemeId)))
        {
            if (schemeId is int id && schemes.TryGetValue(id, out var scheme))
            {
                foreach (var range in scheme.Ranges)
                {
                    result[(communityId, range.Category)] = (range, scheme.Code);
                }
            }
        }

        return result;
    }

    private static TypeAdapterConfig CreateMapping()
    {
        var config = new TypeAdapterConfig();
        config.NewConfig<PostInput, Post>()
            .Ignore(p => p.Id, p => p.WorkerId, p => p.Worker!, p => p.CommunityId, p => p.Community!, p => p.Role, p => p.StartDate)
            .Map(p => p.Category, i => Post.CategoryOf(i.Role!.Value))
            .Map(p => p.Grade, i => i.Grade!.Value)
            .Map(p => p.EndDate, i => i.EndDate);
        config.Compile();
        return config;
    }
}

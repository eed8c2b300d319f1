using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.Testing;
using static WorkforceGraph.Features.Tests.Integration.BatchTestRows;

namespace WorkforceGraph.Features.Tests.Integration;

/// <summary>
/// <c>upsertPosts</c> / <c>deletePosts</c> over HTTP: per-record errors, the applicable grade scheme, one current Party
/// secretary per community, transfers moving the community of record, deletes, idempotence and the change log.
/// </summary>
public sealed class PostBatchTests : IAsyncLifetime
{
    private const string Upsert = """
        mutation Push($posts: [PostInput!]!) {
          upsertPosts(input: { posts: $posts }) {
            posts { id role category grade startDate endDate community { code } worker { name } }
            created updated unchanged
            errors { index code field message }
          }
        }
        """;

    private const string Delete = """
        mutation Drop($posts: [PostKeyInput!]!) {
          deletePosts(input: { posts: $posts }) { deletedIds deleted unchanged errors { index code field } }
        }
        """;

    private const string Meiyuan = "320102001001";
    private const string Xinjiekou = "320102001002";

    private static readonly string Integrator = WorkforceApiFactory.Token("integrator", "3201");

    private readonly WorkforceApiFactory _factory = new();
    private SmallWorkforce _data = null!;
    private Elsewhere _suzhou = null!;

    public async Task InitializeAsync()
    {
        _data = await SmallWorkforce.CreateAsync(_factory);
        _suzhou = await AddSuzhouAsync(_factory);

        // The province's 3×18 and 南京市's own 3×12 (which applies in 南京市), and a 南京市 scheme not yet in force
        // whose wide ranges would let every grade of these tests through.
        await _factory.WithDbAsync(async db =>
        {
            var b = new WorkforceBuilder(db);
            var province = await db.Regions.SingleAsync(r => r.Code == "320000000000");
            var prefecture = await db.Regions.SingleAsync(r => r.Code == "320100000000");
            b.GradeScheme(province, "JS-3x18", "江苏省三岗十八级", (PostCategory.Principal, 7, 18), (PostCategory.Deputy, 4, 15), (PostCategory.Staff, 1, 12));
            b.GradeScheme(prefecture, "NJ-3x12", "南京市三岗十二级", (PostCategory.Principal, 5, 12), (PostCategory.Deputy, 3, 10), (PostCategory.Staff, 1, 8))
                .EffectiveFrom = new DateOnly(2023, 1, 1);
            b.GradeScheme(prefecture, "NJ-NEXT", "南京市新序列", (PostCategory.Principal, 1, 30), (PostCategory.Deputy, 1, 30), (PostCategory.Staff, 1, 30))
                .EffectiveFrom = new DateOnly(2025, 7, 1);
        });
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static Dictionary<string, object?> Post(string idNumber, string community, string role, string start, string? end = null, int grade = 3) => new()
    {
        ["workerIdNumber"] = idNumber,
        ["communityCode"] = community,
        ["role"] = role,
        ["startDate"] = start,
        ["endDate"] = end,
        ["grade"] = grade,
    };

    private static object Key(string idNumber, string community, string role, string start) =>
        new { workerIdNumber = idNumber, communityCode = community, role, startDate = start };

    [Fact]
    public async Task Valid_records_are_written_invalid_ones_reported_and_a_resend_is_unchanged()
    {
        var staff = _data.Staff.IdNumber.Unmasked;
        var batch = new object?[]
        {
            Post(staff, Meiyuan, "GRID_WORKER", "2025-06-01"),
            Post(staff, Meiyuan, "GRID_WORKER", "2025-06-02", end: "2025-06-01"),
            Post(staff, Meiyuan, "GRID_WORKER", "2025-06-03", grade: 0),
            Post(staff, Meiyuan, "GRID_WORKER", "2025-06-04", grade: 9),
            Post(UnknownIdNumber, Meiyuan, "GRID_WORKER", "2025-06-05"),
            Post(_suzhou.Worker.IdNumber.Unmasked, Meiyuan, "GRID_WORKER", "2025-06-06"),
            Post(staff, _suzhou.Community.Code, "GRID_WORKER", "2025-06-07"),
            Post(staff, "320102001099", "GRID_WORKER", "2025-06-08"),
            Post(staff, "3201020010", "GRID_WORKER", "2025-06-09"),
            Post(BadIdNumber, Meiyuan, "GRID_WORKER", "2025-06-10"),
            Post(staff, Meiyuan, "PARTY_SECRETARY", "2025-06-11", grade: 6),
            Post(staff, Xinjiekou, "GRID_WORKER", "2025-06-12"),
            Post(staff, Meiyuan, "GRID_WORKER", "2025-06-01", grade: 4),
            Post(_data.Left.IdNumber.Unmasked, Meiyuan, "COMMITTEE_MEMBER", "2012-01-01", end: "2014-12-31", grade: 3),
        };

        var first = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { posts = batch });

        var payload = first.EnsureSuccess().Data!["upsertPosts"]!;
        Assert.True(Counts(payload) == (2, 0, 0), first.Text);
        Assert.Equal(
            [
                (1, "INVALID_VALUE", "endDate"), (2, "GRADE_OUT_OF_RANGE", "grade"), (3, "GRADE_OUT_OF_RANGE", "grade"),
                (4, "UNKNOWN_WORKER", "workerIdNumber"), (5, "UNKNOWN_WORKER", "workerIdNumber"), (6, "OUT_OF_SCOPE", "communityCode"),
                (7, "UNKNOWN_COMMUNITY", "communityCode"), (8, "INVALID_DIVISION_CODE", "communityCode"), (9, "INVALID_ID_NUMBER", "workerIdNumber"),
                (10, "INVALID_VALUE", "role"), (11, "INVALID_VALUE", "communityCode"), (12, "DUPLICATE_IN_BATCH", null),
            ],
            Errors(payload));
        var written = payload["posts"]!.AsArray();
        Assert.Equal(["GRID_WORKER", "COMMITTEE_MEMBER"], written.Select(p => p!["role"]!.GetValue<string>()));
        Assert.Equal(["STAFF", "DEPUTY"], written.Select(p => p!["category"]!.GetValue<string>()));
        Assert.Null(written[0]!["endDate"]);
        Assert.DoesNotContain(staff[..17], first.Text, StringComparison.Ordinal);

        var again = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { posts = batch });
        var second = again.EnsureSuccess().Data!["upsertPosts"]!;
        Assert.Equal((0, 0, 2), Counts(second));
        Assert.Equal(Errors(payload), Errors(second));

        await using var db = Db(_factory);
        Assert.Equal(2, await db.ChangeLog.CountAsync(c => c.EntityType == ChangeEntityType.Post));
        Assert.Equal(0, await db.ChangeLog.CountAsync(c => c.EntityType == ChangeEntityType.Worker));
    }

    [Fact]
    public async Task An_update_is_logged_with_the_changed_fields_and_a_null_end_date_is_stored_as_sent()
    {
        var staff = _data.Staff.IdNumber.Unmasked;
        var ended = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { posts = new[] { Post(staff, Meiyuan, "FULL_TIME_STAFF", "2018-05-01", end: "2025-12-31", grade: 5) } });
        Assert.True(Counts(ended.EnsureSuccess().Data!["upsertPosts"]!) == (0, 1, 0), ended.Text);

        await using (var db = Db(_factory))
        {
            var last = await db.ChangeLog.OrderByDescending(c => c.Id).FirstAsync();
            Assert.Equal((ChangeEntityType.Post, ChangeOperation.Upsert, _data.Staff.Id, Meiyuan), (last.EntityType, last.Operation, last.WorkerId!.Value, last.ScopeCode));
            Assert.Equal(["endDate", "grade"], FieldNames(last.Fields));
        }

        var reopened = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { posts = new[] { Post(staff, Meiyuan, "FULL_TIME_STAFF", "2018-05-01", grade: 5) } });
        Assert.Equal((0, 1, 0), Counts(reopened.EnsureSuccess().Data!["upsertPosts"]!));
        await using var after = Db(_factory);
        var post = await after.Posts.SingleAsync(p => p.WorkerId == _data.Staff.Id);
        Assert.Equal((5, (DateOnly?)null), (post.Grade, post.EndDate));
    }

    [Fact]
    public async Task A_transfer_ending_the_old_posts_first_moves_the_community_of_record_and_logs_the_worker()
    {
        var staff = _data.Staff.IdNumber.Unmasked;
        var transfer = new[]
        {
            Post(staff, Meiyuan, "FULL_TIME_STAFF", "2018-05-01", end: "2025-06-14", grade: 4),
            Post(staff, Xinjiekou, "GRID_WORKER", "2025-06-15", grade: 4),
        };

        var response = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { posts = transfer });

        var payload = response.EnsureSuccess().Data!["upsertPosts"]!;
        Assert.True(Counts(payload) == (1, 1, 0), response.Text);
        await using var db = Db(_factory);
        Assert.Equal(_data.Xinjiekou.Id, (await db.Workers.SingleAsync(w => w.Id == _data.Staff.Id)).CommunityId);
        var workerChange = await db.ChangeLog.SingleAsync(c => c.EntityType == ChangeEntityType.Worker);
        Assert.Equal((_data.Staff.Id, Xinjiekou), (workerChange.EntityId, workerChange.ScopeCode));
        Assert.Equal(["communityCode"], FieldNames(workerChange.Fields));
        Assert.Contains(Xinjiekou, workerChange.Fields, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_in_a_new_community_before_the_old_posts_end_is_refused_and_the_community_of_record_stays()
    {
        var grid = _data.GridWorker.IdNumber.Unmasked;
        var wrongOrder = new[]
        {
            Post(grid, Meiyuan, "GRID_WORKER", "2025-06-15", grade: 2),
            Post(grid, Xinjiekou, "GRID_WORKER", "2021-07-01", end: "2025-06-14", grade: 2),
        };

        var response = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { posts = wrongOrder });

        var payload = response.EnsureSuccess().Data!["upsertPosts"]!;
        Assert.Equal([(0, "INVALID_VALUE", "communityCode")], Errors(payload));
        Assert.Contains("end the old posts first", payload["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((0, 1, 0), Counts(payload));
        await using var db = Db(_factory);
        Assert.Equal(_data.Xinjiekou.Id, (await db.Workers.SingleAsync(w => w.Id == _data.GridWorker.Id)).CommunityId);
        Assert.False(await db.ChangeLog.AnyAsync(c => c.EntityType == ChangeEntityType.Worker));
    }

    [Fact]
    public async Task A_community_has_one_current_party_secretary_counting_earlier_records_of_the_batch()
    {
        var first = new[]
        {
            Post(_data.GridWorker.IdNumber.Unmasked, Xinjiekou, "PARTY_SECRETARY", "2025-06-01", grade: 6),
            Post(_data.Transferred.IdNumber.Unmasked, Xinjiekou, "PARTY_SECRETARY", "2025-06-01", grade: 6),
            Post(_data.Staff.IdNumber.Unmasked, Meiyuan, "PARTY_SECRETARY", "2025-06-01", grade: 6),
            Post(_data.Left.IdNumber.Unmasked, Meiyuan, "PARTY_SECRETARY", "2010-01-01", end: "2012-12-31", grade: 6),
        };

        var response = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { posts = first });

        var payload = response.EnsureSuccess().Data!["upsertPosts"]!;
        Assert.True(Errors(payload).SequenceEqual([(1, "INVALID_VALUE", "role"), (2, "INVALID_VALUE", "role")]), response.Text);
        Assert.Equal((2, 0, 0), Counts(payload));

        // A handover: the old secretary's post ends earlier in the same batch.
        var handover = new[]
        {
            Post(_data.Secretary.IdNumber.Unmasked, Meiyuan, "PARTY_SECRETARY", "2016-01-01", end: "2025-06-14", grade: 12),
            Post(_data.Staff.IdNumber.Unmasked, Meiyuan, "PARTY_SECRETARY", "2025-06-15", grade: 6),
        };
        var second = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { posts = handover });
        var secondPayload = second.EnsureSuccess().Data!["upsertPosts"]!;
        Assert.True(Counts(secondPayload) == (1, 1, 0), second.Text);
        await using var db = Db(_factory);
        var today = RandomWorkforce.Today;
        Assert.Equal(1, await db.Posts.CountAsync(p => p.CommunityId == _data.Meiyuan.Id && p.Role == PostRole.PartySecretary && p.StartDate <= today && (p.EndDate == null || p.EndDate >= today)));
    }

    [Fact]
    public async Task Grades_are_checked_against_the_most_specific_scheme_in_force()
    {
        var staff = _data.Staff.IdNumber.Unmasked;
        var outsider = _suzhou.Worker.IdNumber.Unmasked;
        var batch = new[]
        {
            Post(staff, Meiyuan, "GRID_WORKER", "2025-01-01", grade: 9), // 南京市 3×12: STAFF 1–8 (the province would allow 12, the scheme of July 30)
            Post(staff, Meiyuan, "GRID_WORKER", "2025-01-02", grade: 8),
            Post(staff, Meiyuan, "COMMITTEE_MEMBER", "2025-01-03", grade: 2), // DEPUTY 3–10
            Post(outsider, _suzhou.Community.Code, "GRID_WORKER", "2025-01-04", grade: 13), // 苏州市 has none: the province's STAFF 1–12
            Post(outsider, _suzhou.Community.Code, "GRID_WORKER", "2025-01-05", grade: 12),
        };

        var response = await _factory.GraphQL(WorkforceApiFactory.Token("integrator", "32")).PostAsync(Upsert, new { posts = batch });

        var payload = response.EnsureSuccess().Data!["upsertPosts"]!;
        Assert.True(Errors(payload).SequenceEqual([(0, "GRADE_OUT_OF_RANGE", "grade"), (2, "GRADE_OUT_OF_RANGE", "grade"), (3, "GRADE_OUT_OF_RANGE", "grade")]), response.Text);
        Assert.Contains("NJ-3x12", payload["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("JS-3x18", payload["errors"]![2]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((2, 0, 0), Counts(payload));
    }

    [Fact]
    public async Task Deletes_leave_tombstones_recompute_the_community_of_record_and_repeat_as_unchanged()
    {
        var transferred = _data.Transferred.IdNumber.Unmasked;
        var staff = _data.Staff.IdNumber.Unmasked;
        var keys = new[]
        {
            Key(transferred, Xinjiekou, "COMMITTEE_MEMBER", "2022-07-01"),
            Key(staff, Meiyuan, "FULL_TIME_STAFF", "2018-05-01"),
            Key(staff, Meiyuan, "GRID_WORKER", "2018-05-01"),
            Key(BadIdNumber, Meiyuan, "GRID_WORKER", "2018-05-01"),
        };

        var outside = await _factory.GraphQL(WorkforceApiFactory.Token("integrator", "3205")).PostAsync(Delete, new { posts = keys });
        Assert.Equal((0, 3), DeleteCounts(outside.EnsureSuccess().Data!["deletePosts"]!));

        var response = await _factory.GraphQL(Integrator).PostAsync(Delete, new { posts = keys });

        var payload = response.EnsureSuccess().Data!["deletePosts"]!;
        Assert.True(DeleteCounts(payload) == (2, 1), response.Text);
        Assert.Equal([(3, "INVALID_ID_NUMBER", "workerIdNumber")], Errors(payload));
        await using var db = Db(_factory);
        Assert.False(await db.Posts.AnyAsync(p => p.WorkerId == _data.Staff.Id));
        var tombstones = await db.ChangeLog.Where(c => c.Operation == ChangeOperation.Delete).ToListAsync();
        Assert.Equal(
            [(ChangeEntityType.Post, _data.Staff.Id), (ChangeEntityType.Post, _data.Transferred.Id)],
            tombstones.Select(t => (t.EntityType, t.WorkerId!.Value)).OrderBy(t => t.Item2));

        // 陈静's current post is gone: her record follows her most recent post, in 梅园社区; 李强 has no posts left and keeps his.
        Assert.Equal(_data.Meiyuan.Id, (await db.Workers.SingleAsync(w => w.Id == _data.Transferred.Id)).CommunityId);
        Assert.Equal(_data.Meiyuan.Id, (await db.Workers.SingleAsync(w => w.Id == _data.Staff.Id)).CommunityId);
        var moved = await db.ChangeLog.SingleAsync(c => c.EntityType == ChangeEntityType.Worker);
        Assert.Equal((_data.Transferred.Id, Meiyuan), (moved.EntityId, moved.ScopeCode));

        var again = await _factory.GraphQL(Integrator).PostAsync(Delete, new { posts = keys });
        Assert.Equal((0, 3), DeleteCounts(again.EnsureSuccess().Data!["deletePosts"]!));
    }

    [Fact]
    public async Task Analysts_may_not_write_posts()
    {
        var analyst = _factory.GraphQL(WorkforceApiFactory.Token("analyst", "32"));
        var upsert = await analyst.PostAsync(Upsert, new { posts = new[] { Post(_data.Staff.IdNumber.Unmasked, Meiyuan, "GRID_WORKER", "2025-06-01") } });
        var delete = await analyst.PostAsync(Delete, new { posts = new[] { Key(_data.Staff.IdNumber.Unmasked, Meiyuan, "FULL_TIME_STAFF", "2018-05-01") } });

        Assert.Equal(("AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHORIZED"), (upsert.FirstErrorCode, delete.FirstErrorCode));
        await using var db = Db(_factory);
        Assert.Equal(1, await db.Posts.CountAsync(p => p.WorkerId == _data.Staff.Id));
        Assert.Equal(0, await db.ChangeLog.CountAsync());
    }
}

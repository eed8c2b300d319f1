using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.GraphQL.Conventions.NodeIds;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Integration;

/// <summary><c>upsertWorkers</c> / <c>deleteWorkers</c> over HTTP: per-record errors, idempotence, scope, the change log.</summary>
public sealed class WorkerBatchTests : IAsyncLifetime
{
    private const string Upsert = """
        mutation Push($workers: [WorkerInput!]!) {
          upsertWorkers(input: { workers: $workers }) {
            workers { id name community { code } }
            created updated unchanged
            errors { index code field message }
          }
        }
        """;

    private const string Delete = """
        mutation Drop($workers: [WorkerKeyInput!]!) {
          deleteWorkers(input: { workers: $workers }) { deletedIds deleted unchanged errors { index code field } }
        }
        """;

    private static readonly string Integrator = WorkforceApiFactory.Token("integrator", "32");

    private readonly WorkforceApiFactory _factory = new();
    private SmallWorkforce _data = null!;

    public async Task InitializeAsync() => _data = await SmallWorkforce.CreateAsync(_factory);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>A valid new worker of 梅园社区, born 1985-03-02, male.</summary>
    internal static Dictionary<string, object?> NewWorker(int sequence = 11, string community = "320102001001", string name = "赵新") => new()
    {
        ["idNumber"] = IdNumber.Create("320102", new DateOnly(1985, 3, 2), sequence).Unmasked,
        ["name"] = name,
        ["gender"] = sequence % 2 == 1 ? "MALE" : "FEMALE",
        ["birthDate"] = "1985-03-02",
        ["phone"] = "13800001111",
        ["ethnicity"] = "汉族",
        ["politicalStatus"] = "CPC_MEMBER",
        ["education"] = "BACHELOR",
        ["socialWorkQualification"] = null,
        ["employmentType"] = "COMMUNITY_STAFF",
        ["status"] = "ACTIVE",
        ["communityWorkStartDate"] = "2015-07-01",
        ["hiredOn"] = "2015-07-01",
        ["isReserveTalent"] = false,
        ["communityCode"] = community,
    };

    [Fact]
    public async Task Valid_records_are_written_invalid_ones_reported_and_a_resend_is_unchanged()
    {
        var badCheck = NewWorker(13);
        var id = (string)badCheck["idNumber"]!;
        badCheck["idNumber"] = id[..17] + (id[17] == '0' ? '1' : '0');
        var mismatch = NewWorker(15);
        mismatch["birthDate"] = "1985-03-03";
        var unknownCommunity = NewWorker(17, community: "320102001099");
        var outside = NewWorker(19, community: "330102001001");
        var badCode = NewWorker(21, community: "3201020010");
        var dates = NewWorker(23);
        dates["hiredOn"] = "2015-06-30";
        var batch = new object?[] { NewWorker(11), badCheck, mismatch, unknownCommunity, outside, badCode, dates, NewWorker(11), NewWorker(25, name: "钱多") };

        var first = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { workers = batch });

        var payload = first.EnsureSuccess().Data!["upsertWorkers"]!;
        Assert.Equal(2, payload["created"]!.GetValue<int>());
        Assert.Equal(0, payload["updated"]!.GetValue<int>());
        Assert.Equal(["赵新", "钱多"], payload["workers"]!.AsArray().Select(w => w!["name"]!.GetValue<string>()));
        Assert.All(payload["workers"]!.AsArray(), w => Assert.Equal("320102001001", w!["community"]!["code"]!.GetValue<string>()));
        var errors = payload["errors"]!.AsArray().Select(e => (e!["index"]!.GetValue<int>(), e["code"]!.GetValue<string>(), e["field"]?.GetValue<string>())).ToList();
        Assert.Equal(
            [
                (1, "INVALID_ID_NUMBER", "idNumber"), (2, "ID_NUMBER_MISMATCH", "birthDate"), (3, "UNKNOWN_COMMUNITY", "communityCode"),
                (4, "OUT_OF_SCOPE", "communityCode"), (5, "INVALID_DIVISION_CODE", "communityCode"), (6, "INVALID_VALUE", "hiredOn"),
                (7, "DUPLICATE_IN_BATCH", null),
            ],
            errors);
        Assert.DoesNotContain(id[..17], first.Text, StringComparison.Ordinal);

        var again = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { workers = batch });
        var second = again.EnsureSuccess().Data!["upsertWorkers"]!;
        Assert.Equal((0, 0, 2), (second["created"]!.GetValue<int>(), second["updated"]!.GetValue<int>(), second["unchanged"]!.GetValue<int>()));
        Assert.Equal(7, second["errors"]!.AsArray().Count);

        await using var db = Db();
        Assert.Equal(2, await db.ChangeLog.CountAsync(c => c.EntityType == ChangeEntityType.Worker));
    }

    [Fact]
    public async Task An_update_changes_only_what_differs_and_logs_the_changed_fields_with_pii_masked()
    {
        var created = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { workers = new[] { NewWorker() } });
        Assert.True(created.EnsureSuccess().Data!["upsertWorkers"]!["created"]!.GetValue<int>() == 1, created.Text);
        var changed = NewWorker();
        changed["phone"] = "13900002222";
        changed["education"] = "MASTER";

        var response = await _factory.GraphQL(WorkforceApiFactory.TokenFor("platform-js", "integrator", "3201")).PostAsync(Upsert, new { workers = new[] { changed } });

        var payload = response.EnsureSuccess().Data!["upsertWorkers"]!;
        Assert.True(payload["updated"]!.GetValue<int>() == 1, response.Text);
        await using var db = Db();
        var last = await db.ChangeLog.OrderByDescending(c => c.Id).FirstAsync();
        Assert.True(("platform-js", ChangeOperation.Upsert, "320102001001") == (last.Actor, last.Operation, last.ScopeCode), $"{last.Actor} {last.Operation} {last.ScopeCode} {last.Fields}");
        var fields = JsonNode.Parse(last.Fields!)!.AsObject();
        Assert.Equal(["education", "phone"], fields.Select(f => f.Key).Order());
        Assert.Equal("MASTER", fields["education"]!.GetValue<string>());
        Assert.Equal("139****2222", fields["phone"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_resend_writes_only_the_changed_and_new_rows_and_logs_exactly_those()
    {
        var created = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { workers = new[] { NewWorker(11), NewWorker(13, name: "孙一"), NewWorker(15, name: "周二") } });
        var first = created.EnsureSuccess().Data!["upsertWorkers"]!;
        Assert.Equal((3, 0, 0), (first["created"]!.GetValue<int>(), first["updated"]!.GetValue<int>(), first["unchanged"]!.GetValue<int>()));
        await using (var db = Db())
        {
            var logged = await db.ChangeLog.Where(c => c.EntityType == ChangeEntityType.Worker).ToListAsync();
            Assert.Equal(3, logged.Count);
            var rows = await db.Workers.Where(w => logged.Select(c => c.EntityId).Contains(w.Id)).ToListAsync();
            Assert.Equal(3, rows.Count);
            Assert.Equal(rows.Select(w => w.Id).Order(), logged.Select(c => c.WorkerId!.Value).Order());
            Assert.All(logged, c =>
            {
                var fields = JsonNode.Parse(c.Fields!)!.AsObject();
                Assert.Equal("320102001001", fields["communityCode"]!.GetValue<string>());
                Assert.Equal("138****1111", fields["phone"]!.GetValue<string>());
                Assert.DoesNotContain(rows.Single(w => w.Id == c.EntityId).IdNumber.Unmasked, c.Fields!, StringComparison.Ordinal);
                Assert.Equal(15, fields.Count);
            });
        }

        var changed = NewWorker(13, name: "孙一");
        changed["phone"] = "13900002222";
        var response = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { workers = new[] { NewWorker(11), changed, NewWorker(15, name: "周二"), NewWorker(17, name: "吴三") } });

        var payload = response.EnsureSuccess().Data!["upsertWorkers"]!;
        Assert.Equal((1, 1, 2), (payload["created"]!.GetValue<int>(), payload["updated"]!.GetValue<int>(), payload["unchanged"]!.GetValue<int>()));
        Assert.Equal(["赵新", "孙一", "周二", "吴三"], payload["workers"]!.AsArray().Select(w => w!["name"]!.GetValue<string>()));
        await using (var db = Db())
        {
            var byName = await db.Workers.Where(w => w.Name == "赵新" || w.Name == "孙一" || w.Name == "周二" || w.Name == "吴三").ToDictionaryAsync(w => w.Name);
            Assert.Equal(("13800001111", "13900002222", "13800001111"), (byName["赵新"].Phone, byName["孙一"].Phone, byName["周二"].Phone));
            var entries = await db.ChangeLog.Where(c => c.EntityType == ChangeEntityType.Worker).OrderBy(c => c.Id).Skip(3).ToListAsync();
            Assert.Equal([byName["孙一"].Id, byName["吴三"].Id], entries.Select(c => c.EntityId).Order());
            var update = entries.Single(c => c.EntityId == byName["孙一"].Id);
            Assert.Equal(["phone"], JsonNode.Parse(update.Fields!)!.AsObject().Select(f => f.Key));
            Assert.Equal("139****2222", JsonNode.Parse(update.Fields!)!["phone"]!.GetValue<string>());
            var creation = JsonNode.Parse(entries.Single(c => c.EntityId == byName["吴三"].Id).Fields!)!.AsObject();
            Assert.Equal("吴三", creation["name"]!.GetValue<string>());
            Assert.Equal("320102001001", creation["communityCode"]!.GetValue<string>());
        }

        var ids = payload["workers"]!.AsArray().Select(w => w!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(4, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_worker_with_posts_keeps_the_community_of_their_posts_and_one_without_posts_moves()
    {
        var staff = InputOf(await Row(_data.Staff.Id), "320102001002");
        var moved = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { workers = new[] { staff } });
        var refused = moved.EnsureSuccess().Data!["upsertWorkers"]!;
        Assert.Equal(("INVALID_VALUE", "communityCode"), (refused["errors"]![0]!["code"]!.GetValue<string>(), refused["errors"]![0]!["field"]!.GetValue<string>()));

        staff["communityCode"] = "320102001001";
        staff["name"] = "李强强";
        var renamed = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { workers = new[] { staff } });
        Assert.Equal(1, renamed.EnsureSuccess().Data!["upsertWorkers"]!["updated"]!.GetValue<int>());
        Assert.Equal(("李强强", _data.Meiyuan.Id), ((await Row(_data.Staff.Id)).Name, (await Row(_data.Staff.Id)).CommunityId));

        await _factory.GraphQL(Integrator).PostAsync(Upsert, new { workers = new[] { NewWorker(21) } });
        var mover = NewWorker(21, community: "320102001002");
        var response = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { workers = new[] { mover } });

        var payload = response.EnsureSuccess().Data!["upsertWorkers"]!;
        Assert.Equal(1, payload["updated"]!.GetValue<int>());
        Assert.Equal("320102001002", payload["workers"]![0]!["community"]!["code"]!.GetValue<string>());
        await using var db = Db();
        var last = await db.ChangeLog.OrderByDescending(c => c.Id).FirstAsync();
        Assert.Equal("""{"communityCode":"320102001002"}""", last.Fields);
        Assert.Equal("320102001002", last.ScopeCode);
        Assert.Equal(_data.Xinjiekou.Id, (await db.Workers.SingleAsync(w => w.Id == last.EntityId)).CommunityId);
    }

    // A stored worker as the record that would leave them as they are.
    private static Dictionary<string, object?> InputOf(Worker w, string communityCode) => new()
    {
        ["idNumber"] = w.IdNumber.Unmasked,
        ["name"] = w.Name,
        ["gender"] = Upper(w.Gender),
        ["birthDate"] = Date(w.BirthDate),
        ["phone"] = w.Phone,
        ["ethnicity"] = w.Ethnicity,
        ["politicalStatus"] = Upper(w.PoliticalStatus),
        ["education"] = Upper(w.Education),
        ["socialWorkQualification"] = w.SocialWorkQualification is { } q ? Upper(q) : null,
        ["employmentType"] = Upper(w.EmploymentType),
        ["status"] = Upper(w.Status),
        ["communityWorkStartDate"] = Date(w.CommunityWorkStartDate),
        ["hiredOn"] = Date(w.HiredOn),
        ["isReserveTalent"] = w.IsReserveTalent,
        ["communityCode"] = communityCode,
    };

    private static string Upper<T>(T value)
        where T : struct, System.Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseUpper.ConvertName(value.ToString());

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Workers_of_another_region_are_out_of_scope_and_a_worker_leaving_has_their_posts_ended()
    {
        var left = await Row(_data.Secretary.Id);
        var input = NewWorker();
        input["idNumber"] = left.IdNumber.Unmasked;
        input["birthDate"] = left.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        input["gender"] = left.Gender == Gender.Male ? "MALE" : "FEMALE";
        input["status"] = "LEFT";
        input["communityCode"] = null;

        var outside = await _factory.GraphQL(WorkforceApiFactory.Token("integrator", "3202")).PostAsync(Upsert, new { workers = new[] { input } });
        Assert.True(outside.Text.Contains("OUT_OF_SCOPE", StringComparison.Ordinal), outside.Text);
        Assert.Equal("OUT_OF_SCOPE", outside.EnsureSuccess().Data!["upsertWorkers"]!["errors"]![0]!["code"]!.GetValue<string>());

        var inside = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { workers = new[] { input } });
        Assert.Equal(1, inside.EnsureSuccess().Data!["upsertWorkers"]!["updated"]!.GetValue<int>());
        await using var db = Db();
        var posts = await db.Posts.Where(p => p.WorkerId == _data.Secretary.Id).ToListAsync();
        Assert.NotEmpty(posts);
        Assert.All(posts, p => Assert.True(p.EndDate < RandomWorkforce.Today));
        Assert.Equal(_data.Secretary.CommunityId, (await Row(_data.Secretary.Id)).CommunityId);
    }

    [Fact]
    public async Task Deletes_remove_the_worker_with_their_rows_leave_tombstones_and_repeat_as_unchanged()
    {
        var key = new { idNumber = _data.Staff.IdNumber.Unmasked };
        var response = await _factory.GraphQL(Integrator).PostAsync(Delete, new { workers = new object[] { key, new { idNumber = "123" } } });

        var payload = response.EnsureSuccess().Data!["deleteWorkers"]!;
        Assert.Equal(1, payload["deleted"]!.GetValue<int>());
        Assert.Equal("INVALID_ID_NUMBER", payload["errors"]![0]!["code"]!.GetValue<string>());
        await using var db = Db();
        Assert.False(await db.Workers.AnyAsync(w => w.Id == _data.Staff.Id));
        Assert.False(await db.Posts.AnyAsync(p => p.WorkerId == _data.Staff.Id));
        var tombstones = await db.ChangeLog.Where(c => c.Operation == ChangeOperation.Delete).ToListAsync();
        Assert.Contains(tombstones, t => t.EntityType == ChangeEntityType.Worker && t.EntityId == _data.Staff.Id);
        Assert.All(tombstones, t => Assert.Equal(_data.Staff.Id, t.WorkerId));

        var again = await _factory.GraphQL(Integrator).PostAsync(Delete, new { workers = new[] { key } });
        Assert.Equal((0, 1), (again.Data!["deleteWorkers"]!["deleted"]!.GetValue<int>(), again.Data!["deleteWorkers"]!["unchanged"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Analysts_may_not_write_and_more_than_the_limit_writes_nothing()
    {
        var analyst = await _factory.GraphQL(WorkforceApiFactory.Token("analyst", "32")).PostAsync(Upsert, new { workers = new[] { NewWorker() } });
        Assert.Equal("AUTH_NOT_AUTHORIZED", analyst.FirstErrorCode);

        var many = Enumerable.Range(0, 1_001).Select(i => NewWorker(101 + (2 * (i % 400)))).ToArray();
        var tooMany = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { workers = many });
        Assert.Equal("LIMIT_EXCEEDED", tooMany.FirstErrorCode);
        Assert.Null(tooMany.Data);

        await using var db = Db();
        Assert.Equal(0, await db.ChangeLog.CountAsync());
    }

    [Fact]
    public async Task A_large_batch_gets_fresh_keys_each_logged_under_its_row_and_a_deleted_key_is_never_reused()
    {
        // 300 records: several multi-row statements on PostgreSQL, one key each, in input order.
        var records = Enumerable.Range(0, 300).Select(i => NewWorker(101 + (2 * i), name: $"批{i:D3}")).ToArray();
        var response = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { workers = records });
        var payload = response.EnsureSuccess().Data!["upsertWorkers"]!;
        Assert.Equal(300, payload["created"]!.GetValue<int>());
        var ids = payload["workers"]!.AsArray().Select(w => KeyOf(w!["id"]!.GetValue<string>())).ToList();
        Assert.Equal(300, ids.Distinct().Count());

        await using (var db = Db())
        {
            var stored = await db.Workers.Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id);
            Assert.Equal(300, stored.Count);
            for (var i = 0; i < records.Length; i++)
            {
                // The id the mutation answered is the row written from that record.
                Assert.Equal((string)records[i]["idNumber"]!, stored[ids[i]].IdNumber.Unmasked);
                Assert.Equal((string)records[i]["name"]!, stored[ids[i]].Name);
            }

            var log = await db.ChangeLog.Where(c => c.EntityType == ChangeEntityType.Worker && ids.Contains(c.EntityId)).ToListAsync();
            Assert.Equal(300, log.Count);
            Assert.All(log, entry =>
            {
                Assert.Equal(entry.EntityId, entry.WorkerId);
                Assert.Contains($"\"name\":\"{stored[entry.EntityId].Name}\"", entry.Fields, StringComparison.Ordinal);
            });
        }

        // The newest worker deleted: the next new worker still gets a key never handed out before.
        var newest = ids.Max();
        var deleted = await _factory.GraphQL(Integrator).PostAsync(Delete, new { workers = new[] { new { idNumber = (string)records[ids.IndexOf(newest)]["idNumber"]! } } });
        Assert.Equal(1, deleted.EnsureSuccess().Data!["deleteWorkers"]!["deleted"]!.GetValue<int>());
        var next = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { workers = new[] { NewWorker(901, name: "新人") } });
        var nextId = KeyOf(next.EnsureSuccess().Data!["upsertWorkers"]!["workers"]![0]!["id"]!.GetValue<string>());
        Assert.True(nextId > newest, $"key {nextId} was handed out again after {newest} was deleted");
    }

    private static int KeyOf(string nodeId)
    {
        Assert.True(NodeId.TryDecodeInt(nodeId, out var type, out var key));
        Assert.Equal("Worker", type);
        return key;
    }

    private WorkforceDbContext Db() => _factory.Services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>().CreateDbContext();

    private async Task<Worker> Row(int id)
    {
        await using var db = Db();
        return await db.Workers.SingleAsync(w => w.Id == id);
    }
}

using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.Testing;
using static WorkforceGraph.Features.Tests.Integration.BatchTestRows;

namespace WorkforceGraph.Features.Tests.Integration;

/// <summary>
/// <c>upsertTrainings</c> / <c>deleteTrainings</c> over HTTP: programmes written by their organizer's region, national
/// ones by national callers, IN_USE for programmes with records, idempotence and the change log.
/// </summary>
public sealed class TrainingBatchTests : IAsyncLifetime
{
    private const string Upsert = """
        mutation Push($trainings: [TrainingInput!]!) {
          upsertTrainings(input: { trainings: $trainings }) {
            trainings { id code title level hours organizer { code } }
            created updated unchanged
            errors { index code field message }
          }
        }
        """;

    private const string Delete = """
        mutation Drop($trainings: [TrainingKeyInput!]!) {
          deleteTrainings(input: { trainings: $trainings }) { deletedIds deleted unchanged errors { index code field } }
        }
        """;

    private static readonly string Integrator = WorkforceApiFactory.Token("integrator", "3201");
    private static readonly string National = WorkforceApiFactory.Token("integrator", "00");

    private readonly WorkforceApiFactory _factory = new();

    public async Task InitializeAsync()
    {
        await SmallWorkforce.CreateAsync(_factory);
        await AddSuzhouAsync(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static Dictionary<string, object?> Training(string code, string? organizer, string level = "PREFECTURE", string title = "南京市社区工作者重点培训班") => new()
    {
        ["code"] = code,
        ["title"] = title,
        ["level"] = level,
        ["kind"] = "IN_SERVICE",
        ["mode"] = "BLENDED",
        ["organizerCode"] = organizer,
        ["startDate"] = "2025-05-06",
        ["endDate"] = "2025-05-08",
        ["hours"] = 22.5m,
    };

    [Fact]
    public async Task Valid_records_are_written_invalid_ones_reported_and_a_resend_is_unchanged()
    {
        var dates = Training("NJ-2025-05", "320100000000");
        dates["endDate"] = "2025-05-05";
        var noHours = Training("NJ-2025-06", "320100000000");
        noHours["hours"] = 0;
        var tooMany = Training("NJ-2025-07", "320100000000");
        tooMany["hours"] = 10_000.5m;
        var batch = new object?[]
        {
            Training("NJ-2025-01", "320100000000"),
            Training("NJ-2025-02", "330100000000"),
            Training("NJ-2025-03", "320102002000", level: "TOWNSHIP"),
            Training("NJ-2025-04", null, level: "NATIONAL"),
            dates,
            noHours,
            tooMany,
            Training("JS-2025-001", "320100000000"),
            Training("NJ-2025-08", "3201"),
            Training("NJ-2025-01", "320100000000"),
            Training("XW-2025-01", "320102000000", level: "COUNTY", title: "玄武区社区工作者骨干轮训班"),
        };

        var first = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { trainings = batch });

        var payload = first.EnsureSuccess().Data!["upsertTrainings"]!;
        Assert.True(Counts(payload) == (2, 0, 0), first.Text);
        Assert.Equal(
            [
                (1, "OUT_OF_SCOPE", "organizerCode"), (2, "UNKNOWN_REGION", "organizerCode"), (3, "OUT_OF_SCOPE", "organizerCode"),
                (4, "INVALID_VALUE", "endDate"), (5, "INVALID_VALUE", "hours"), (6, "INVALID_VALUE", "hours"), (7, "OUT_OF_SCOPE", "code"),
                (8, "INVALID_DIVISION_CODE", "organizerCode"), (9, "DUPLICATE_IN_BATCH", null),
            ],
            Errors(payload));
        Assert.Equal(["320100000000", "320102000000"], payload["trainings"]!.AsArray().Select(t => t!["organizer"]!["code"]!.GetValue<string>()));

        var again = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { trainings = batch });
        var second = again.EnsureSuccess().Data!["upsertTrainings"]!;
        Assert.Equal((0, 0, 2), Counts(second));
        Assert.Equal(Errors(payload), Errors(second));
        await using var db = Db(_factory);
        Assert.Equal(2, await db.ChangeLog.CountAsync(c => c.EntityType == ChangeEntityType.Training));
    }

    [Fact]
    public async Task An_update_is_logged_with_the_changed_fields_and_national_programmes_need_a_national_writer()
    {
        await _factory.GraphQL(Integrator).PostAsync(Upsert, new { trainings = new[] { Training("NJ-2025-01", "320100000000") } });
        var renamed = await _factory.GraphQL(WorkforceApiFactory.TokenFor("platform-nj", "integrator", "3201"))
            .PostAsync(Upsert, new { trainings = new[] { Training("NJ-2025-01", "320100000000", title: "南京市社区治理专题培训") } });
        Assert.True(Counts(renamed.EnsureSuccess().Data!["upsertTrainings"]!) == (0, 1, 0), renamed.Text);

        await using (var db = Db(_factory))
        {
            var last = await db.ChangeLog.OrderByDescending(c => c.Id).FirstAsync();
            Assert.Equal((ChangeEntityType.Training, "platform-nj", "320100000000"), (last.EntityType, last.Actor, last.ScopeCode));
            Assert.Equal(["title"], FieldNames(last.Fields));
        }

        var national = await _factory.GraphQL(National).PostAsync(Upsert, new { trainings = new[] { Training("CN-2025-01", null, level: "NATIONAL") } });
        var payload = national.EnsureSuccess().Data!["upsertTrainings"]!;
        Assert.True(Counts(payload) == (1, 0, 0), national.Text);
        Assert.Null(payload["trainings"]![0]!["organizer"]);

        // The national writer may also move a programme to another organizer (full record: the organizer as sent).
        var moved = await _factory.GraphQL(National).PostAsync(Upsert, new { trainings = new[] { Training("NJ-2025-01", null, level: "NATIONAL") } });
        Assert.Equal((0, 1, 0), Counts(moved.EnsureSuccess().Data!["upsertTrainings"]!));
        await using var after = Db(_factory);
        Assert.Null((await after.Trainings.SingleAsync(t => t.Code == "NJ-2025-01")).OrganizerId);
    }

    [Fact]
    public async Task Deletes_refuse_programmes_in_use_leave_tombstones_and_repeat_as_unchanged()
    {
        await _factory.GraphQL(Integrator).PostAsync(Upsert, new { trainings = new[] { Training("NJ-2025-01", "320100000000") } });
        var keys = new object[] { new { code = "NJ-2025-01" }, new { code = "JS-2025-001" }, new { code = "SZ-2025-001" }, new { code = "NONE" }, new { code = "" } };

        var response = await _factory.GraphQL(Integrator).PostAsync(Delete, new { trainings = keys });

        var payload = response.EnsureSuccess().Data!["deleteTrainings"]!;
        Assert.True(DeleteCounts(payload) == (1, 2), response.Text);
        Assert.Equal([(1, "OUT_OF_SCOPE", "code"), (4, "INVALID_VALUE", "code")], Errors(payload));

        var province = await _factory.GraphQL(WorkforceApiFactory.Token("integrator", "32")).PostAsync(Delete, new { trainings = keys });
        var provincePayload = province.EnsureSuccess().Data!["deleteTrainings"]!;
        Assert.Equal([(1, "IN_USE", "code"), (4, "INVALID_VALUE", "code")], Errors(provincePayload));
        Assert.Equal((1, 2), DeleteCounts(provincePayload));

        await using var db = Db(_factory);
        Assert.Equal(["JS-2025-001"], await db.Trainings.Select(t => t.Code).ToListAsync());
        var tombstones = await db.ChangeLog.Where(c => c.Operation == ChangeOperation.Delete).ToListAsync();
        Assert.Equal(2, tombstones.Count);
        Assert.All(tombstones, t => Assert.Equal(ChangeEntityType.Training, t.EntityType));

        var again = await _factory.GraphQL(Integrator).PostAsync(Delete, new { trainings = new[] { new { code = "NJ-2025-01" } } });
        Assert.Equal((0, 1), DeleteCounts(again.EnsureSuccess().Data!["deleteTrainings"]!));
    }

    [Fact]
    public async Task Analysts_may_not_write_trainings()
    {
        var analyst = _factory.GraphQL(WorkforceApiFactory.Token("analyst", "32"));
        var upsert = await analyst.PostAsync(Upsert, new { trainings = new[] { Training("NJ-2025-01", "320100000000") } });
        var delete = await analyst.PostAsync(Delete, new { trainings = new[] { new { code = "JS-2025-001" } } });

        Assert.Equal(("AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHORIZED"), (upsert.FirstErrorCode, delete.FirstErrorCode));
        await using var db = Db(_factory);
        Assert.Equal(2, await db.Trainings.CountAsync());
    }
}

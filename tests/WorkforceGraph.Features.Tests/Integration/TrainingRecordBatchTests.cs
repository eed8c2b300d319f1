using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.Testing;
using static WorkforceGraph.Features.Tests.Integration.BatchTestRows;

namespace WorkforceGraph.Features.Tests.Integration;

/// <summary>
/// <c>upsertTrainingRecords</c> / <c>deleteTrainingRecords</c> over HTTP: the worker must be the caller's and the
/// programme visible to the caller; idempotence, the change log and deletes.
/// </summary>
public sealed class TrainingRecordBatchTests : IAsyncLifetime
{
    private const string Upsert = """
        mutation Push($records: [TrainingRecordInput!]!) {
          upsertTrainingRecords(input: { trainingRecords: $records }) {
            trainingRecords { id completedOn hours passed training { code } worker { name } }
            created updated unchanged
            errors { index code field message }
          }
        }
        """;

    private const string Delete = """
        mutation Drop($records: [TrainingRecordKeyInput!]!) {
          deleteTrainingRecords(input: { trainingRecords: $records }) { deletedIds deleted unchanged errors { index code field } }
        }
        """;

    private static readonly string Integrator = WorkforceApiFactory.Token("integrator", "3201");

    private readonly WorkforceApiFactory _factory = new();
    private SmallWorkforce _data = null!;
    private Elsewhere _suzhou = null!;

    public async Task InitializeAsync()
    {
        _data = await SmallWorkforce.CreateAsync(_factory);
        _suzhou = await AddSuzhouAsync(_factory);
        await _factory.WithDbAsync(db =>
        {
            new WorkforceBuilder(db).Training("CN-2025-001", "全国城市社区党组织书记网络示范培训", new DateOnly(2025, 4, 1), TrainingLevel.National);
            return Task.CompletedTask;
        });
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static Dictionary<string, object?> Record(string idNumber, string training, string? completedOn = "2025-04-03", decimal hours = 16.5m, bool passed = true) => new()
    {
        ["workerIdNumber"] = idNumber,
        ["trainingCode"] = training,
        ["completedOn"] = completedOn,
        ["hours"] = hours,
        ["passed"] = passed,
    };

    [Fact]
    public async Task Valid_records_are_written_invalid_ones_reported_and_a_resend_is_unchanged()
    {
        var grid = _data.GridWorker.IdNumber.Unmasked;
        var batch = new object?[]
        {
            Record(grid, "JS-2025-001"),
            Record(_data.Staff.IdNumber.Unmasked, "CN-2025-001", completedOn: null, hours: 0, passed: false),
            Record(UnknownIdNumber, "JS-2025-001"),
            Record(_suzhou.Worker.IdNumber.Unmasked, "JS-2025-001"),
            Record(grid, "NO-SUCH-CODE"),
            Record(grid, "SZ-2025-001"),
            Record(grid, "CN-2025-001", hours: -1),
            Record(BadIdNumber, "CN-2025-001"),
            Record(grid, "JS-2025-001", hours: 8),
        };

        var first = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { records = batch });

        var payload = first.EnsureSuccess().Data!["upsertTrainingRecords"]!;
        Assert.True(Counts(payload) == (2, 0, 0), first.Text);
        Assert.Equal(
            [
                (2, "UNKNOWN_WORKER", "workerIdNumber"), (3, "UNKNOWN_WORKER", "workerIdNumber"), (4, "UNKNOWN_TRAINING", "trainingCode"),
                (5, "UNKNOWN_TRAINING", "trainingCode"), (6, "INVALID_VALUE", "hours"), (7, "INVALID_ID_NUMBER", "workerIdNumber"),
                (8, "DUPLICATE_IN_BATCH", null),
            ],
            Errors(payload));
        Assert.Equal(["JS-2025-001", "CN-2025-001"], payload["trainingRecords"]!.AsArray().Select(r => r!["training"]!["code"]!.GetValue<string>()));
        Assert.Null(payload["trainingRecords"]![1]!["completedOn"]);

        var again = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { records = batch });
        var second = again.EnsureSuccess().Data!["upsertTrainingRecords"]!;
        Assert.Equal((0, 0, 2), Counts(second));
        Assert.Equal(Errors(payload), Errors(second));
        await using var db = Db(_factory);
        var logged = await db.ChangeLog.Where(c => c.EntityType == ChangeEntityType.TrainingRecord).ToListAsync();
        Assert.Equal([_data.Staff.Id, _data.GridWorker.Id], logged.Select(c => c.WorkerId!.Value).Order());
    }

    [Fact]
    public async Task An_update_is_logged_with_the_changed_fields()
    {
        // 李强's record of the provincial programme: not completed, not passed (the small workforce).
        var response = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { records = new[] { Record(_data.Staff.IdNumber.Unmasked, "JS-2025-001", completedOn: "2025-03-12") } });

        Assert.True(Counts(response.EnsureSuccess().Data!["upsertTrainingRecords"]!) == (0, 1, 0), response.Text);
        await using var db = Db(_factory);
        var last = await db.ChangeLog.SingleAsync();
        Assert.Equal((ChangeEntityType.TrainingRecord, _data.Staff.Id, "320102001001"), (last.EntityType, last.WorkerId!.Value, last.ScopeCode));
        Assert.Equal(["completedOn", "passed"], FieldNames(last.Fields));
        var record = await db.TrainingRecords.SingleAsync(r => r.WorkerId == _data.Staff.Id);
        Assert.Equal((new DateOnly(2025, 3, 12), true), (record.CompletedOn, record.Passed));
    }

    [Fact]
    public async Task Deletes_leave_tombstones_hide_other_regions_and_repeat_as_unchanged()
    {
        var keys = new object[]
        {
            new { workerIdNumber = _data.Secretary.IdNumber.Unmasked, trainingCode = "JS-2025-001" },
            new { workerIdNumber = _data.GridWorker.IdNumber.Unmasked, trainingCode = "JS-2025-001" },
            new { workerIdNumber = _data.Staff.IdNumber.Unmasked, trainingCode = "" },
        };

        var outside = await _factory.GraphQL(WorkforceApiFactory.Token("integrator", "3205")).PostAsync(Delete, new { records = keys });
        Assert.Equal((0, 2), DeleteCounts(outside.EnsureSuccess().Data!["deleteTrainingRecords"]!));

        var response = await _factory.GraphQL(Integrator).PostAsync(Delete, new { records = keys });

        var payload = response.EnsureSuccess().Data!["deleteTrainingRecords"]!;
        Assert.True(DeleteCounts(payload) == (1, 1), response.Text);
        Assert.Equal([(2, "INVALID_VALUE", "trainingCode")], Errors(payload));
        await using var db = Db(_factory);
        Assert.False(await db.TrainingRecords.AnyAsync(r => r.WorkerId == _data.Secretary.Id));
        var tombstone = await db.ChangeLog.SingleAsync();
        Assert.Equal((ChangeEntityType.TrainingRecord, ChangeOperation.Delete, _data.Secretary.Id), (tombstone.EntityType, tombstone.Operation, tombstone.WorkerId!.Value));

        var again = await _factory.GraphQL(Integrator).PostAsync(Delete, new { records = keys });
        Assert.Equal((0, 2), DeleteCounts(again.EnsureSuccess().Data!["deleteTrainingRecords"]!));
    }

    [Fact]
    public async Task Analysts_may_not_write_training_records()
    {
        var analyst = _factory.GraphQL(WorkforceApiFactory.Token("analyst", "32"));
        var upsert = await analyst.PostAsync(Upsert, new { records = new[] { Record(_data.GridWorker.IdNumber.Unmasked, "JS-2025-001") } });
        var delete = await analyst.PostAsync(Delete, new { records = new[] { new { workerIdNumber = _data.Secretary.IdNumber.Unmasked, trainingCode = "JS-2025-001" } } });

        Assert.Equal(("AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHORIZED"), (upsert.FirstErrorCode, delete.FirstErrorCode));
        await using var db = Db(_factory);
        Assert.Equal(2, await db.TrainingRecords.CountAsync());
    }
}

using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.Testing;
using static WorkforceGraph.Features.Tests.Integration.BatchTestRows;

namespace WorkforceGraph.Features.Tests.Integration;

/// <summary>
/// <c>upsertAssessments</c> / <c>deleteAssessments</c> over HTTP: per-record errors, scores and dates, scope,
/// full-record semantics, idempotence, the change log and deletes.
/// </summary>
public sealed class AssessmentBatchTests : IAsyncLifetime
{
    private const string Upsert = """
        mutation Push($assessments: [AssessmentInput!]!) {
          upsertAssessments(input: { assessments: $assessments }) {
            assessments { id year result politicalScore residentSatisfaction assessedOn unit { code } worker { name } }
            created updated unchanged
            errors { index code field message }
          }
        }
        """;

    private const string Delete = """
        mutation Drop($assessments: [AssessmentKeyInput!]!) {
          deleteAssessments(input: { assessments: $assessments }) { deletedIds deleted unchanged errors { index code field } }
        }
        """;

    private const string Meiyuan = "320102001001";

    private static readonly string Integrator = WorkforceApiFactory.Token("integrator", "3201");

    private readonly WorkforceApiFactory _factory = new();
    private SmallWorkforce _data = null!;
    private Elsewhere _suzhou = null!;

    public async Task InitializeAsync()
    {
        _data = await SmallWorkforce.CreateAsync(_factory);
        _suzhou = await AddSuzhouAsync(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static Dictionary<string, object?> Assessment(string idNumber, int year, string community = Meiyuan, string result = "COMPETENT", string? assessedOn = null) => new()
    {
        ["workerIdNumber"] = idNumber,
        ["year"] = year,
        ["communityCode"] = community,
        ["result"] = result,
        ["politicalScore"] = 90m,
        ["performanceScore"] = 88.5m,
        ["residentSatisfaction"] = 92m,
        ["assessedOn"] = assessedOn ?? $"{year}-12-20",
    };

    [Fact]
    public async Task Valid_records_are_written_invalid_ones_reported_and_a_resend_is_unchanged()
    {
        var staff = _data.Staff.IdNumber.Unmasked;
        var unscored = Assessment(_data.Secretary.IdNumber.Unmasked, 2022, result: "EXCELLENT", assessedOn: "2023-01-10");
        unscored["politicalScore"] = null;
        unscored["performanceScore"] = null;
        unscored["residentSatisfaction"] = null;
        var score = Assessment(staff, 2021);
        score["politicalScore"] = 100.5m;
        var batch = new object?[]
        {
            Assessment(staff, 2024),
            unscored,
            Assessment(staff, 2023, assessedOn: "2025-01-01"),
            score,
            Assessment(UnknownIdNumber, 2024),
            Assessment(_suzhou.Worker.IdNumber.Unmasked, 2024),
            Assessment(staff, 2020, community: _suzhou.Community.Code),
            Assessment(staff, 2019, community: "320102001099"),
            Assessment(staff, 1900),
            Assessment(staff, 2024, result: "EXCELLENT"),
            Assessment(staff, 2022, assessedOn: "2021-12-31"),
        };

        var first = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { assessments = batch });

        var payload = first.EnsureSuccess().Data!["upsertAssessments"]!;
        Assert.True(Counts(payload) == (2, 0, 0), first.Text);
        Assert.Equal(
            [
                (2, "INVALID_VALUE", "assessedOn"), (3, "INVALID_VALUE", "politicalScore"), (4, "UNKNOWN_WORKER", "workerIdNumber"),
                (5, "UNKNOWN_WORKER", "workerIdNumber"), (6, "OUT_OF_SCOPE", "communityCode"), (7, "UNKNOWN_COMMUNITY", "communityCode"),
                (8, "INVALID_VALUE", "year"), (9, "DUPLICATE_IN_BATCH", null), (10, "INVALID_VALUE", "assessedOn"),
            ],
            Errors(payload));
        var written = payload["assessments"]!.AsArray();
        Assert.Equal([Meiyuan, Meiyuan], written.Select(a => a!["unit"]!["code"]!.GetValue<string>()));
        Assert.Null(written[1]!["politicalScore"]);
        Assert.Equal("2023-01-10", written[1]!["assessedOn"]!.GetValue<string>());

        var again = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { assessments = batch });
        var second = again.EnsureSuccess().Data!["upsertAssessments"]!;
        Assert.Equal((0, 0, 2), Counts(second));
        Assert.Equal(Errors(payload), Errors(second));
        await using var db = Db(_factory);
        Assert.Equal(2, await db.ChangeLog.CountAsync(c => c.EntityType == ChangeEntityType.Assessment));
    }

    [Fact]
    public async Task An_update_is_logged_with_the_changed_fields_and_a_score_left_out_is_stored_as_null()
    {
        // 王秀英's 2024 assessment (the small workforce): COMPETENT, scores 90 / 88.5 / 92, decided on 2024-12-20.
        var secretary = _data.Secretary.IdNumber.Unmasked;
        var response = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { assessments = new[] { Assessment(secretary, 2024, result: "EXCELLENT") } });

        Assert.True(Counts(response.EnsureSuccess().Data!["upsertAssessments"]!) == (0, 1, 0), response.Text);
        await using (var db = Db(_factory))
        {
            var last = await db.ChangeLog.SingleAsync();
            Assert.Equal((ChangeEntityType.Assessment, _data.Secretary.Id, Meiyuan), (last.EntityType, last.WorkerId!.Value, last.ScopeCode));
            Assert.Equal(["result"], FieldNames(last.Fields));
        }

        var partial = Assessment(secretary, 2024, result: "EXCELLENT");
        partial.Remove("residentSatisfaction");
        var second = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { assessments = new[] { partial } });
        Assert.Equal((0, 1, 0), Counts(second.EnsureSuccess().Data!["upsertAssessments"]!));
        await using var after = Db(_factory);
        var stored = await after.Assessments.SingleAsync(a => a.WorkerId == _data.Secretary.Id && a.Year == 2024);
        Assert.Equal((AssessmentResult.Excellent, (decimal?)null, (decimal?)90m), (stored.Result, stored.ResidentSatisfaction, stored.PoliticalScore));
    }

    [Fact]
    public async Task Deletes_leave_tombstones_hide_other_regions_and_repeat_as_unchanged()
    {
        var keys = new object[]
        {
            new { workerIdNumber = _data.Secretary.IdNumber.Unmasked, year = 2023 },
            new { workerIdNumber = _data.Secretary.IdNumber.Unmasked, year = 2020 },
            new { workerIdNumber = _data.Secretary.IdNumber.Unmasked, year = 1800 },
        };

        var outside = await _factory.GraphQL(WorkforceApiFactory.Token("integrator", "3205")).PostAsync(Delete, new { assessments = keys });
        Assert.Equal((0, 2), DeleteCounts(outside.EnsureSuccess().Data!["deleteAssessments"]!));

        var response = await _factory.GraphQL(Integrator).PostAsync(Delete, new { assessments = keys });

        var payload = response.EnsureSuccess().Data!["deleteAssessments"]!;
        Assert.True(DeleteCounts(payload) == (1, 1), response.Text);
        Assert.Equal([(2, "INVALID_VALUE", "year")], Errors(payload));
        await using var db = Db(_factory);
        Assert.Equal([2024], await db.Assessments.Where(a => a.WorkerId == _data.Secretary.Id).Select(a => a.Year).ToListAsync());
        var tombstone = await db.ChangeLog.SingleAsync();
        Assert.Equal((ChangeEntityType.Assessment, ChangeOperation.Delete, _data.Secretary.Id), (tombstone.EntityType, tombstone.Operation, tombstone.WorkerId!.Value));

        var again = await _factory.GraphQL(Integrator).PostAsync(Delete, new { assessments = keys });
        Assert.Equal((0, 2), DeleteCounts(again.EnsureSuccess().Data!["deleteAssessments"]!));
    }

    [Fact]
    public async Task Analysts_may_not_write_assessments()
    {
        var analyst = _factory.GraphQL(WorkforceApiFactory.Token("analyst", "32"));
        var upsert = await analyst.PostAsync(Upsert, new { assessments = new[] { Assessment(_data.Staff.IdNumber.Unmasked, 2024) } });
        var delete = await analyst.PostAsync(Delete, new { assessments = new[] { new { workerIdNumber = _data.Secretary.IdNumber.Unmasked, year = 2023 } } });

        Assert.Equal(("AUTH_NOT_AUTHORIZED", "AUTH_NOT_AUTHORIZED"), (upsert.FirstErrorCode, delete.FirstErrorCode));
        await using var db = Db(_factory);
        Assert.Equal(2, await db.Assessments.CountAsync());
    }
}

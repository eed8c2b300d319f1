using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Data.GradeSchemes;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.Testing;
using static WorkforceGraph.Features.Tests.Integration.RegionBatchTests;

namespace WorkforceGraph.Features.Tests.Integration;

/// <summary><c>upsertGradeSchemes</c> / <c>deleteGradeSchemes</c> over HTTP: ranges as child rows, defaults, scope, the change log.</summary>
public sealed class GradeSchemeBatchTests : IAsyncLifetime
{
    private const string Upsert = """
        mutation Push($gradeSchemes: [GradeSchemeInput!]!) {
          upsertGradeSchemes(input: { gradeSchemes: $gradeSchemes }) {
            gradeSchemes { id code region { code } yearsPerStep categories { category minGrade maxGrade } }
            created updated unchanged
            errors { index code field message }
          }
        }
        """;

    private const string Delete = """
        mutation Drop($gradeSchemes: [GradeSchemeKeyInput!]!) {
          deleteGradeSchemes(input: { gradeSchemes: $gradeSchemes }) { deletedIds deleted unchanged errors { index code field message } }
        }
        """;

    private static readonly string Integrator = WorkforceApiFactory.Token("integrator", "32");

    private readonly WorkforceApiFactory _factory = new();
    private SmallWorkforce _data = null!;

    public async Task InitializeAsync() => _data = await SmallWorkforce.CreateAsync(_factory);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>The common 三岗十八级 scheme of 江苏省, every field given.</summary>
    internal static Dictionary<string, object?> NewScheme(string code = "JS-3x18", string regionCode = "320000000000") => new()
    {
        ["code"] = code,
        ["name"] = "江苏省社区工作者三岗十八级岗位等级序列",
        ["regionCode"] = regionCode,
        ["effectiveFrom"] = "2021-01-01",
        ["yearsPerStep"] = 3,
        ["bachelorBonus"] = 1,
        ["masterBonus"] = 2,
        ["doctorBonus"] = 3,
        ["assistantBonus"] = 1,
        ["intermediateBonus"] = 2,
        ["seniorBonus"] = 3,
        ["excellentQuotaPercent"] = 15,
        ["categories"] = new object[] { Range("PRINCIPAL", 7, 18), Range("DEPUTY", 4, 15), Range("STAFF", 1, 12) },
    };

    [Fact]
    public async Task Valid_records_are_written_with_their_ranges_invalid_ones_reported_and_a_resend_is_unchanged()
    {
        var prefecture = NewScheme("NJ-3x12", _data.Prefecture.Code);
        foreach (var field in new[] { "bachelorBonus", "masterBonus", "doctorBonus", "assistantBonus", "intermediateBonus", "seniorBonus" })
        {
            prefecture.Remove(field);
        }

        prefecture["yearsPerStep"] = 2;
        prefecture["categories"] = new object[] { Range("PRINCIPAL", 5, 12), Range("STAFF", 1, 8) };
        var county = NewScheme("XW-1", _data.County.Code);
        var unknown = NewScheme("SZ-1", "320500000000");
        var outside = NewScheme("ZJ-1", "330000000000");
        var twice = NewScheme("JS-2");
        twice["categories"] = new object[] { Range("STAFF", 1, 12), Range("STAFF", 2, 10) };
        var steps = NewScheme("JS-3");
        steps["yearsPerStep"] = 0;
        var inverted = NewScheme("JS-4");
        inverted["categories"] = new object[] { Range("DEPUTY", 9, 4) };
        var bonus = NewScheme("JS-5");
        bonus["masterBonus"] = 11;
        var none = NewScheme("JS-6");
        none["categories"] = Array.Empty<object>();
        var spaced = NewScheme("JS 7");
        var batch = new object?[] { NewScheme(), prefecture, county, unknown, outside, twice, steps, inverted, NewScheme(), bonus, none, spaced };

        var first = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { gradeSchemes = batch });

        var payload = first.EnsureSuccess().Data!["upsertGradeSchemes"]!;
        Assert.True((2, 0, 0) == Counts(payload), first.Text);
        Assert.Equal(
            [
                (2, "INVALID_DIVISION_CODE", "regionCode"), (3, "UNKNOWN_REGION", "regionCode"), (4, "OUT_OF_SCOPE", "regionCode"), (5, "INVALID_VALUE", "categories"),
                (6, "INVALID_VALUE", "yearsPerStep"), (7, "INVALID_VALUE", "categories"), (8, "DUPLICATE_IN_BATCH", null), (9, "INVALID_VALUE", "masterBonus"),
                (10, "INVALID_VALUE", "categories"), (11, "INVALID_VALUE", "code"),
            ],
            Errors(payload));
        await using (var db = Db())
        {
            var nanjing = await db.GradeSchemes.Include(s => s.Ranges).SingleAsync(s => s.Code == "NJ-3x12");
            Assert.Equal((_data.Prefecture.Id, 2, 15), (nanjing.RegionId, nanjing.YearsPerStep, nanjing.ExcellentQuotaPercent));
            Assert.Equal((1, 2, 3, 1, 2, 3), (nanjing.BachelorBonus, nanjing.MasterBonus, nanjing.DoctorBonus, nanjing.AssistantBonus, nanjing.IntermediateBonus, nanjing.SeniorBonus));
            Assert.Equal([(PostCategory.Principal, 5, 12), (PostCategory.Staff, 1, 8)], nanjing.Ranges.OrderBy(r => r.Category).Select(r => (r.Category, r.MinGrade, r.MaxGrade)));
            Assert.Equal(5, await db.GradeRanges.CountAsync());
            Assert.Equal(2, await db.ChangeLog.CountAsync(c => c.EntityType == ChangeEntityType.GradeScheme));
        }

        var again = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { gradeSchemes = batch });
        var second = again.EnsureSuccess().Data!["upsertGradeSchemes"]!;
        Assert.Equal((0, 0, 2), Counts(second));
        Assert.Equal(10, second["errors"]!.AsArray().Count);
        await using var after = Db();
        Assert.Equal(2, await after.ChangeLog.CountAsync(c => c.EntityType == ChangeEntityType.GradeScheme));
        Assert.Equal(5, await after.GradeRanges.CountAsync());
    }

    [Fact]
    public async Task Changed_ranges_alone_make_an_update_and_a_move_logs_the_changed_fields()
    {
        await _factory.GraphQL(Integrator).PostAsync(Upsert, new { gradeSchemes = new[] { NewScheme() } });
        var widened = NewScheme();
        widened["categories"] = new object[] { Range("PRINCIPAL", 7, 18), Range("STAFF", 1, 13) };

        var ranges = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { gradeSchemes = new[] { widened } });

        Assert.True((0, 1, 0) == Counts(ranges.EnsureSuccess().Data!["upsertGradeSchemes"]!), ranges.Text);
        await using (var db = Db())
        {
            var scheme = await db.GradeSchemes.Include(s => s.Ranges).SingleAsync(s => s.Code == "JS-3x18");
            Assert.Equal([(PostCategory.Principal, 7, 18), (PostCategory.Staff, 1, 13)], scheme.Ranges.OrderBy(r => r.Category).Select(r => (r.Category, r.MinGrade, r.MaxGrade)));
            var last = await db.ChangeLog.OrderByDescending(c => c.Id).FirstAsync();
            Assert.Equal((ChangeEntityType.GradeScheme, ChangeOperation.Upsert, scheme.Id), (last.EntityType, last.Operation, last.EntityId));
            Assert.Equal(2, await db.ChangeLog.CountAsync());
        }

        var moved = NewScheme(regionCode: _data.Prefecture.Code);
        moved["categories"] = widened["categories"];
        moved["yearsPerStep"] = 4;
        var response = await _factory.GraphQL(WorkforceApiFactory.TokenFor("platform-js", "integrator", "32")).PostAsync(Upsert, new { gradeSchemes = new[] { moved } });

        var payload = response.EnsureSuccess().Data!["upsertGradeSchemes"]!;
        Assert.True((0, 1, 0) == Counts(payload), response.Text);
        Assert.Equal(_data.Prefecture.Code, payload["gradeSchemes"]![0]!["region"]!["code"]!.GetValue<string>());
        await using (var db = Db())
        {
            var last = await db.ChangeLog.OrderByDescending(c => c.Id).FirstAsync();
            Assert.Equal(("platform-js", _data.Prefecture.Code), (last.Actor, last.ScopeCode));
            var fields = JsonNode.Parse(last.Fields!)!.AsObject();
            Assert.Equal(["regionCode", "yearsPerStep"], fields.Select(f => f.Key).Order());
            Assert.Equal((_data.Prefecture.Code, 4), (fields["regionCode"]!.GetValue<string>(), fields["yearsPerStep"]!.GetValue<int>()));
        }

        var resend = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { gradeSchemes = new[] { moved } });
        Assert.Equal((0, 0, 1), Counts(resend.EnsureSuccess().Data!["upsertGradeSchemes"]!));
    }

    [Fact]
    public async Task Schemes_of_other_regions_or_above_the_writer_are_out_of_scope()
    {
        await _factory.GraphQL(Integrator).PostAsync(Upsert, new { gradeSchemes = new[] { NewScheme(), NewScheme("NJ-3x12", _data.Prefecture.Code) } });
        var nanjing = WorkforceApiFactory.Token("integrator", "3201");
        var other = WorkforceApiFactory.Token("integrator", "3202");

        var province = await _factory.GraphQL(nanjing).PostAsync(Upsert, new { gradeSchemes = new[] { NewScheme(), NewScheme("NJ-new") } });
        Assert.Equal([(0, "OUT_OF_SCOPE", "code"), (1, "OUT_OF_SCOPE", "regionCode")], Errors(province.EnsureSuccess().Data!["upsertGradeSchemes"]!));

        var otherUpsert = await _factory.GraphQL(other).PostAsync(Upsert, new { gradeSchemes = new[] { NewScheme("NJ-3x12", "320200000000") } });
        Assert.Equal([(0, "OUT_OF_SCOPE", "code")], Errors(otherUpsert.EnsureSuccess().Data!["upsertGradeSchemes"]!));

        var deleteAbove = await _factory.GraphQL(nanjing).PostAsync(Delete, new { gradeSchemes = new[] { Key("JS-3x18") } });
        Assert.Equal([(0, "OUT_OF_SCOPE", "code")], Errors(deleteAbove.EnsureSuccess().Data!["deleteGradeSchemes"]!));

        var deleteElsewhere = await _factory.GraphQL(other).PostAsync(Delete, new { gradeSchemes = new[] { Key("NJ-3x12") } });
        var elsewhere = deleteElsewhere.EnsureSuccess().Data!["deleteGradeSchemes"]!;
        Assert.Equal((0, 1), (elsewhere["deleted"]!.GetValue<int>(), elsewhere["unchanged"]!.GetValue<int>()));

        await using var db = Db();
        Assert.Equal(2, await db.GradeSchemes.CountAsync());
        Assert.Equal(_data.Prefecture.Id, (await db.GradeSchemes.SingleAsync(s => s.Code == "NJ-3x12")).RegionId);
    }

    [Fact]
    public async Task Deletes_remove_the_scheme_with_its_ranges_leave_a_tombstone_and_repeat_as_unchanged()
    {
        await _factory.GraphQL(Integrator).PostAsync(Upsert, new { gradeSchemes = new[] { NewScheme(), NewScheme("NJ-3x12", _data.Prefecture.Code) } });
        int id;
        await using (var db = Db())
        {
            id = (await db.GradeSchemes.SingleAsync(s => s.Code == "NJ-3x12")).Id;
        }

        var response = await _factory.GraphQL(WorkforceApiFactory.Token("integrator", "3201"))
            .PostAsync(Delete, new { gradeSchemes = new[] { Key("NJ-3x12"), Key("NO-SUCH"), Key(" ") } });

        var payload = response.EnsureSuccess().Data!["deleteGradeSchemes"]!;
        Assert.True((1, 1) == (payload["deleted"]!.GetValue<int>(), payload["unchanged"]!.GetValue<int>()), response.Text);
        Assert.Equal([(2, "INVALID_VALUE", "code")], Errors(payload));
        await using (var db = Db())
        {
            Assert.False(await db.GradeSchemes.AnyAsync(s => s.Id == id));
            Assert.False(await db.GradeRanges.AnyAsync(r => r.GradeSchemeId == id));
            Assert.Equal(3, await db.GradeRanges.CountAsync());
            var tombstone = await db.ChangeLog.SingleAsync(c => c.Operation == ChangeOperation.Delete);
            Assert.Equal((ChangeEntityType.GradeScheme, id, _data.Prefecture.Code), (tombstone.EntityType, tombstone.EntityId, tombstone.ScopeCode));
        }

        var again = await _factory.GraphQL(Integrator).PostAsync(Delete, new { gradeSchemes = new[] { Key("NJ-3x12") } });
        Assert.Equal((0, 1), (again.Data!["deleteGradeSchemes"]!["deleted"]!.GetValue<int>(), again.Data!["deleteGradeSchemes"]!["unchanged"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Analysts_may_not_write_grade_schemes()
    {
        var analyst = WorkforceApiFactory.Token("analyst", "32");
        Assert.Equal("AUTH_NOT_AUTHORIZED", (await _factory.GraphQL(analyst).PostAsync(Upsert, new { gradeSchemes = new[] { NewScheme() } })).FirstErrorCode);
        Assert.Equal("AUTH_NOT_AUTHORIZED", (await _factory.GraphQL(analyst).PostAsync(Delete, new { gradeSchemes = new[] { Key("JS-3x18") } })).FirstErrorCode);
        await using var db = Db();
        Assert.Equal(0, await db.GradeSchemes.CountAsync());
    }

    private static Dictionary<string, object?> Range(string category, int min, int max) => new() { ["category"] = category, ["minGrade"] = min, ["maxGrade"] = max };

    private static Dictionary<string, object?> Key(string code) => new() { ["code"] = code };

    private WorkforceDbContext Db() => _factory.Services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>().CreateDbContext();
}

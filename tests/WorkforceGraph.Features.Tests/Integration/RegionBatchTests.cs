using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Integration;

/// <summary><c>upsertRegions</c> / <c>deleteRegions</c> over HTTP: derived level and parent, scope, IN_USE, the change log.</summary>
public sealed class RegionBatchTests : IAsyncLifetime
{
    private const string Upsert = """
        mutation Push($regions: [RegionInput!]!) {
          upsertRegions(input: { regions: $regions }) {
            regions { id code name level parent { code } }
            created updated unchanged
            errors { index code field message }
          }
        }
        """;

    private const string Delete = """
        mutation Drop($regions: [RegionKeyInput!]!) {
          deleteRegions(input: { regions: $regions }) { deletedIds deleted unchanged errors { index code field message } }
        }
        """;

    private static readonly string Integrator = WorkforceApiFactory.Token("integrator", "32");

    private readonly WorkforceApiFactory _factory = new();
    private SmallWorkforce _data = null!;

    public async Task InitializeAsync() => _data = await SmallWorkforce.CreateAsync(_factory);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Valid_records_are_written_with_derived_level_and_parent_invalid_ones_reported_and_a_resend_is_unchanged()
    {
        var batch = new object[]
        {
            Region("320200000000", "无锡市"),
            Region("320205000000", "锡山区"),
            Region("320102001001", "梅园社区"),
            Region("320399000000", "无父县"),
            Region("330100000000", "杭州市"),
            Region("320206000000", new string('长', 101)),
            Region("320200000000", "无锡市"),
            Region(_data.Township.Code, _data.Township.Name),
            Region("320205001000", "东亭街道"),
        };

        var first = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { regions = batch });

        var payload = first.EnsureSuccess().Data!["upsertRegions"]!;
        Assert.True((3, 0, 1) == Counts(payload), first.Text);
        Assert.Equal(["320200000000", "320205000000", _data.Township.Code, "320205001000"], payload["regions"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()));
        Assert.Equal(
            [
                (2, "INVALID_DIVISION_CODE", "code"), (3, "UNKNOWN_REGION", "code"), (4, "OUT_OF_SCOPE", "code"), (5, "INVALID_VALUE", "name"),
                (6, "DUPLICATE_IN_BATCH", null),
            ],
            Errors(payload));

        await using (var db = Db())
        {
            var county = await db.Regions.Include(r => r.Parent).SingleAsync(r => r.Code == "320205000000");
            Assert.Equal((RegionLevel.County, "320200000000"), (county.Level, county.Parent!.Code));
            var township = await db.Regions.Include(r => r.Parent).SingleAsync(r => r.Code == "320205001000");
            Assert.Equal((RegionLevel.Township, county.Id), (township.Level, township.ParentId));
            Assert.Equal(_data.Province.Id, (await db.Regions.SingleAsync(r => r.Code == "320200000000")).ParentId);
            Assert.Equal(3, await db.ChangeLog.CountAsync(c => c.EntityType == ChangeEntityType.Region));
        }

        var again = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { regions = batch });
        var second = again.EnsureSuccess().Data!["upsertRegions"]!;
        Assert.Equal((0, 0, 4), Counts(second));
        Assert.Equal(5, second["errors"]!.AsArray().Count);
        await using var after = Db();
        Assert.Equal(3, await after.ChangeLog.CountAsync(c => c.EntityType == ChangeEntityType.Region));
    }

    [Fact]
    public async Task A_parent_must_come_before_its_child_in_the_batch()
    {
        var response = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { regions = new[] { Region("320105001000", "莫愁湖街道"), Region("320105000000", "建邺区") } });

        var payload = response.EnsureSuccess().Data!["upsertRegions"]!;
        Assert.Equal((1, 0, 0), Counts(payload));
        Assert.Equal([(0, "UNKNOWN_REGION", "code")], Errors(payload));
        Assert.Contains("320105000000", payload["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rename_is_an_update_logged_with_the_changed_field()
    {
        var response = await _factory.GraphQL(WorkforceApiFactory.TokenFor("platform-nj", "integrator", "3201"))
            .PostAsync(Upsert, new { regions = new[] { Region(_data.County.Code, "玄武区（新）") } });

        var payload = response.EnsureSuccess().Data!["upsertRegions"]!;
        Assert.True((0, 1, 0) == Counts(payload), response.Text);
        Assert.Equal("COUNTY", payload["regions"]![0]!["level"]!.GetValue<string>());
        Assert.Equal(_data.Prefecture.Code, payload["regions"]![0]!["parent"]!["code"]!.GetValue<string>());
        await using var db = Db();
        var last = await db.ChangeLog.OrderByDescending(c => c.Id).FirstAsync();
        Assert.Equal(("platform-nj", ChangeEntityType.Region, ChangeOperation.Upsert, _data.County.Id, _data.County.Code), (last.Actor, last.EntityType, last.Operation, last.EntityId, last.ScopeCode));
        var fields = JsonNode.Parse(last.Fields!)!.AsObject();
        Assert.Equal(["name"], fields.Select(f => f.Key));
        Assert.Equal("玄武区（新）", fields["name"]!.GetValue<string>());
        Assert.Equal("玄武区（新）", (await db.Regions.SingleAsync(r => r.Id == _data.County.Id)).Name);
    }

    [Fact]
    public async Task Writers_cannot_write_regions_outside_or_above_their_region()
    {
        var other = await _factory.GraphQL(WorkforceApiFactory.Token("integrator", "3202"))
            .PostAsync(Upsert, new { regions = new[] { Region(_data.Township.Code, "改名街道"), Region("320105000000", "建邺区") } });
        var otherPayload = other.EnsureSuccess().Data!["upsertRegions"]!;
        Assert.Equal([(0, "OUT_OF_SCOPE", "code"), (1, "OUT_OF_SCOPE", "code")], Errors(otherPayload));
        Assert.Equal(0, otherPayload["created"]!.GetValue<int>());

        var county = await _factory.GraphQL(WorkforceApiFactory.Token("integrator", "320102"))
            .PostAsync(Upsert, new { regions = new[] { Region(_data.Prefecture.Code, "南京"), Region(_data.Province.Code, "江苏"), Region(_data.County.Code, "玄武") } });
        var countyPayload = county.EnsureSuccess().Data!["upsertRegions"]!;
        Assert.Equal([(0, "OUT_OF_SCOPE", "code"), (1, "OUT_OF_SCOPE", "code")], Errors(countyPayload));
        Assert.Equal((0, 1, 0), Counts(countyPayload));

        await using var db = Db();
        Assert.Equal(_data.Township.Name, (await db.Regions.SingleAsync(r => r.Id == _data.Township.Id)).Name);
        Assert.Equal("南京市", (await db.Regions.SingleAsync(r => r.Id == _data.Prefecture.Id)).Name);
    }

    [Fact]
    public async Task Deletes_remove_unused_regions_refuse_used_ones_leave_tombstones_and_repeat_as_unchanged()
    {
        await _factory.GraphQL(Integrator).PostAsync(Upsert, new { regions = new[] { Region("320200000000", "无锡市"), Region("320205000000", "锡山区") } });
        await using (var before = Db())
        {
            Assert.Equal(2, await before.Regions.CountAsync(r => r.Code == "320200000000" || r.Code == "320205000000"));
        }

        var keys = new object[]
        {
            Key("320200000000"), Key("320205000000"), Key(_data.Township.Code), Key(_data.County.Code), Key(_data.Province.Code), Key("320102001001"), Key("330100000000"),
        };
        var response = await _factory.GraphQL(Integrator).PostAsync(Delete, new { regions = keys });

        var payload = response.EnsureSuccess().Data!["deleteRegions"]!;
        Assert.Equal((1, 1), (payload["deleted"]!.GetValue<int>(), payload["unchanged"]!.GetValue<int>()));
        Assert.Equal([(0, "IN_USE", "code"), (2, "IN_USE", "code"), (3, "IN_USE", "code"), (4, "IN_USE", "code"), (5, "INVALID_DIVISION_CODE", "code")], Errors(payload));
        var messages = payload["errors"]!.AsArray().Select(e => e!["message"]!.GetValue<string>()).ToList();
        Assert.Contains("child regions", messages[0], StringComparison.Ordinal);
        Assert.Contains("communities", messages[1], StringComparison.Ordinal);
        Assert.Contains("trainings", messages[3], StringComparison.Ordinal);

        // Its child gone, the prefecture is free.
        var parent = await _factory.GraphQL(Integrator).PostAsync(Delete, new { regions = new[] { Key("320200000000") } });
        Assert.Equal(1, parent.EnsureSuccess().Data!["deleteRegions"]!["deleted"]!.GetValue<int>());

        await using var db = Db();
        Assert.False(await db.Regions.AnyAsync(r => r.Code == "320200000000" || r.Code == "320205000000"));
        var tombstones = await db.ChangeLog.Where(c => c.Operation == ChangeOperation.Delete).ToListAsync();
        Assert.Equal(2, tombstones.Count);
        Assert.All(tombstones, t => Assert.Equal(ChangeEntityType.Region, t.EntityType));
        Assert.Equal(["320200000000", "320205000000"], tombstones.Select(t => t.ScopeCode).Order());

        var again = await _factory.GraphQL(Integrator).PostAsync(Delete, new { regions = new[] { Key("320200000000"), Key("320205000000") } });
        Assert.Equal((0, 2), (again.Data!["deleteRegions"]!["deleted"]!.GetValue<int>(), again.Data!["deleteRegions"]!["unchanged"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_child_deleted_earlier_in_the_batch_frees_its_parent_and_regions_with_grade_schemes_are_in_use()
    {
        await _factory.GraphQL(Integrator).PostAsync(Upsert, new { regions = new[] { Region("320200000000", "无锡市"), Region("320205000000", "锡山区") } });
        await _factory.WithDbAsync(db =>
        {
            new WorkforceBuilder(db).GradeScheme(db.Regions.Single(r => r.Code == _data.Prefecture.Code), "NJ-3x12", "南京市三岗十二级", (Data.Posts.PostCategory.Staff, 1, 8));
            return Task.CompletedTask;
        });

        var response = await _factory.GraphQL(Integrator).PostAsync(Delete, new { regions = new[] { Key("320205000000"), Key("320200000000"), Key(_data.Prefecture.Code) } });

        var payload = response.EnsureSuccess().Data!["deleteRegions"]!;
        Assert.True(payload["deleted"]!.GetValue<int>() == 2, response.Text);
        Assert.Equal([(2, "IN_USE", "code")], Errors(payload));
        Assert.Contains("grade schemes", payload["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regions_above_the_writer_are_out_of_scope_and_regions_elsewhere_are_invisible()
    {
        var above = await _factory.GraphQL(WorkforceApiFactory.Token("integrator", "3201")).PostAsync(Delete, new { regions = new[] { Key(_data.Province.Code) } });
        Assert.Equal([(0, "OUT_OF_SCOPE", "code")], Errors(above.EnsureSuccess().Data!["deleteRegions"]!));

        var elsewhere = await _factory.GraphQL(WorkforceApiFactory.Token("integrator", "3202")).PostAsync(Delete, new { regions = new[] { Key(_data.Township.Code) } });
        var payload = elsewhere.EnsureSuccess().Data!["deleteRegions"]!;
        Assert.Equal((0, 1), (payload["deleted"]!.GetValue<int>(), payload["unchanged"]!.GetValue<int>()));
        Assert.Empty(payload["errors"]!.AsArray());
    }

    [Fact]
    public async Task Analysts_may_not_write_regions()
    {
        var analyst = WorkforceApiFactory.Token("analyst", "32");
        var upsert = await _factory.GraphQL(analyst).PostAsync(Upsert, new { regions = new[] { Region("320200000000", "无锡市") } });
        Assert.Equal("AUTH_NOT_AUTHORIZED", upsert.FirstErrorCode);
        var delete = await _factory.GraphQL(analyst).PostAsync(Delete, new { regions = new[] { Key(_data.Township.Code) } });
        Assert.Equal("AUTH_NOT_AUTHORIZED", delete.FirstErrorCode);

        await using var db = Db();
        Assert.False(await db.Regions.AnyAsync(r => r.Code == "320200000000"));
        Assert.True(await db.Regions.AnyAsync(r => r.Code == _data.Township.Code));
    }

    internal static (int Created, int Updated, int Unchanged) Counts(JsonNode payload) =>
        (payload["created"]!.GetValue<int>(), payload["updated"]!.GetValue<int>(), payload["unchanged"]!.GetValue<int>());

    internal static List<(int, string, string?)> Errors(JsonNode payload) =>
        [.. payload["errors"]!.AsArray().Select(e => (e!["index"]!.GetValue<int>(), e["code"]!.GetValue<string>(), e["field"]?.GetValue<string>()))];

    private static Dictionary<string, object?> Region(string code, string name) => new() { ["code"] = code, ["name"] = name };

    private static Dictionary<string, object?> Key(string code) => new() { ["code"] = code };

    private WorkforceDbContext Db() => _factory.Services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>().CreateDbContext();
}

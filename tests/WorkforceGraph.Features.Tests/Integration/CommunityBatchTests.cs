using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.Testing;
using static WorkforceGraph.Features.Tests.Integration.RegionBatchTests;

namespace WorkforceGraph.Features.Tests.Integration;

/// <summary><c>upsertCommunities</c> / <c>deleteCommunities</c> over HTTP: the township from the code, scope, IN_USE, the change log.</summary>
public sealed class CommunityBatchTests : IAsyncLifetime
{
    private const string Upsert = """
        mutation Push($communities: [CommunityInput!]!) {
          upsertCommunities(input: { communities: $communities }) {
            communities { id code name urbanRuralClass region { code } residentPopulation households gridCount }
            created updated unchanged
            errors { index code field message }
          }
        }
        """;

    private const string Delete = """
        mutation Drop($communities: [CommunityKeyInput!]!) {
          deleteCommunities(input: { communities: $communities }) { deletedIds deleted unchanged errors { index code field message } }
        }
        """;

    private static readonly string Integrator = WorkforceApiFactory.Token("integrator", "32");

    private readonly WorkforceApiFactory _factory = new();
    private SmallWorkforce _data = null!;

    public async Task InitializeAsync() => _data = await SmallWorkforce.CreateAsync(_factory);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    internal static Dictionary<string, object?> NewCommunity(string code = "320102001003", string name = "玄武门社区", string urbanRuralClass = "111", int population = 8_000) => new()
    {
        ["code"] = code,
        ["name"] = name,
        ["urbanRuralClass"] = urbanRuralClass,
        ["residentPopulation"] = population,
        ["households"] = 2_900,
        ["gridCount"] = 5,
    };

    [Fact]
    public async Task Valid_records_are_written_invalid_ones_reported_and_a_resend_is_unchanged()
    {
        var negative = NewCommunity("320102001004", "负数社区");
        negative["households"] = -1;
        var asItIs = AsSent(_data.Meiyuan);
        var batch = new object?[]
        {
            NewCommunity(),
            NewCommunity("320102001000", "街道不是社区"),
            NewCommunity("320102001005", urbanRuralClass: "130"),
            NewCommunity("320102002001", "无街道社区"),
            NewCommunity("330102001001", "杭州社区"),
            negative,
            NewCommunity(name: "重复"),
            asItIs,
            NewCommunity("320102001202", "新村", "210", 900),
        };

        var first = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { communities = batch });

        var payload = first.EnsureSuccess().Data!["upsertCommunities"]!;
        Assert.True((2, 0, 1) == Counts(payload), first.Text);
        Assert.Equal(
            [
                (1, "INVALID_DIVISION_CODE", "code"), (2, "INVALID_VALUE", "urbanRuralClass"), (3, "UNKNOWN_REGION", "code"), (4, "OUT_OF_SCOPE", "code"),
                (5, "INVALID_VALUE", "households"), (6, "DUPLICATE_IN_BATCH", null),
            ],
            Errors(payload));
        Assert.All(payload["communities"]!.AsArray(), c => Assert.Equal(_data.Township.Code, c!["region"]!["code"]!.GetValue<string>()));
        await using (var db = Db())
        {
            var created = await db.Communities.SingleAsync(c => c.Code == "320102001003");
            Assert.Equal(("玄武门社区", "111", 8_000, 2_900, 5, _data.Township.Id), (created.Name, created.UrbanRuralClass, created.ResidentPopulation, created.Households, created.GridCount, created.RegionId));
            Assert.Equal(2, await db.ChangeLog.CountAsync(c => c.EntityType == ChangeEntityType.Community));
        }

        var again = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { communities = batch });
        var second = again.EnsureSuccess().Data!["upsertCommunities"]!;
        Assert.Equal((0, 0, 3), Counts(second));
        Assert.Equal(6, second["errors"]!.AsArray().Count);
        await using var after = Db();
        Assert.Equal(2, await after.ChangeLog.CountAsync(c => c.EntityType == ChangeEntityType.Community));
    }

    [Fact]
    public async Task An_update_changes_only_what_differs_and_logs_the_changed_fields()
    {
        var changed = AsSent(_data.Meiyuan);
        changed["residentPopulation"] = 12_000;
        changed["urbanRuralClass"] = "112";

        var response = await _factory.GraphQL(WorkforceApiFactory.TokenFor("platform-xw", "integrator", "320102")).PostAsync(Upsert, new { communities = new[] { changed } });

        Assert.True((0, 1, 0) == Counts(response.EnsureSuccess().Data!["upsertCommunities"]!), response.Text);
        await using var db = Db();
        var last = await db.ChangeLog.OrderByDescending(c => c.Id).FirstAsync();
        Assert.Equal(("platform-xw", ChangeEntityType.Community, ChangeOperation.Upsert, _data.Meiyuan.Id, _data.Meiyuan.Code), (last.Actor, last.EntityType, last.Operation, last.EntityId, last.ScopeCode));
        var fields = JsonNode.Parse(last.Fields!)!.AsObject();
        Assert.Equal(["residentPopulation", "urbanRuralClass"], fields.Select(f => f.Key).Order());
        Assert.Equal(12_000, fields["residentPopulation"]!.GetValue<int>());
        var row = await db.Communities.SingleAsync(c => c.Id == _data.Meiyuan.Id);
        Assert.Equal((12_000, "112", _data.Meiyuan.Households), (row.ResidentPopulation, row.UrbanRuralClass, row.Households));
    }

    [Fact]
    public async Task Communities_of_another_region_are_out_of_scope()
    {
        var changed = AsSent(_data.Meiyuan);
        changed["name"] = "改名社区";

        var response = await _factory.GraphQL(WorkforceApiFactory.Token("integrator", "3202")).PostAsync(Upsert, new { communities = new[] { changed, NewCommunity() } });

        var payload = response.EnsureSuccess().Data!["upsertCommunities"]!;
        Assert.Equal([(0, "OUT_OF_SCOPE", "code"), (1, "OUT_OF_SCOPE", "code")], Errors(payload));
        await using var db = Db();
        Assert.Equal(_data.Meiyuan.Name, (await db.Communities.SingleAsync(c => c.Id == _data.Meiyuan.Id)).Name);
        Assert.False(await db.Communities.AnyAsync(c => c.Code == "320102001003"));
    }

    [Fact]
    public async Task Deletes_remove_unused_communities_refuse_used_ones_leave_tombstones_and_repeat_as_unchanged()
    {
        await _factory.GraphQL(Integrator).PostAsync(Upsert, new { communities = new[] { NewCommunity() } });
        var keys = new[] { Key("320102001003"), Key(_data.Meiyuan.Code), Key(_data.Village.Code), Key(_data.Xinjiekou.Code), Key("320102001"), Key("320102001099") };

        var response = await _factory.GraphQL(Integrator).PostAsync(Delete, new { communities = keys });

        var payload = response.EnsureSuccess().Data!["deleteCommunities"]!;
        Assert.True((2, 1) == (payload["deleted"]!.GetValue<int>(), payload["unchanged"]!.GetValue<int>()), response.Text);
        Assert.Equal([(1, "IN_USE", "code"), (3, "IN_USE", "code"), (4, "INVALID_DIVISION_CODE", "code")], Errors(payload));
        var meiyuan = payload["errors"]![0]!["message"]!.GetValue<string>();
        Assert.Contains("posts", meiyuan, StringComparison.Ordinal);
        Assert.Contains("workers of record", meiyuan, StringComparison.Ordinal);
        Assert.Contains("assessments", meiyuan, StringComparison.Ordinal);

        await using var db = Db();
        Assert.False(await db.Communities.AnyAsync(c => c.Code == "320102001003" || c.Code == _data.Village.Code));
        Assert.True(await db.Communities.AnyAsync(c => c.Id == _data.Meiyuan.Id));
        var tombstones = await db.ChangeLog.Where(c => c.Operation == ChangeOperation.Delete).ToListAsync();
        Assert.Equal(2, tombstones.Count);
        Assert.Contains(tombstones, t => t.EntityType == ChangeEntityType.Community && t.EntityId == _data.Village.Id && t.ScopeCode == _data.Village.Code);

        var again = await _factory.GraphQL(Integrator).PostAsync(Delete, new { communities = new[] { Key("320102001003"), Key(_data.Village.Code) } });
        Assert.Equal((0, 2), (again.Data!["deleteCommunities"]!["deleted"]!.GetValue<int>(), again.Data!["deleteCommunities"]!["unchanged"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Communities_of_another_region_are_invisible_to_deletes()
    {
        var response = await _factory.GraphQL(WorkforceApiFactory.Token("integrator", "3202")).PostAsync(Delete, new { communities = new[] { Key(_data.Village.Code) } });

        var payload = response.EnsureSuccess().Data!["deleteCommunities"]!;
        Assert.Equal((0, 1), (payload["deleted"]!.GetValue<int>(), payload["unchanged"]!.GetValue<int>()));
        await using var db = Db();
        Assert.True(await db.Communities.AnyAsync(c => c.Id == _data.Village.Id));
    }

    [Fact]
    public async Task Analysts_may_not_write_communities()
    {
        var analyst = WorkforceApiFactory.Token("analyst", "32");
        Assert.Equal("AUTH_NOT_AUTHORIZED", (await _factory.GraphQL(analyst).PostAsync(Upsert, new { communities = new[] { NewCommunity() } })).FirstErrorCode);
        Assert.Equal("AUTH_NOT_AUTHORIZED", (await _factory.GraphQL(analyst).PostAsync(Delete, new { communities = new[] { Key(_data.Village.Code) } })).FirstErrorCode);
        await using var db = Db();
        Assert.False(await db.Communities.AnyAsync(c => c.Code == "320102001003"));
        Assert.True(await db.Communities.AnyAsync(c => c.Id == _data.Village.Id));
    }

    private static Dictionary<string, object?> AsSent(Community community) => new()
    {
        ["code"] = community.Code,
        ["name"] = community.Name,
        ["urbanRuralClass"] = community.UrbanRuralClass,
        ["residentPopulation"] = community.ResidentPopulation,
        ["households"] = community.Households,
        ["gridCount"] = community.GridCount,
    };

    private static Dictionary<string, object?> Key(string code) => new() { ["code"] = code };

    private WorkforceDbContext Db() => _factory.Services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>().CreateDbContext();
}

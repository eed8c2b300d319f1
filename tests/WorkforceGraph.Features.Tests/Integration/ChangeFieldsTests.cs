using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Changes;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Integration;

/// <summary>The fields the change log keeps name related rows by natural key, new ones included, and show child rows.</summary>
public sealed class ChangeFieldsTests : IAsyncLifetime
{
    private static readonly string Integrator = WorkforceApiFactory.Token("integrator", "32");

    private readonly WorkforceApiFactory _factory = new();

    public async Task InitializeAsync() => await SmallWorkforce.CreateAsync(_factory);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_region_created_with_its_new_parent_names_the_parent_by_code()
    {
        var response = await _factory.GraphQL(Integrator).PostAsync(
            "mutation { upsertRegions(input: { regions: [{ code: \"320500000000\", name: \"苏州市\" }, { code: \"320506000000\", name: \"吴中区\" }] }) { created errors { code } } }");

        Assert.Equal(2, response.EnsureSuccess().Data!["upsertRegions"]!["created"]!.GetValue<int>());
        var county = await FieldsAsync(ChangeEntityType.Region, 1);
        Assert.Equal("320500000000", county["parentCode"]!.GetValue<string>());
        Assert.Equal("吴中区", county["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_grade_scheme_shows_its_categories_when_created_and_when_only_they_change()
    {
        var scheme = GradeSchemeBatchTests.NewScheme();
        const string upsert = "mutation($s: [GradeSchemeInput!]!) { upsertGradeSchemes(input: { gradeSchemes: $s }) { created updated errors { code field } } }";
        Assert.Equal(1, (await _factory.GraphQL(Integrator).PostAsync(upsert, new { s = new[] { scheme } })).EnsureSuccess().Data!["upsertGradeSchemes"]!["created"]!.GetValue<int>());
        var created = await FieldsAsync(ChangeEntityType.GradeScheme, 0);
        Assert.Equal(3, created["categories"]!.AsArray().Count);

        var categories = (System.Collections.IList)scheme["categories"]!;
        var first = (Dictionary<string, object?>)categories[0]!;
        first["maxGrade"] = (int)first["maxGrade"]! - 1;
        var updated = await _factory.GraphQL(Integrator).PostAsync(upsert, new { s = new[] { scheme } });
        Assert.Equal(1, updated.EnsureSuccess().Data!["upsertGradeSchemes"]!["updated"]!.GetValue<int>());

        var changed = await FieldsAsync(ChangeEntityType.GradeScheme, 1);
        var ranges = changed["categories"]!.AsArray();
        Assert.Contains(ranges, r => r!["maxGrade"]!.GetValue<int>() == (int)first["maxGrade"]!);
    }

    // The fields of the n-th change-log entry of a type, oldest first.
    private async Task<JsonObject> FieldsAsync(ChangeEntityType type, int n)
    {
        await using var db = _factory.Services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>().CreateDbContext();
        var entry = await db.ChangeLog.Where(c => c.EntityType == type).OrderBy(c => c.Id).Skip(n).FirstAsync();
        return JsonNode.Parse(entry.Fields!)!.AsObject();
    }
}

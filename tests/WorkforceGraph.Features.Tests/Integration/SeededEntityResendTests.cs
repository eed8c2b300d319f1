using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Seeding;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.Testing;
using static WorkforceGraph.Features.Tests.Integration.RegionBatchTests;

namespace WorkforceGraph.Features.Tests.Integration;

/// <summary>
/// Every region, community and grade scheme the demo seed generates passes the batch-write rules: sent back as it is
/// stored, each one is accepted and unchanged (what an export → import round trip needs).
/// </summary>
public sealed class SeededEntityResendTests : IAsyncLifetime
{
    private static readonly string Integrator = WorkforceApiFactory.Token("integrator", "32");

    private readonly WorkforceApiFactory _factory = new();

    public async Task InitializeAsync() =>
        await _factory.Services.GetRequiredService<DataSeeder>().SeedAsync(new SeedOptions { Scale = SeedScale.Demo, AsOf = RandomWorkforce.Today });

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Seeded_regions_communities_and_grade_schemes_resend_as_unchanged()
    {
        await using var db = _factory.Services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>().CreateDbContext();
        var regions = (await db.Regions.OrderBy(r => r.Code).ToListAsync()).Select(r => new Dictionary<string, object?> { ["code"] = r.Code, ["name"] = r.Name }).ToList();
        var communities = (await db.Communities.OrderBy(c => c.Code).ToListAsync()).Select(c => new Dictionary<string, object?>
        {
            ["code"] = c.Code,
            ["name"] = c.Name,
            ["urbanRuralClass"] = c.UrbanRuralClass,
            ["residentPopulation"] = c.ResidentPopulation,
            ["households"] = c.Households,
            ["gridCount"] = c.GridCount,
        }).ToList();
        var schemes = (await db.GradeSchemes.Include(s => s.Region).Include(s => s.Ranges).ToListAsync()).Select(s => new Dictionary<string, object?>
        {
            ["code"] = s.Code,
            ["name"] = s.Name,
            ["regionCode"] = s.Region!.Code,
            ["effectiveFrom"] = s.EffectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["yearsPerStep"] = s.YearsPerStep,
            ["bachelorBonus"] = s.BachelorBonus,
            ["masterBonus"] = s.MasterBonus,
            ["doctorBonus"] = s.DoctorBonus,
            ["assistantBonus"] = s.AssistantBonus,
            ["intermediateBonus"] = s.IntermediateBonus,
            ["seniorBonus"] = s.SeniorBonus,
            ["excellentQuotaPercent"] = s.ExcellentQuotaPercent,
            ["categories"] = s.Ranges.Select(r => new { category = r.Category.ToString().ToUpperInvariant(), minGrade = r.MinGrade, maxGrade = r.MaxGrade }).ToList(),
        }).ToList();
        Assert.True(regions.Count > 50 && communities.Count > 300 && schemes.Count >= 2, $"{regions.Count} regions, {communities.Count} communities, {schemes.Count} schemes");

        await ResendAsync("regions", "RegionInput", regions);
        await ResendAsync("communities", "CommunityInput", communities);
        await ResendAsync("gradeSchemes", "GradeSchemeInput", schemes);
        Assert.Equal(0, await db.ChangeLog.CountAsync());
    }

    private async Task ResendAsync(string plural, string inputType, List<Dictionary<string, object?>> records)
    {
        var pascal = char.ToUpperInvariant(plural[0]) + plural[1..];
        var mutation = $$"""
            mutation Push($records: [{{inputType}}!]!) {
              upsert{{pascal}}(input: { {{plural}}: $records }) { created updated unchanged errors { index code field message } }
            }
            """;
        foreach (var chunk in records.Chunk(1_000))
        {
            var response = await _factory.GraphQL(Integrator).PostAsync(mutation, new { records = chunk });
            var payload = response.EnsureSuccess().Data![$"upsert{pascal}"]!;
            Assert.True(payload["errors"]!.AsArray().Count == 0, response.Text);
            Assert.Equal((0, 0, chunk.Length), Counts(payload));
        }
    }
}

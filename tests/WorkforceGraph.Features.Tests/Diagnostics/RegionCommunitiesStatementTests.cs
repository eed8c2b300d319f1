using System.Text.Json.Nodes;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Diagnostics;

/// <summary>
/// <c>Region.communities</c> (communities by code prefix, no navigation) is batched per level: the regions of one level
/// cost one statement for all their pages (and one for their counts), and each page equals the same paging in memory.
/// </summary>
public sealed class RegionCommunitiesStatementTests : IAsyncLifetime
{
    private static readonly string[] CountyDigits = ["320102", "320104"];
    private readonly WorkforceApiFactory _factory = new();
    private readonly List<Region> _regions = [];
    private readonly List<Community> _communities = [];

    public async Task InitializeAsync() =>
        await _factory.WithDbAsync(db =>
        {
            var b = new WorkforceBuilder(db);
            var province = b.Province("32", "江苏省");
            var prefecture = b.Prefecture(province, "3201", "南京市");
            _regions.AddRange([province, prefecture]);
            var index = 0;
            foreach (var countyDigits in CountyDigits)
            {
                var county = b.County(prefecture, countyDigits, $"区{countyDigits}");
                _regions.Add(county);
                for (var t = 1; t <= 10; t++)
                {
                    var township = b.Township(county, $"{countyDigits}{t:D3}", $"街道{countyDigits}{t:D3}");
                    _regions.Add(township);

                    // 0 to 7 communities per township; names out of key order.
                    for (var c = 1; c <= (t * 3) % 8; c++)
                    {
                        index++;
                        _communities.Add(b.Community(township, $"{countyDigits}{t:D3}{c:D3}", $"N{index * 37 % 101:D3}"));
                    }
                }
            }

            return Task.CompletedTask;
        });

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Twenty_townships_with_five_communities_each_is_two_statements()
    {
        var response = await _factory.GraphQL().PostAsync(
            "{ regions(first: 20, where: { level: { eq: TOWNSHIP } }) { nodes { code communities(first: 5) { pageInfo { hasNextPage } nodes { code name } } } } }",
            headers: new Dictionary<string, string> { ["X-Diagnostics"] = "sql" });

        response.EnsureSuccess();
        var statements = response.Json!["extensions"]!["diagnostics"]!["sqlStatements"]!.AsArray();
        Assert.Equal(2, statements.Count);
        Assert.Contains(statements, s => s!.GetValue<string>().Contains("ROW_NUMBER() OVER", StringComparison.Ordinal));

        var regions = response.Data!["regions"]!["nodes"]!.AsArray();
        Assert.Equal(20, regions.Count);
        foreach (var region in regions)
        {
            var expected = Within(region!["code"]!.GetValue<string>()).OrderBy(c => c.Id).ToList();
            var communities = region["communities"]!;
            Assert.Equal(expected.Take(5).Select(c => c.Code), Codes(communities));
            Assert.Equal(expected.Count > 5, communities["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        }

        Assert.Contains(regions, r => Within(r!["code"]!.GetValue<string>()).Count() > 5);
    }

    [Fact]
    public async Task Regions_of_every_level_cost_one_statement_per_level_for_pages_and_one_for_counts()
    {
        var response = await _factory.GraphQL().PostAsync(
            "{ regions(first: 50) { nodes { code communities(first: 3, order: [{ name: DESC }]) { totalCount pageInfo { hasNextPage } nodes { code } } } } }",
            headers: new Dictionary<string, string> { ["X-Diagnostics"] = "sql" });

        response.EnsureSuccess();
        var statements = response.Json!["extensions"]!["diagnostics"]!["sqlStatements"]!.AsArray();
        Assert.Equal(1 + (4 * 2), statements.Count);

        var regions = response.Data!["regions"]!["nodes"]!.AsArray();
        Assert.Equal(_regions.Count, regions.Count);
        foreach (var region in regions)
        {
            var expected = Within(region!["code"]!.GetValue<string>()).OrderByDescending(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id).ToList();
            var communities = region["communities"]!;
            Assert.Equal(expected.Count, communities["totalCount"]!.GetValue<int>());
            Assert.Equal(expected.Take(3).Select(c => c.Code), Codes(communities));
            Assert.Equal(expected.Count > 3, communities["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task Pages_of_one_region_follow_its_cursors_to_the_end()
    {
        var client = _factory.GraphQL();
        var seen = new List<string>();
        string? after = null;
        bool hasNext;
        do
        {
            var response = await client.PostAsync(
                """query($after: String) { region(code: "320102000000") { communities(first: 4, after: $after, where: { name: { startsWith: "N0" } }, order: [{ name: ASC }]) { pageInfo { hasNextPage endCursor } nodes { code } } } }""",
                new { after });
            var page = response.EnsureSuccess().Data!["region"]!["communities"]!;
            seen.AddRange(Codes(page));
            hasNext = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>();
            after = page["pageInfo"]!["endCursor"]?.GetValue<string>();
        }
        while (hasNext);

        var expected = Within("320102000000").Where(c => c.Name.StartsWith("N0", StringComparison.Ordinal)).OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id);
        Assert.Equal(expected.Select(c => c.Code), seen);
    }

    private static IEnumerable<string> Codes(JsonNode connection) =>
        connection["nodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>());

    private IEnumerable<Community> Within(string regionCode)
    {
        var prefix = DivisionCode.Parse(regionCode).Prefix;
        return _communities.Where(c => c.Code.StartsWith(prefix, StringComparison.Ordinal));
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WorkforceGraph.Api.Tests.CommandLine;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Api.Tests.PersistedOperations;

/// <summary>
/// Persisted operations on the real API: <c>operations publish</c> stores a folder under SHA-256 names, the server runs
/// them by id (and by APQ hash), and <c>GraphQL:PersistedOperations:Only</c> limits non-admin callers to them while
/// every check that depends on the variables or the caller still applies.
/// </summary>
public sealed class PersistedOperationsTests : IAsyncLifetime
{
    private const string Workers = "query Workers($first: Int) { workers(first: $first) { nodes { name community { code } } } }";
    private const string Statistics = "query Statistics { workforceStatistics(groupBy: [GENDER]) { key { value } count } }";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "wg-persisted-" + Guid.NewGuid().ToString("N"));

    private string Input => Path.Combine(_root, "operations");

    private string Store => Path.Combine(_root, "store");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Input, "dashboard"));
        await File.WriteAllTextAsync(Path.Combine(Input, "dashboard", "workers.graphql"), Workers);
        await File.WriteAllTextAsync(Path.Combine(Input, "statistics.graphql"), Statistics);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Publish_stores_every_file_under_the_sha256_of_its_text()
    {
        var (exitCode, stdout, stderr) = await CommandLineTests.RunAsync("operations", "publish", "--input", Input, "--output", Store);

        Assert.True(exitCode == 0, stderr);
        foreach (var text in new[] { Workers, Statistics })
        {
            var id = Sha256(text);
            Assert.Contains(id, stdout, StringComparison.Ordinal);
            Assert.Equal(text, await File.ReadAllTextAsync(Path.Combine(Store, id + ".graphql")));
        }

        Assert.Equal(2, Directory.GetFiles(Store).Length);
    }

    [Fact]
    public async Task Publish_with_an_invalid_operation_stores_nothing_and_names_the_file()
    {
        await File.WriteAllTextAsync(Path.Combine(Input, "broken.graphql"), "{ workers(first: 1) { nodes { noSuchField } } }");
        await File.WriteAllTextAsync(Path.Combine(Input, "unparsable.graphql"), "{ workers(first: ");

        var (exitCode, _, stderr) = await CommandLineTests.RunAsync("operations", "publish", "--input", Input, "--output", Store);

        Assert.Equal(1, exitCode);
        Assert.Contains("broken.graphql", stderr, StringComparison.Ordinal);
        Assert.Contains("noSuchField", stderr, StringComparison.Ordinal);
        Assert.Contains("unparsable.graphql", stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was published", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Store));
    }

    [Fact]
    public async Task Publish_takes_a_persisted_documents_manifest_and_refuses_an_id_that_is_not_the_texts_hash()
    {
        var manifest = Path.Combine(_root, "persisted-documents.json");
        await File.WriteAllTextAsync(manifest, JsonSerializer.Serialize(new Dictionary<string, string> { ["sha256:" + Sha256(Workers)] = Workers }));
        var forged = Path.Combine(_root, "forged.json");
        await File.WriteAllTextAsync(forged, JsonSerializer.Serialize(new Dictionary<string, string> { ["sha256:" + Sha256(Statistics)] = Workers }));

        var refused = await CommandLineTests.RunAsync("operations", "publish", "--manifest", forged, "--manifest", manifest, "--output", Store);
        var published = await CommandLineTests.RunAsync("operations", "publish", "--manifest", manifest, "--output", Store);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("forged.json", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("not the SHA-256", refused.Stderr, StringComparison.Ordinal);
        Assert.True(published.ExitCode == 0, published.Stderr);
        Assert.Equal([Path.Combine(Store, Sha256(Workers) + ".graphql")], Directory.GetFiles(Store));
    }

    [Theory]
    [InlineData("list")]
    [InlineData("publish")]
    [InlineData("publish", "--input")]
    [InlineData("publish", "--input", "/no/such/folder")]
    public async Task Publish_with_bad_arguments_exits_with_2(params string[] args)
    {
        var (exitCode, _, stderr) = await CommandLineTests.RunAsync(["operations", .. args]);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("operations:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_the_switch_callers_run_stored_operations_with_their_own_limits_scope_and_role()
    {
        await PublishAsync();
        await using var factory = new WorkforceApiFactory { Environment = "Production" };
        factory.Settings["GraphQL:PersistedOperations:Only"] = "true";
        factory.Settings["GraphQL:PersistedOperations:Directory"] = Store;
        await SeedAsync(factory);
        var analyst = factory.GraphQL(WorkforceApiFactory.Token("analyst", "00"));
        var scoped = factory.GraphQL(WorkforceApiFactory.Token("analyst", "3201"));
        var viewer = factory.GraphQL(WorkforceApiFactory.Token("viewer", "00"));
        var admin = factory.GraphQL(WorkforceApiFactory.Token("admin", "00"));

        var national = await ById(analyst, Workers, new { first = 50 });
        var regional = await ById(scoped, Workers, new { first = 50 });
        var tooMany = await ById(analyst, Workers, new { first = 100_000 });
        var statistics = await ById(analyst, Statistics);
        var statisticsAsViewer = await ById(viewer, Statistics);
        var text = await analyst.PostAsync(Workers, new { first = 5 });
        var textAsAdmin = await admin.PostAsync(Workers, new { first = 5 });

        Assert.Equal(HttpStatusCode.OK, national.Status);
        Assert.Equal(5, national.Data!["workers"]!["nodes"]!.AsArray().Count);
        var codes = regional.Data!["workers"]!["nodes"]!.AsArray().Select(n => n!["community"]!["code"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.StartsWith("3201", code, StringComparison.Ordinal));
        Assert.Contains(national.Data!["workers"]!["nodes"]!.AsArray(), n => !n!["community"]!["code"]!.GetValue<string>().StartsWith("3201", StringComparison.Ordinal));
        Assert.Equal("HC0047", tooMany.FirstErrorCode); // the operation's cost, computed with this request's `first`
        Assert.Null(tooMany.Data);
        Assert.NotNull(statistics.Data!["workforceStatistics"]);
        Assert.Equal("AUTH_NOT_AUTHORIZED", statisticsAsViewer.FirstErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, text.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_ALLOWED", text.FirstErrorCode);
        Assert.Equal(HttpStatusCode.OK, textAsAdmin.Status);
        Assert.Null(textAsAdmin.Errors);
    }

    [Fact]
    public async Task Without_the_switch_an_apq_client_misses_registers_and_hits()
    {
        await using var factory = new WorkforceApiFactory();
        await SeedAsync(factory);
        var client = factory.GraphQL();
        const string Query = "{ regions(first: 3) { nodes { code name } } }";
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = Sha256(Query) } };

        var miss = await client.PostRawAsync(JsonSerializer.Serialize(new { extensions }));
        var register = await client.PostRawAsync(JsonSerializer.Serialize(new { query = Query, extensions }));
        var hit = await client.PostRawAsync(JsonSerializer.Serialize(new { extensions }));

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", miss.FirstErrorCode);
        Assert.Equal("PersistedQueryNotFound", miss.Errors![0]!["message"]!.GetValue<string>());
        Assert.Null(register.Errors);
        Assert.Equal(3, register.Data!["regions"]!["nodes"]!.AsArray().Count);
        Assert.Equal(register.Text, hit.Text);
    }

    // Two prefectures: three workers in 3201…, two in 3202….
    private static Task SeedAsync(WorkforceApiFactory factory) => factory.WithDbAsync(db =>
    {
        var build = new WorkforceBuilder(db);
        var province = build.Province("32", "江苏省");
        foreach (var (prefectureDigits, workers) in new[] { ("3201", 3), ("3202", 2) })
        {
            var prefecture = build.Prefecture(province, prefectureDigits, "市" + prefectureDigits);
            var county = build.County(prefecture, prefectureDigits + "02", "区");
            var township = build.Township(county, prefectureDigits + "02003", "街道");
            var community = build.Community(township, prefectureDigits + "02003001", "社区");
            for (var i = 0; i < workers; i++)
            {
                build.Worker(community, $"社工{prefectureDigits}{i}");
            }
        }

        return Task.CompletedTask;
    });

    private async Task PublishAsync()
    {
        var (exitCode, _, stderr) = await CommandLineTests.RunAsync("operations", "publish", "--input", Input, "--output", Store);
        Assert.True(exitCode == 0, stderr);
    }

    private static Task<GraphQLResponse> ById(GraphQLHttpClient client, string document, object? variables = null) =>
        client.PostRawAsync(JsonSerializer.Serialize(new { id = Sha256(document), variables }));

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

using System.Text.Json.Nodes;
using GraphQLParser.AST;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.GraphQL.Conventions.NodeIds;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Api.Tests.Clients;

/// <summary>
/// The typed client's operations (every <c>.graphql</c> file under clients/typescript) run against the real API over
/// HTTP without errors, so the example operations cannot rot: one operation per file, named like the file, with
/// variables below. test.sh separately type-checks the TypeScript that uses them against the generated types.
/// </summary>
public sealed class TypedClientOperationsTests(TypedClientOperationsTests.Fixture fixture) : IClassFixture<TypedClientOperationsTests.Fixture>
{
    public static TheoryData<string> OperationFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in ClientFolder.OperationFiles())
        {
            data.Add(file);
        }

        return data;
    }

    [Fact]
    public void The_client_has_the_operations_of_the_example()
    {
        var names = ClientFolder.OperationFiles().Select(f => Path.GetFileNameWithoutExtension(f)).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "DashboardWorkers", "SearchWorkers", "WorkerDetail", "WorkforceStatistics", "UpsertWorkers" }, names);
    }

    [Theory]
    [MemberData(nameof(OperationFiles))]
    public async Task Operation_runs_without_errors(string relativePath)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(ClientFolder.Root, relativePath));
        var operations = GraphQLParser.Parser.Parse(text).Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = Assert.Single(operations);
        var name = operation.Name?.StringValue;
        Assert.Equal(Path.GetFileNameWithoutExtension(relativePath), name);
        Assert.True(fixture.Calls.TryGetValue(name!, out var call), $"No variables for {name}: add them to {nameof(TypedClientOperationsTests)}.{nameof(Fixture)}.");

        var response = await fixture.Factory.GraphQL(call.Token).PostAsync(text, call.Variables, name);

        response.EnsureSuccess();
        var data = Assert.IsType<JsonObject>(response.Data);
        Assert.All(data, field => Assert.True(field.Value is not null, $"{name}: {field.Key} is null: {response.Text}"));
        Assert.Empty(PayloadErrors(data));
        Assert.True(HasRows(data), $"{name} returned no rows, so it checked nothing: {response.Text}");
    }

    /// <summary>Record errors of batch payloads (<c>errors: [RecordError!]!</c> inside data).</summary>
    private static IEnumerable<string> PayloadErrors(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "errors" && p.Value is JsonArray { Count: > 0 } a ? [a.ToJsonString()] : PayloadErrors(p.Value)),
        JsonArray a => a.SelectMany(PayloadErrors),
        _ => [],
    };

    /// <summary>Whether the answer holds at least one non-empty list or a non-null object below its root fields.</summary>
    private static bool HasRows(JsonObject data) => data.Any(field => field.Value switch
    {
        JsonArray a => a.Count > 0,
        JsonObject o => o.Any(p => p.Value is JsonArray { Count: > 0 } || p.Key is "__typename"),
        _ => false,
    });

    /// <summary>A host with a small 江苏省 of its own: a community with a Party secretary and a staff member.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public WorkforceApiFactory Factory { get; } = new();

        /// <summary>An integrator of 江苏省: may read, count and push workers there.</summary>
        private static readonly string Integrator = WorkforceApiFactory.Token("integrator", "32");

        /// <summary>A case worker of 南京市 who may search by ID number (filtering on it needs pii:read).</summary>
        private static readonly string CaseWorker = WorkforceApiFactory.Token("viewer", "3201", "pii:read");

        /// <summary>Per operation name: the caller's token and the variables.</summary>
        public Dictionary<string, (string Token, object Variables)> Calls { get; } = new(StringComparer.Ordinal);

        public async Task InitializeAsync()
        {
            Worker? secretary = null;
            await Factory.WithDbAsync(db =>
            {
                var b = new WorkforceBuilder(db);
                var province = b.Province("32", "江苏省");
                var prefecture = b.Prefecture(province, "3201", "南京市");
                var county = b.County(prefecture, "320102", "玄武区");
                var township = b.Township(county, "320102001", "梅园新村街道");
                var community = b.Community(township, "320102001001", "长江路社区");
                secretary = b.Worker(community, "王秀英", Gender.Female, new DateOnly(1975, 4, 2));
                var staff = b.Worker(community, "李建国", Gender.Male, new DateOnly(1990, 8, 20));
                b.Post(secretary, community, PostRole.PartySecretary, new DateOnly(2021, 1, 1), grade: 9);
                b.Post(staff, community, PostRole.FullTimeStaff, new DateOnly(2019, 3, 1), grade: 3);
                return Task.CompletedTask;
            });

            Calls["DashboardWorkers"] = (Integrator, new { regionPrefix = "3201", first = 20 });
            Calls["SearchWorkers"] = (CaseWorker, new { text = "秀英" });
            Calls["WorkerDetail"] = (Integrator, new { id = NodeId.Encode("Worker", secretary!.Id) });
            Calls["WorkforceStatistics"] = (Integrator, new { where = new { status = new { neq = "LEFT" } }, groupBy = new[] { "COUNTY", "POST_CATEGORY", "AGE_BAND" } });
            Calls["UpsertWorkers"] = (Integrator, new
            {
                workers = new[]
                {
                    new
                    {
                        idNumber = IdNumber.Create("320102", new DateOnly(1992, 11, 5), 482).Unmasked,
                        name = "陈静",
                        gender = "FEMALE",
                        birthDate = "1992-11-05",
                        phone = "13912345678",
                        ethnicity = "汉族",
                        politicalStatus = "MASSES",
                        education = "BACHELOR",
                        employmentType = "COMMUNITY_STAFF",
                        status = "ACTIVE",
                        communityWorkStartDate = "2020-07-01",
                        hiredOn = "2020-07-01",
                        communityCode = "320102001001",
                    },
                },
            });
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}

/// <summary>clients/typescript in the repository this test runs from.</summary>
internal static class ClientFolder
{
    public static readonly string Root = Find();

    /// <summary>Paths relative to <see cref="Root"/> of every operation file, node_modules aside, in a stable order.</summary>
    public static IEnumerable<string> OperationFiles() =>
        Directory.EnumerateFiles(Root, "*.graphql", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Contains("node_modules"))
            .Order(StringComparer.Ordinal);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "clients", "typescript");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("clients/typescript not found above " + AppContext.BaseDirectory);
    }
}

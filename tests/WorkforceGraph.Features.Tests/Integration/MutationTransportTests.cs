using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Integration;

/// <summary>Batch writes follow the transport conventions: POST only, typed input, whole-call refusals write nothing.</summary>
public sealed class MutationTransportTests : IAsyncLifetime
{
    private const string Upsert = "mutation Push($workers: [WorkerInput!]!) { upsertWorkers(input: { workers: $workers }) { created errors { index code field } } }";

    private static readonly string Integrator = WorkforceApiFactory.Token("integrator", "32");

    private readonly WorkforceApiFactory _factory = new();

    public async Task InitializeAsync() => await SmallWorkforce.CreateAsync(_factory);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_mutation_by_get_is_405_and_writes_nothing()
    {
        var query = Uri.EscapeDataString("mutation { deleteWorkers(input: { workers: [] }) { deleted } }");
        var response = await _factory.GraphQL(Integrator).GetAsync("/graphql?query=" + query);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("OPERATION_NOT_ALLOWED", response.FirstErrorCode);
    }

    [Fact]
    public async Task Ill_typed_records_are_a_400_before_anything_runs()
    {
        var missingName = WorkerBatchTests.NewWorker();
        missingName.Remove("name");
        var badEnum = WorkerBatchTests.NewWorker(13);
        badEnum["gender"] = "UNKNOWN";
        var badDate = WorkerBatchTests.NewWorker(15);
        badDate["birthDate"] = "1985-02-30";

        foreach (var record in new[] { missingName, badEnum, badDate })
        {
            var response = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { workers = new[] { WorkerBatchTests.NewWorker(17), record } });
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.NotNull(response.FirstErrorCode);
            Assert.Null(response.Data);
        }

        var nullRecord = await _factory.GraphQL(Integrator).PostAsync(Upsert, new { workers = new object?[] { null } });
        Assert.Equal(HttpStatusCode.BadRequest, nullRecord.Status);
        await using var db = _factory.Services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>().CreateDbContext();
        Assert.Equal(0, await db.ChangeLog.CountAsync());
    }

    [Fact]
    public async Task Production_callers_need_a_token_to_write()
    {
        using var production = new WorkforceApiFactory { Environment = "Production" };
        var anonymous = await production.GraphQL().PostAsync(Upsert, new { workers = new[] { WorkerBatchTests.NewWorker() } });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);

        var viewer = await _factory.GraphQL(WorkforceApiFactory.Token("viewer", "32")).PostAsync(Upsert, new { workers = new[] { WorkerBatchTests.NewWorker() } });
        Assert.Equal(HttpStatusCode.OK, viewer.Status);
        Assert.Equal("AUTH_NOT_AUTHORIZED", viewer.FirstErrorCode);
        Assert.Null(viewer.Data);
    }

    [Fact]
    public async Task Root_mutation_fields_run_in_order_each_its_own_transaction()
    {
        var worker = WorkerBatchTests.NewWorker();
        var response = await _factory.GraphQL(Integrator).PostAsync(
            """
            mutation Two($a: [WorkerInput!]!, $b: [WorkerKeyInput!]!) {
              first: upsertWorkers(input: { workers: $a }) { created }
              second: deleteWorkers(input: { workers: $b }) { deleted }
              third: upsertWorkers(input: { workers: $a }) { created unchanged }
            }
            """,
            new { a = new[] { worker }, b = new[] { new { idNumber = worker["idNumber"] } } });

        var data = response.EnsureSuccess().Data!;
        Assert.Equal(1, data["first"]!["created"]!.GetValue<int>());
        Assert.Equal(1, data["second"]!["deleted"]!.GetValue<int>());
        Assert.Equal(1, data["third"]!["created"]!.GetValue<int>());
        await using var db = _factory.Services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>().CreateDbContext();
        Assert.Equal(3, await db.ChangeLog.CountAsync());
    }
}

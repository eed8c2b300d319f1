using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Integration;

/// <summary>Rows and readers the batch-write tests of workers' rows share.</summary>
internal static class BatchTestRows
{
    /// <summary>An ID number no worker of the small workforce has.</summary>
    public static readonly string UnknownIdNumber = IdNumber.Create("320102", new DateOnly(1985, 3, 2), 11).Unmasked;

    /// <summary>A valid-looking ID number with a wrong check character.</summary>
    public static string BadIdNumber
    {
        get
        {
            var id = UnknownIdNumber;
            return id[..17] + (id[17] == '0' ? '1' : '0');
        }
    }

    /// <summary>
    /// A second prefecture, 苏州市 (3205), beside the small workforce's 南京市: a community, a worker of record there and
    /// a training its prefecture organizes — all outside a 3201 writer's region.
    /// </summary>
    public static async Task<Elsewhere> AddSuzhouAsync(WorkforceApiFactory factory)
    {
        Elsewhere? result = null;
        await factory.WithDbAsync(async db =>
        {
            var b = new WorkforceBuilder(db);
            var province = await db.Regions.SingleAsync(r => r.Code == "320000000000");
            var prefecture = b.Prefecture(province, "3205", "苏州市");
            var county = b.County(prefecture, "320505", "虎丘区");
            var township = b.Township(county, "320505001", "枫桥街道");
            var community = b.Community(township, "320505001001", "枫桥社区");
            var worker = b.Worker(community, "孙丽", Gender.Female, new DateOnly(1987, 6, 6));
            b.Post(worker, community, PostRole.FullTimeStaff, new DateOnly(2019, 1, 1), grade: 4);
            var training = b.Training("SZ-2025-001", "苏州市社区工作者重点培训", new DateOnly(2025, 4, 1), TrainingLevel.Prefecture, prefecture);
            result = new Elsewhere(community, worker, training);
        });
        return result!;
    }

    /// <summary>The errors of a payload as (index, code, field).</summary>
    public static List<(int Index, string Code, string? Field)> Errors(JsonNode payload) =>
        [.. payload["errors"]!.AsArray().Select(e => (e!["index"]!.GetValue<int>(), e["code"]!.GetValue<string>(), e["field"]?.GetValue<string>()))];

    /// <summary>(created, updated, unchanged) of an upsert payload.</summary>
    public static (int Created, int Updated, int Unchanged) Counts(JsonNode payload) =>
        (payload["created"]!.GetValue<int>(), payload["updated"]!.GetValue<int>(), payload["unchanged"]!.GetValue<int>());

    /// <summary>(deleted, unchanged) of a delete payload.</summary>
    public static (int Deleted, int Unchanged) DeleteCounts(JsonNode payload) =>
        (payload["deleted"]!.GetValue<int>(), payload["unchanged"]!.GetValue<int>());

    /// <summary>The names of the fields a change-log entry lists, sorted.</summary>
    public static List<string> FieldNames(string? fields) => fields is null ? [] : [.. JsonNode.Parse(fields)!.AsObject().Select(f => f.Key).Order(StringComparer.Ordinal)];

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static WorkforceDbContext Db(WorkforceApiFactory factory) =>
        factory.Services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>().CreateDbContext();

    public sealed record Elsewhere(Community Community, Worker Worker, Data.Trainings.Training Training);
}

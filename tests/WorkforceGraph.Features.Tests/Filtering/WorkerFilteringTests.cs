using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Tests.Infrastructure;
using WorkforceGraph.Testing;
using static WorkforceGraph.Features.Tests.Infrastructure.RandomWorkforce;

namespace WorkforceGraph.Features.Tests.Filtering;

/// <summary>The class's own database: a seeded random workforce, built once and only read.</summary>
public sealed class FilteringDatabase : IAsyncLifetime
{
    public WorkforceApiFactory Factory { get; } = new();

    public RandomWorkforce Data { get; private set; } = null!;

    public async Task InitializeAsync() => Data = await CreateAsync(Factory);

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// <c>where</c> through HTTP (graphql-conventions.md §3): each predicate must select exactly the rows that the
/// same predicate selects in memory over the rows the test built.
/// </summary>
public sealed class WorkerFilteringTests(FilteringDatabase db) : IClassFixture<FilteringDatabase>
{
    private delegate (string Where, Func<Worker, bool> Expected) Case(RandomWorkforce data);

    private static readonly DateOnly Mid = new(1985, 6, 30);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["empty object adds no condition"] = _ => ("{}", _ => true),
        ["relation set to null adds no condition"] = _ => ("{ community: null }", _ => true),
        ["name eq"] = d => ($"{{ name: {{ eq: \"{d.Workers[7].Name}\" }} }}", w => w.Name == d.Workers[7].Name),
        ["name neq"] = d => ($"{{ name: {{ neq: \"{d.Workers[7].Name}\" }} }}", w => w.Name != d.Workers[7].Name),
        ["name startsWith"] = _ => ("{ name: { startsWith: \"王\" } }", w => w.Name.StartsWith('王')),
        ["name nstartsWith"] = _ => ("{ name: { nstartsWith: \"王\" } }", w => !w.Name.StartsWith('王')),
        ["name contains"] = _ => ("{ name: { contains: \"秀\" } }", w => w.Name.Contains('秀', StringComparison.Ordinal)),
        ["name ncontains"] = _ => ("{ name: { ncontains: \"秀\" } }", w => !w.Name.Contains('秀', StringComparison.Ordinal)),
        ["name endsWith"] = _ => ("{ name: { endsWith: \"华\" } }", w => w.Name.EndsWith('华')),
        ["name in"] = d => ($"{{ name: {{ in: [\"{d.Workers[1].Name}\", \"{d.Workers[2].Name}\", \"无此人\"] }} }}", w => w == d.Workers[1] || w == d.Workers[2]),
        ["name nin"] = d => ($"{{ name: {{ nin: [\"{d.Workers[1].Name}\", \"{d.Workers[2].Name}\"] }} }}", w => w != d.Workers[1] && w != d.Workers[2]),
        ["name with its own or"] = _ => ("{ name: { or: [{ startsWith: \"李\" }, { endsWith: \"娜\" }] } }", w => w.Name.StartsWith('李') || w.Name.EndsWith('娜')),
        ["id in"] = d => ($"{{ id: {{ in: [\"{NodeId("Worker", d.Workers[3].Id)}\", \"{NodeId("Worker", d.Workers[40].Id)}\"] }} }}", w => w == d.Workers[3] || w == d.Workers[40]),
        ["id neq"] = d => ($"{{ id: {{ neq: \"{NodeId("Worker", d.Workers[3].Id)}\" }} }}", w => w != d.Workers[3]),
        ["gender eq"] = _ => ("{ gender: { eq: MALE } }", w => w.Gender == Gender.Male),
        ["status in"] = _ => ("{ status: { in: [PROBATION, LEFT] } }", w => w.Status is WorkerStatus.Probation or WorkerStatus.Left),
        ["status nin"] = _ => ("{ status: { nin: [ACTIVE] } }", w => w.Status != WorkerStatus.Active),
        ["education in"] = _ => ("{ education: { in: [MASTER, DOCTOR] } }", w => w.Education is EducationLevel.Master or EducationLevel.Doctor),
        ["education neq"] = _ => ("{ education: { neq: BACHELOR } }", w => w.Education != EducationLevel.Bachelor),
        ["birthDate gt"] = _ => ("{ birthDate: { gt: \"1985-06-30\" } }", w => w.BirthDate > Mid),
        ["birthDate ngt"] = _ => ("{ birthDate: { ngt: \"1985-06-30\" } }", w => w.BirthDate <= Mid),
        ["birthDate eq a shared date"] = _ => ("{ birthDate: { eq: \"1985-03-15\" } }", w => w.BirthDate == new DateOnly(1985, 3, 15)),
        ["birthDate range"] = _ => ("{ birthDate: { gte: \"1975-01-01\", lt: \"1990-01-01\" } }", w => w.BirthDate >= new DateOnly(1975, 1, 1) && w.BirthDate < new DateOnly(1990, 1, 1)),
        ["birthDate nlte"] = _ => ("{ birthDate: { nlte: \"1980-01-01\" } }", w => w.BirthDate > new DateOnly(1980, 1, 1)),
        ["communityWorkStartDate in"] = d => ($"{{ communityWorkStartDate: {{ in: [\"{d.Workers[5].CommunityWorkStartDate:yyyy-MM-dd}\"] }} }}", w => w.CommunityWorkStartDate == d.Workers[5].CommunityWorkStartDate),
        ["hiredOn lt"] = _ => ("{ hiredOn: { lt: \"2012-01-01\" } }", w => w.HiredOn < new DateOnly(2012, 1, 1)),
        ["isReserveTalent eq"] = _ => ("{ isReserveTalent: { eq: true } }", w => w.IsReserveTalent),
        ["qualification eq null"] = _ => ("{ socialWorkQualification: { eq: null } }", w => w.SocialWorkQualification is null),
        ["qualification neq null"] = _ => ("{ socialWorkQualification: { neq: null } }", w => w.SocialWorkQualification is not null),
        ["qualification eq"] = _ => ("{ socialWorkQualification: { eq: SENIOR } }", w => w.SocialWorkQualification == SocialWorkQualification.Senior),
        // C#/LINQ null semantics, as HC's queryable provider: NULL is not SENIOR.
        ["qualification neq includes null"] = _ => ("{ socialWorkQualification: { neq: SENIOR } }", w => w.SocialWorkQualification != SocialWorkQualification.Senior),
        ["qualification nin includes null"] = _ => ("{ socialWorkQualification: { nin: [ASSISTANT, INTERMEDIATE] } }", w => w.SocialWorkQualification is not (SocialWorkQualification.Assistant or SocialWorkQualification.Intermediate)),
        // Enum lists are [E!] (§3 table), so a null item is only possible in a [String] list.
        ["phone in with a null item"] = d => ($"{{ phone: {{ in: [\"{d.Workers.First(x => x.Phone is not null).Phone}\", null] }} }}", w => w.Phone is null || w.Phone == d.Workers.First(x => x.Phone is not null).Phone),
        ["phone nin with a null item"] = d => ($"{{ phone: {{ nin: [\"{d.Workers.First(x => x.Phone is not null).Phone}\", null] }} }}", w => w.Phone is not null && w.Phone != d.Workers.First(x => x.Phone is not null).Phone),
        ["phone eq null"] = _ => ("{ phone: { eq: null } }", w => w.Phone is null),
        ["phone startsWith"] = _ => ("{ phone: { startsWith: \"13\" } }", w => w.Phone?.StartsWith("13", StringComparison.Ordinal) == true),
        ["community code"] = d => ($"{{ community: {{ code: {{ eq: \"{d.Communities[1].Code}\" }} }} }}", w => w.Community == d.Communities[1]),
        ["community township code prefix"] = _ => ("{ community: { region: { code: { startsWith: \"320106\" } } } }", w => w.Community?.Region!.Code.StartsWith("320106", StringComparison.Ordinal) == true),
        ["community prefecture up the parent chain"] = _ => ("{ community: { region: { parent: { parent: { code: { startsWith: \"3201\" } } } } } }", w => w.Community?.Region!.Parent!.Parent!.Code.StartsWith("3201", StringComparison.Ordinal) == true),
        ["community county level and name"] = _ => ("{ community: { region: { parent: { level: { eq: COUNTY }, name: { eq: \"梁溪区\" } } } } }", w => w.Community?.Region!.Parent!.Name == "梁溪区"),
        ["community population gte"] = _ => ("{ community: { residentPopulation: { gte: 7100 } } }", w => w.Community?.ResidentPopulation >= 7100),
        ["community with an open grid worker post"] = d => ("{ community: { posts: { some: { role: { eq: GRID_WORKER }, endDate: { eq: null } } } } }", w => w.Community is { } c && d.Posts.Any(p => p.Community == c && p.Role == PostRole.GridWorker && p.EndDate is null)),
        ["posts some role"] = d => ("{ posts: { some: { role: { eq: PARTY_SECRETARY } } } }", w => d.PostsOf(w).Any(p => p.Role == PostRole.PartySecretary)),
        ["posts some open and graded"] = d => ("{ posts: { some: { endDate: { eq: null }, grade: { gte: 8 } } } }", w => d.PostsOf(w).Any(p => p.EndDate is null && p.Grade >= 8)),
        ["posts some in a community"] = d => ($"{{ posts: {{ some: {{ community: {{ name: {{ eq: \"{d.Communities[2].Name}\" }} }} }} }} }}", w => d.PostsOf(w).Any(p => p.Community == d.Communities[2])),
        ["posts all ended"] = d => ("{ posts: { all: { endDate: { neq: null } } } }", w => d.PostsOf(w).All(p => p.EndDate is not null)),
        ["posts none principal"] = d => ("{ posts: { none: { category: { eq: PRINCIPAL } } } }", w => !d.PostsOf(w).Any(p => p.Category == PostCategory.Principal)),
        ["posts any false"] = d => ("{ posts: { any: false } }", w => !d.PostsOf(w).Any()),
        ["posts any true"] = d => ("{ posts: { any: true } }", w => d.PostsOf(w).Any()),
        ["trainingRecords some failed"] = d => ("{ trainingRecords: { some: { passed: { eq: false } } } }", w => d.RecordsOf(w).Any(r => !r.Passed)),
        ["trainingRecords some not completed"] = d => ("{ trainingRecords: { some: { completedOn: { eq: null } } } }", w => d.RecordsOf(w).Any(r => r.CompletedOn is null)),
        ["trainingRecords all passed"] = d => ("{ trainingRecords: { all: { passed: { eq: true } } } }", w => d.RecordsOf(w).All(r => r.Passed)),
        ["trainingRecords some provincial"] = d => ("{ trainingRecords: { some: { training: { level: { eq: PROVINCIAL } } } } }", w => d.RecordsOf(w).Any(r => r.Training!.Level == TrainingLevel.Provincial)),
        ["trainingRecords some organised in Nanjing"] = d => ("{ trainingRecords: { some: { training: { organizer: { code: { eq: \"320100000000\" } } } } } }", w => d.RecordsOf(w).Any(r => r.Training!.Organizer?.Code == "320100000000")),
        ["assessments some excellent 2024"] = d => ("{ assessments: { some: { year: { eq: 2024 }, result: { eq: EXCELLENT } } } }", w => d.AssessmentsOf(w).Any(a => a.Year == 2024 && a.Result == AssessmentResult.Excellent)),
        ["assessments none incompetent"] = d => ("{ assessments: { none: { result: { in: [INCOMPETENT, BASICALLY_COMPETENT] } } } }", w => !d.AssessmentsOf(w).Any(a => a.Result is AssessmentResult.Incompetent or AssessmentResult.BasicallyCompetent)),
        ["and"] = _ => ("{ and: [{ gender: { eq: MALE } }, { status: { eq: ACTIVE } }] }", w => w.Gender == Gender.Male && w.Status == WorkerStatus.Active),
        ["or"] = _ => ("{ or: [{ education: { eq: DOCTOR } }, { socialWorkQualification: { eq: SENIOR } }] }", w => w.Education == EducationLevel.Doctor || w.SocialWorkQualification == SocialWorkQualification.Senior),
        ["or of ands with siblings"] = d => (
            "{ status: { neq: LEFT }, or: [{ and: [{ gender: { eq: FEMALE } }, { birthDate: { lt: \"1980-01-01\" } }] }, { posts: { some: { role: { in: [GRID_WORKER, FULL_TIME_STAFF] } } } }] }",
            w => w.Status != WorkerStatus.Left && ((w.Gender == Gender.Female && w.BirthDate < new DateOnly(1980, 1, 1)) || d.PostsOf(w).Any(p => p.Role is PostRole.GridWorker or PostRole.FullTimeStaff))),
    };

    public static TheoryData<string> Predicates() => [.. Cases.Keys];

    [Fact]
    public void The_workforce_is_varied_enough_for_the_table_to_mean_something()
    {
        var data = db.Data;
        Assert.Equal(60, data.Workers.Count);
        Assert.Contains(data.Workers, w => w.Community is null);
        Assert.Contains(data.Workers, w => w.Phone is null);
        Assert.Contains(data.Workers, w => w.SocialWorkQualification is null);
        Assert.Contains(data.Workers, w => !data.PostsOf(w).Any());
        Assert.Contains(data.Posts, p => p.EndDate is not null);
        Assert.Equal(Enum.GetValues<PostRole>().Length, data.Posts.Select(p => p.Role).Distinct().Count());
        Assert.Contains(data.Records, r => !r.Passed);
        Assert.Equal(2, data.Communities.Select(c => c.Region!.Parent!.Parent!.Code).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Predicates))]
    public async Task Workers_where_matches_the_same_predicate_in_memory(string name)
    {
        var (where, predicate) = Cases[name](db.Data);
        var expected = db.Data.Workers.Where(predicate).Select(w => NodeId("Worker", w.Id)).Order(StringComparer.Ordinal).ToList();

        // Filters on phones and ID numbers need the pii:read scope (tested in Security); the others run anonymously.
        var personal = where.Contains("phone", StringComparison.Ordinal) || where.Contains("idNumber", StringComparison.Ordinal);
        var nodes = await PageAllAsync(
            db.Factory.GraphQL(personal ? WorkforceApiFactory.Token("analyst", "00", "pii:read") : null),
            $"query($after: String) {{ workers(first: 50, after: $after, where: {where}) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ id name }} }} }}",
            data => data["workers"]!);

        var actual = nodes.Select(n => n["id"]!.GetValue<string>()).ToList();
        Assert.Equal(actual.Count, actual.Distinct().Count());
        Assert.Equal(expected, actual.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Most_predicates_select_a_proper_nonempty_subset()
    {
        // Guards the table itself: a predicate that selects nobody or everybody proves little.
        var trivial = Cases
            .Where(c => !c.Key.Contains("no condition", StringComparison.Ordinal))
            .Select(c => (c.Key, Count: db.Data.Workers.Count(c.Value(db.Data).Expected)))
            .Where(c => c.Count == 0 || c.Count == db.Data.Workers.Count)
            .ToList();

        Assert.True(trivial.Count <= 2, string.Join(", ", trivial));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Regions_where_filters_by_level_and_by_children()
    {
        var client = db.Factory.GraphQL();

        var counties = await Codes(client, "regions", "{ level: { eq: COUNTY } }");
        var withWuxiChildren = await Codes(client, "regions", "{ children: { some: { code: { startsWith: \"3202\" } } } }");
        var childless = await Codes(client, "regions", "{ children: { any: false } }");

        Assert.Equal(Expected(db.Data.Regions.Where(r => r.Level == RegionLevel.County).Select(r => r.Code)), counties);
        Assert.Equal(Expected(db.Data.Regions.Where(r => db.Data.Regions.Any(c => c.Parent == r && c.Code.StartsWith("3202", StringComparison.Ordinal))).Select(r => r.Code)), withWuxiChildren);
        Assert.Equal(Expected(db.Data.Regions.Where(r => r.Level == RegionLevel.Township).Select(r => r.Code)), childless);
    }

    [Fact]
    public async Task Communities_where_filters_up_the_region_chain()
    {
        var codes = await Codes(db.Factory.GraphQL(), "communities", "{ region: { parent: { parent: { code: { eq: \"320200000000\" } } } }, urbanRuralClass: { eq: \"111\" } }");

        Assert.Equal(Expected(db.Data.Communities.Where(c => c.Region!.Parent!.Parent!.Code == "320200000000" && c.UrbanRuralClass == "111").Select(c => c.Code)), codes);
    }

    [Fact]
    public async Task Posts_where_filters_open_posts_of_a_role()
    {
        var ids = await Ids(db.Factory.GraphQL(), "posts", "{ role: { in: [GRID_WORKER, COMMITTEE_MEMBER] }, endDate: { eq: null } }");

        Assert.Equal(Expected(db.Data.Posts.Where(p => p.Role is PostRole.GridWorker or PostRole.CommitteeMember && p.EndDate is null).Select(p => NodeId("Post", p.Id))), ids);
    }

    [Fact]
    public async Task Grade_schemes_where_filters_by_region()
    {
        var response = await db.Factory.GraphQL().PostAsync("{ gradeSchemes(where: { region: { code: { startsWith: \"3202\" } } }) { code } }");

        response.EnsureSuccess();
        Assert.Equal(["WX-2022"], response.Data!["gradeSchemes"]!.AsArray().Select(s => s!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Trainings_where_filters_by_organizer_and_hours()
    {
        var client = db.Factory.GraphQL();

        var organised = await Codes(client, "trainings", "{ organizer: { level: { in: [PROVINCE, PREFECTURE] } }, hours: { gt: 16 } }");
        var noOrganizer = await Codes(client, "trainings", "{ or: [{ organizer: { code: { eq: \"none\" } } }, { title: { contains: \"实务\" } }] }");

        Assert.Equal(["JS-2025-001", "NJ-2024-007"], organised);
        Assert.Equal(["XW-2023-003"], noOrganizer);
    }

    [Fact]
    public async Task Training_records_where_filters_by_worker_and_passed()
    {
        var ids = await Ids(db.Factory.GraphQL(), "trainingRecords", "{ passed: { eq: false }, worker: { gender: { eq: FEMALE } } }");

        Assert.Equal(Expected(db.Data.Records.Where(r => !r.Passed && r.Worker!.Gender == Gender.Female).Select(r => NodeId("TrainingRecord", r.Id))), ids);
    }

    [Fact]
    public async Task Assessments_where_filters_by_year_result_and_unit()
    {
        var unit = db.Data.Communities[0];
        var ids = await Ids(db.Factory.GraphQL(), "assessments", $"{{ year: {{ eq: 2024 }}, result: {{ neq: INCOMPETENT }}, unit: {{ code: {{ eq: \"{unit.Code}\" }} }} }}");

        Assert.Equal(Expected(db.Data.Assessments.Where(a => a.Year == 2024 && a.Result != AssessmentResult.Incompetent && a.Community == unit).Select(a => NodeId("Assessment", a.Id))), ids);
    }

    [Fact]
    public async Task Region_communities_where_filters_within_the_region()
    {
        var nodes = await PageAllAsync(
            db.Factory.GraphQL(),
            "query($after: String) { region(code: \"320100000000\") { communities(first: 50, after: $after, where: { name: { endsWith: \"社区\" } }) { pageInfo { hasNextPage endCursor } nodes { code } } } }",
            data => data["region"]!["communities"]!);

        Assert.Equal(
            Expected(db.Data.Communities.Where(c => c.Code.StartsWith("3201", StringComparison.Ordinal) && c.Name.EndsWith("社区", StringComparison.Ordinal)).Select(c => c.Code)),
            nodes.Select(n => n["code"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Community_workers_where_filters_the_current_post_holders()
    {
        foreach (var community in db.Data.Communities)
        {
            var nodes = await PageAllAsync(
                db.Factory.GraphQL(),
                $"query($after: String) {{ community(code: \"{community.Code}\") {{ workers(first: 50, after: $after, where: {{ gender: {{ eq: MALE }} }}) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ id }} }} }} }}",
                data => data["community"]!["workers"]!);

            var expected = db.Data.Workers
                .Where(w => w.Gender == Gender.Male && db.Data.PostsOf(w).Any(p => p.Community == community && IsCurrent(p)))
                .Select(w => NodeId("Worker", w.Id));
            Assert.Equal(Expected(expected), nodes.Select(n => n["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Community_posts_where_filters_the_communitys_posts()
    {
        var response = await db.Factory.GraphQL().PostAsync("{ communities(first: 50) { nodes { code posts(where: { endDate: { eq: null }, grade: { lte: 10 } }) { id } } } }");

        response.EnsureSuccess();
        foreach (var node in response.Data!["communities"]!["nodes"]!.AsArray())
        {
            var code = node!["code"]!.GetValue<string>();
            var expected = db.Data.Posts.Where(p => p.Community!.Code == code && p.EndDate is null && p.Grade <= 10).Select(p => NodeId("Post", p.Id));
            Assert.Equal(Expected(expected), node["posts"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Worker_training_records_where_filters_each_workers_records()
    {
        var nodes = await PageAllAsync(
            db.Factory.GraphQL(),
            "query($after: String) { workers(first: 50, after: $after) { pageInfo { hasNextPage endCursor } nodes { id trainingRecords(where: { passed: { eq: false } }) { id } } } }",
            data => data["workers"]!);

        Assert.Equal(db.Data.Workers.Count, nodes.Count);
        foreach (var node in nodes)
        {
            var worker = db.Data.Workers.Single(w => NodeId("Worker", w.Id) == node["id"]!.GetValue<string>());
            var expected = db.Data.RecordsOf(worker).Where(r => !r.Passed).Select(r => NodeId("TrainingRecord", r.Id));
            Assert.Equal(Expected(expected), node["trainingRecords"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Training_records_connection_where_filters_each_trainings_records()
    {
        foreach (var training in db.Data.Trainings)
        {
            var nodes = await PageAllAsync(
                db.Factory.GraphQL(),
                $"query($after: String) {{ trainings(where: {{ code: {{ eq: \"{training.Code}\" }} }}) {{ nodes {{ records(first: 50, after: $after, where: {{ passed: {{ eq: true }}, completedOn: {{ neq: null }} }}) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ id }} }} }} }} }}",
                data => data["trainings"]!["nodes"]![0]!["records"]!);

            var expected = db.Data.Records.Where(r => r.Training == training && r.Passed && r.CompletedOn is not null).Select(r => NodeId("TrainingRecord", r.Id));
            Assert.Equal(Expected(expected), nodes.Select(n => n["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        }
    }

    private static List<string> Expected(IEnumerable<string> values) => [.. values.Order(StringComparer.Ordinal)];

    private static async Task<List<string>> Codes(GraphQLHttpClient client, string field, string where) =>
        await Collect(client, field, where, "code");

    private static async Task<List<string>> Ids(GraphQLHttpClient client, string field, string where) =>
        await Collect(client, field, where, "id");

    private static async Task<List<string>> Collect(GraphQLHttpClient client, string field, string where, string key)
    {
        var nodes = await PageAllAsync(
            client,
            $"query($after: String) {{ {field}(first: 50, after: $after, where: {where}) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ {key} }} }} }}",
            data => data[field]!);
        var values = nodes.Select(n => n[key]!.GetValue<string>()).ToList();
        Assert.Equal(values.Count, values.Distinct().Count());
        return Expected(values);
    }
}

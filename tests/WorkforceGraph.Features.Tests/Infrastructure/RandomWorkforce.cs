using System.Text;
using System.Text.Json.Nodes;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.GradeSchemes;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Infrastructure;

/// <summary>
/// A deterministic, varied workforce from a seeded <see cref="Random"/>: one province, two prefectures, three
/// counties, three townships, six communities, ~60 workers (some without community, phone or qualification),
/// posts of every role (some ended), three trainings with records, assessments and two grade schemes. The
/// entities keep their database keys after saving, so tests can compute expected results in memory.
/// </summary>
public sealed class RandomWorkforce
{
    public const int Seed = 20250615;

    /// <summary>The pinned "today" of <see cref="WorkforceApiFactory.DefaultNow"/> in China time.</summary>
    public static readonly DateOnly Today = new(2025, 6, 15);

    private static readonly int[] Years = [2023, 2024];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    private static readonly string[] GivenNames = ["秀英", "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "华", "丽", "平"];

    public List<Region> Regions { get; } = [];

    public List<Community> Communities { get; } = [];

    public List<Worker> Workers { get; } = [];

    public List<Post> Posts { get; } = [];

    public List<Data.Trainings.Training> Trainings { get; } = [];

    public List<TrainingRecord> Records { get; } = [];

    public List<Assessment> Assessments { get; } = [];

    public List<GradeScheme> GradeSchemes { get; } = [];

    public static async Task<RandomWorkforce> CreateAsync(WorkforceApiFactory factory, int workers = 60)
    {
        var result = new RandomWorkforce();
        await factory.WithDbAsync(db =>
        {
            result.Build(new WorkforceBuilder(db), new Random(Seed), workers);
            return Task.CompletedTask;
        });
        return result;
    }

    public IEnumerable<Post> PostsOf(Worker worker) => Posts.Where(p => p.Worker == worker);

    public IEnumerable<TrainingRecord> RecordsOf(Worker worker) => Records.Where(r => r.Worker == worker);

    public IEnumerable<Assessment> AssessmentsOf(Worker worker) => Assessments.Where(a => a.Worker == worker);

    public static bool IsCurrent(Post post) => post.StartDate <= Today && (post.EndDate is null || post.EndDate >= Today);

    /// <summary>HotChocolate's global ID: base64 of <c>Type:key</c> (graphql-conventions.md §7).</summary>
    public static string NodeId(string type, int key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{key}"));

    /// <summary>The GraphQL name of an enum value: <c>PartySecretary</c> → <c>PARTY_SECRETARY</c>.</summary>
    public static string EnumName<T>(T value)
        where T : struct, Enum
    {
        var text = value.ToString();
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && char.IsUpper(text[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(text[i]));
        }

        return builder.ToString();
    }

    /// <summary>Pages a root or nested connection forward with <c>first: 50</c>, collecting every node.</summary>
    /// <param name="query">A query with a <c>$after: String</c> variable; <paramref name="connection"/> finds the connection in <c>data</c>.</param>
    public static async Task<List<JsonNode>> PageAllAsync(GraphQLHttpClient client, string query, Func<JsonNode, JsonNode> connection)
    {
        var nodes = new List<JsonNode>();
        string? after = null;
        for (var page = 0; page < 100; page++)
        {
            var response = await client.PostAsync(query, new { after });
            response.EnsureSuccess();
            var found = connection(response.Data!);
            nodes.AddRange(found["nodes"]!.AsArray().Select(n => n!));
            if (!found["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                return nodes;
            }

            after = found["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        throw new InvalidOperationException("Paging did not end after 100 pages.");
    }

    private void Build(WorkforceBuilder b, Random random, int workerCount)
    {
        var province = b.Province("32", "江苏省");
        var nanjing = b.Prefecture(province, "3201", "南京市");
        var wuxi = b.Prefecture(province, "3202", "无锡市");
        var xuanwu = b.County(nanjing, "320102", "玄武区");
        var gulou = b.County(nanjing, "320106", "鼓楼区");
        var liangxi = b.County(wuxi, "320213", "梁溪区");
        var meiyuan = b.Township(xuanwu, "320102001", "梅园新村街道");
        var ninghai = b.Township(gulou, "320106002", "宁海路街道");
        var chong = b.Township(liangxi, "320213003", "崇安寺街道");
        Regions.AddRange([province, nanjing, wuxi, xuanwu, gulou, liangxi, meiyuan, ninghai, chong]);
        Communities.AddRange(
        [
            b.Community(meiyuan, "320102001001", "梅园社区", population: 10_000),
            b.Community(meiyuan, "320102001002", "新街口社区", population: 5_556),
            b.Community(ninghai, "320106002001", "宁海社区", population: 8_200),
            b.Community(ninghai, "320106002201", "江东村", population: 2_000, urbanRuralClass: "220"),
            b.Community(chong, "320213003001", "崇安社区", population: 7_100),
            b.Community(chong, "320213003002", "Alpha社区", population: 3_300),
        ]);
        Trainings.AddRange(
        [
            b.Training("JS-2025-001", "社区书记示范培训", new DateOnly(2025, 3, 10), TrainingLevel.Provincial, province),
            b.Training("NJ-2024-007", "网格员培训", new DateOnly(2024, 9, 2), TrainingLevel.Prefecture, nanjing),
            b.Training("XW-2023-003", "社会工作实务", new DateOnly(2023, 5, 20)),
        ]);
        GradeSchemes.Add(b.GradeScheme(province, "JS-2020", "江苏省等级序列", (PostCategory.Principal, 9, 18), (PostCategory.Deputy, 5, 14), (PostCategory.Staff, 1, 10)));
        GradeSchemes.Add(b.GradeScheme(wuxi, "WX-2022", "无锡市等级序列", (PostCategory.Principal, 10, 18), (PostCategory.Deputy, 6, 14), (PostCategory.Staff, 1, 9)));

        var names = new HashSet<string>(StringComparer.Ordinal);
        var roles = Enum.GetValues<PostRole>();
        for (var i = 0; i < workerCount; i++)
        {
            string name;
            do
            {
                name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)] + (random.Next(3) == 0 ? GivenNames[random.Next(GivenNames.Length)][..1] : string.Empty);
            }
            while (!names.Add(name));

            // Every sixth worker or so has no community of record.
            var community = random.Next(12) == 0 ? null : Communities[random.Next(Communities.Count)];
            var gender = random.Next(2) == 0 ? Gender.Male : Gender.Female;
            // A few shared birth dates make ties that only the key tiebreak orders.
            var birth = random.Next(6) == 0 ? new DateOnly(1985, 3, 15) : new DateOnly(1965, 1, 1).AddDays(random.Next(35 * 365));
            var status = (WorkerStatus)random.Next(3);
            var education = (EducationLevel)random.Next(6);
            SocialWorkQualification? qualification = random.Next(3) == 0 ? null : (SocialWorkQualification)random.Next(3);
            var phone = random.Next(4) == 0 ? null : $"1{random.Next(3, 10)}{random.Next(100_000_000):D9}";
            var start = new DateOnly(2005, 1, 1).AddDays(random.Next(18 * 365));
            var worker = b.Worker(community, name, gender, birth, status, start, education, qualification, phone);
            worker.IsReserveTalent = random.Next(5) == 0;
            Workers.Add(worker);

            var posts = random.Next(4);
            var postStart = start;
            for (var p = 0; p < posts; p++)
            {
                var ended = p < posts - 1 || random.Next(4) == 0;
                var end = ended ? postStart.AddDays(200 + random.Next(1500)) : (DateOnly?)null;
                var place = community ?? Communities[random.Next(Communities.Count)];
                Posts.Add(b.Post(worker, place, roles[random.Next(roles.Length)], postStart, end, grade: 1 + random.Next(15)));
                postStart = (end ?? postStart).AddDays(1);
            }

            foreach (var training in Trainings.Where(_ => random.Next(2) == 0))
            {
                Records.Add(b.Record(worker, training, random.Next(5) == 0 ? null : training.EndDate, passed: random.Next(4) != 0));
            }

            foreach (var year in Years.Where(_ => random.Next(3) != 0))
            {
                Assessments.Add(b.Assessment(worker, community ?? Communities[0], year, (AssessmentResult)random.Next(4)));
            }
        }
    }
}

using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Infrastructure;

/// <summary>
/// A small, fixed workforce: one province, prefecture, county and township, two urban communities and one
/// village, five workers (one who left, one transferred), posts, a training and assessments.
/// </summary>
public sealed class SmallWorkforce
{
    public required Region Province { get; init; }

    public required Region Prefecture { get; init; }

    public required Region County { get; init; }

    public required Region Township { get; init; }

    public required Community Meiyuan { get; init; }

    public required Community Xinjiekou { get; init; }

    public required Community Village { get; init; }

    public required Worker Secretary { get; init; }

    public required Worker Staff { get; init; }

    public required Worker GridWorker { get; init; }

    public required Worker Left { get; init; }

    public required Worker Transferred { get; init; }

    public static async Task<SmallWorkforce> CreateAsync(WorkforceApiFactory factory)
    {
        SmallWorkforce? result = null;
        await factory.WithDbAsync(db =>
        {
            var b = new WorkforceBuilder(db);
            var province = b.Province("32", "江苏省");
            var prefecture = b.Prefecture(province, "3201", "南京市");
            var county = b.County(prefecture, "320102", "玄武区");
            var township = b.Township(county, "320102001", "梅园新村街道");
            var meiyuan = b.Community(township, "320102001001", "梅园社区", population: 10_000);
            var xinjiekou = b.Community(township, "320102001002", "新街口社区", population: 5_556);
            var village = b.Community(township, "320102001201", "红山村", population: 2_000, urbanRuralClass: "220");

            var secretary = b.Worker(meiyuan, "王秀英", Gender.Female, new DateOnly(1975, 8, 1), communityWorkStart: new DateOnly(2010, 3, 1));
            var staff = b.Worker(meiyuan, "李强", Gender.Male, new DateOnly(1990, 1, 20), phone: "13900001111");
            var grid = b.Worker(xinjiekou, "张伟", Gender.Male, new DateOnly(1995, 11, 30), phone: null);
            var left = b.Worker(meiyuan, "刘洋", Gender.Female, new DateOnly(1988, 4, 4), status: WorkerStatus.Left);
            var transferred = b.Worker(xinjiekou, "陈静", Gender.Female, new DateOnly(1992, 2, 29));

            b.Post(secretary, meiyuan, PostRole.PartySecretary, new DateOnly(2016, 1, 1), grade: 12);
            b.Post(secretary, meiyuan, PostRole.CommitteeDirector, new DateOnly(2016, 1, 1), grade: 12);
            b.Post(staff, meiyuan, PostRole.FullTimeStaff, new DateOnly(2018, 5, 1), grade: 4);
            b.Post(grid, xinjiekou, PostRole.GridWorker, new DateOnly(2021, 7, 1), grade: 2);
            b.Post(left, meiyuan, PostRole.FullTimeStaff, new DateOnly(2015, 1, 1), end: new DateOnly(2023, 12, 31), grade: 3);
            b.Post(transferred, meiyuan, PostRole.CommitteeMember, new DateOnly(2017, 1, 1), end: new DateOnly(2022, 6, 30), grade: 6);
            b.Post(transferred, xinjiekou, PostRole.CommitteeMember, new DateOnly(2022, 7, 1), grade: 7);

            var training = b.Training("JS-2025-001", "社区书记示范培训", new DateOnly(2025, 3, 10), TrainingLevel.Provincial, province);
            b.Record(secretary, training, new DateOnly(2025, 3, 12));
            b.Record(staff, training, null, passed: false);
            b.Assessment(secretary, meiyuan, 2023, AssessmentResult.Excellent);
            b.Assessment(secretary, meiyuan, 2024, AssessmentResult.Competent);

            result = new SmallWorkforce
            {
                Province = province,
                Prefecture = prefecture,
                County = county,
                Township = township,
                Meiyuan = meiyuan,
                Xinjiekou = xinjiekou,
                Village = village,
                Secretary = secretary,
                Staff = staff,
                GridWorker = grid,
                Left = left,
                Transferred = transferred,
            };
            return Task.CompletedTask;
        });
        return result!;
    }
}

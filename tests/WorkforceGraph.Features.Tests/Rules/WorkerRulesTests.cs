using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.Data;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Workers;
using WorkforceGraph.Features.Rules;
using WorkforceGraph.Testing;

namespace WorkforceGraph.Features.Tests.Rules;

/// <summary>The demo data set, loaded whole for the in-memory oracles.</summary>
public sealed class RulesDatabase : IAsyncLifetime
{
    public WorkforceApiFactory Factory { get; } = new();

    public List<Worker> Workers { get; private set; } = [];

    public List<WorkforceGraph.Data.GradeSchemes.GradeScheme> Schemes { get; private set; } = [];

    public static DateOnly Today { get; } = DateOnly.FromDateTime(WorkforceApiFactory.DefaultNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    public async Task InitializeAsync()
    {
        Factory.Settings["Seed:Scale"] = "demo";
        await using var db = Db();
        Workers = await db.Workers.Include(w => w.Posts).Include(w => w.TrainingRecords).Include(w => w.Assessments).Include(w => w.Community)
            .OrderBy(w => w.Id).AsSplitQuery().ToListAsync();
        Schemes = await db.GradeSchemes.Include(g => g.Region).Include(g => g.Ranges).ToListAsync();
    }

    public WorkforceDbContext Db() => Factory.Services.GetRequiredService<IDbContextFactory<WorkforceDbContext>>().CreateDbContext();

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// The worker rules of domain.md evaluated in SQL (SQLite) against plain C# oracles written from the text, over
/// every worker of the generated demo data set, plus hand-made edge cases.
/// </summary>
public sealed class WorkerRulesTests(RulesDatabase data) : IClassFixture<RulesDatabase>
{
    private static DateOnly Today => RulesDatabase.Today;

    [Fact]
    public async Task Service_years_and_age_are_full_years_today()
    {
        await using var db = data.Db();

        var service = await db.Workers.OrderBy(w => w.Id).Select(WorkerRules.ServiceYears(Today)).ToListAsync();
        var age = await db.Workers.OrderBy(w => w.Id).Select(WorkerRules.Age(Today)).ToListAsync();

        Assert.Equal(data.Workers.Select(w => FullYears(w.CommunityWorkStartDate, Today)), service);
        Assert.Equal(data.Workers.Select(w => FullYears(w.BirthDate, Today)), age);
        Assert.Contains(service, y => y >= 10);
        Assert.Contains(service, y => y < 3);
    }

    [Theory]
    [InlineData("2015-06-15", 10)] // ten years exactly
    [InlineData("2015-06-16", 9)] // ten years minus one day
    [InlineData("2025-06-15", 0)]
    [InlineData("2024-02-29", 1)] // a leap-day start: its anniversary in a common year falls after 28 February
    [InlineData("2020-02-29", 5)]
    public void Full_years_count_anniversaries(string start, int years)
    {
        var worker = new Worker
        {
            IdNumber = IdNumber.Create("320102", new DateOnly(1980, 1, 1), 1),
            Name = "x",
            Gender = Gender.Male,
            BirthDate = new DateOnly(1980, 1, 1),
            Ethnicity = "汉族",
            CommunityWorkStartDate = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.Equal(years, WorkerRules.ServiceYears(Today).Compile()(worker));
        Assert.Equal(years, FullYears(worker.CommunityWorkStartDate, Today));
    }

    [Fact]
    public async Task The_current_post_is_the_highest_category_then_secretary_then_earliest()
    {
        await using var db = data.Db();

        var current = await db.Workers.OrderBy(w => w.Id).Select(WorkerRules.CurrentPost(Today)).Select(p => p == null ? (int?)null : p.Id).ToListAsync();

        Assert.Equal(data.Workers.Select(w => CurrentPostOracle(w)?.Id), current);
        Assert.Contains(current, id => id is null);
        Assert.Contains(data.Workers, w => w.Posts.Count(IsCurrent) > 1);
    }

    [Fact]
    public async Task Training_status_follows_the_yearly_and_three_year_cycles()
    {
        await using var db = data.Db();

        var status = await db.Workers.OrderBy(w => w.Id).Select(WorkerRules.Training(Today)).ToListAsync();

        Assert.Equal(data.Workers.Select(TrainingOracle), status);
        Assert.Equal(3, status.Distinct().Count());
    }

    [Fact]
    public async Task The_latest_assessment_is_the_one_of_the_latest_year()
    {
        await using var db = data.Db();

        var latest = await db.Workers.OrderBy(w => w.Id).Select(WorkerRules.LatestAssessment).Select(a => a == null ? (int?)null : a.Year).ToListAsync();

        Assert.Equal(data.Workers.Select(w => w.Assessments.Count == 0 ? (int?)null : w.Assessments.Max(a => a.Year)), latest);
    }

    [Fact]
    public async Task The_eligible_grade_follows_the_most_specific_scheme()
    {
        await using var db = data.Db();

        var grades = await db.Workers.OrderBy(w => w.Id).Select(WorkerRules.EligibleGrade(Today)).ToListAsync();

        Assert.Equal(data.Workers.Select(w => GradeOracle(w, data.Schemes)), grades);
        Assert.Contains(grades, g => g is null);
        Assert.True(grades.Distinct().Count() > 5, string.Join(",", grades.Distinct()));
        // The demo data carries two schemes: the grades of 无锡 (3202, 3x12) never pass 12.
        Assert.All(data.Workers.Zip(grades).Where(x => x.First.Community?.Code.StartsWith("3202", StringComparison.Ordinal) == true), x => Assert.True(x.Second is null or <= 12));
    }

    [Fact]
    public async Task Incentive_eligibility_needs_ten_years_a_full_term_and_five_good_assessments()
    {
        await using var db = data.Db();

        var eligible = await db.Workers.OrderBy(w => w.Id).Select(WorkerRules.IncentiveEligible(Today)).ToListAsync();

        Assert.Equal(data.Workers.Select(IncentiveOracle), eligible);
        Assert.Contains(true, eligible);
        Assert.Contains(data.Workers.Zip(eligible), x => !x.Second && CurrentPostOracle(x.First)?.Role == PostRole.PartySecretary);
    }

    // Oracles, written from domain.md without the expressions.
    private static int? GradeOracle(Worker w, List<WorkforceGraph.Data.GradeSchemes.GradeScheme> schemes)
    {
        var post = CurrentPostOracle(w);
        if (post is null || w.Community is null)
        {
            return null;
        }

        WorkforceGraph.Data.GradeSchemes.GradeScheme? Latest(string code) => schemes
            .Where(g => g.Region!.Code == code && g.EffectiveFrom <= Today)
            .OrderByDescending(g => g.EffectiveFrom).ThenByDescending(g => g.Id).FirstOrDefault();
        var scheme = Latest(w.Community.Code[..4].PadRight(12, '0')) ?? Latest(w.Community.Code[..2].PadRight(12, '0'));
        var range = scheme?.Ranges.FirstOrDefault(r => r.Category == post.Category);
        if (scheme is null || range is null)
        {
            return null;
        }

        var education = w.Education switch
        {
            EducationLevel.Bachelor => scheme.BachelorBonus,
            EducationLevel.Master => scheme.MasterBonus,
            EducationLevel.Doctor => scheme.DoctorBonus,
            _ => 0,
        };
        var qualification = w.SocialWorkQualification switch
        {
            SocialWorkQualification.Assistant => scheme.AssistantBonus,
            SocialWorkQualification.Intermediate => scheme.IntermediateBonus,
            SocialWorkQualification.Senior => scheme.SeniorBonus,
            _ => 0,
        };
        return Math.Min(range.MaxGrade, range.MinGrade + (FullYears(w.CommunityWorkStartDate, Today) / scheme.YearsPerStep) + education + qualification);
    }

    private static bool IncentiveOracle(Worker w)
    {
        if (CurrentPostOracle(w)?.Role != PostRole.PartySecretary || FullYears(w.CommunityWorkStartDate, Today) < 10)
        {
            return false;
        }

        var days = w.Posts.Where(p => p.Role == PostRole.PartySecretary && p.StartDate <= Today)
            .Sum(p => (p.EndDate is { } end && end <= Today ? end : Today).DayNumber - p.StartDate.DayNumber);
        var lastFive = Enumerable.Range(Today.Year - 5, 5).Select(y => w.Assessments.SingleOrDefault(a => a.Year == y)).ToList();
        return days >= 1826
            && lastFive.All(a => a is { Result: WorkforceGraph.Data.Assessments.AssessmentResult.Excellent or WorkforceGraph.Data.Assessments.AssessmentResult.Competent })
            && lastFive.Any(a => a!.Result == WorkforceGraph.Data.Assessments.AssessmentResult.Excellent);
    }

    private static int FullYears(DateOnly from, DateOnly to) =>
        to.Year - from.Year - ((to.Month, to.Day).CompareTo((from.Month, from.Day)) < 0 ? 1 : 0);

    private static bool IsCurrent(Post p) => p.StartDate <= Today && (p.EndDate is null || p.EndDate >= Today);

    private static Post? CurrentPostOracle(Worker w)
    {
        static int Category(PostCategory c) => c switch { PostCategory.Principal => 0, PostCategory.Deputy => 1, _ => 2 };
        static int Role(PostRole r) => r switch { PostRole.PartySecretary => 0, PostRole.CommitteeDirector => 1, _ => 2 };
        return w.Posts.Where(IsCurrent).OrderBy(p => Category(p.Category)).ThenBy(p => Role(p.Role)).ThenBy(p => p.StartDate).ThenBy(p => p.Id).FirstOrDefault();
    }

    private static TrainingStatus TrainingOracle(Worker w)
    {
        var yearly = w.Posts.Where(IsCurrent).Any(p => p.Role is PostRole.PartySecretary or PostRole.CommitteeDirector);
        var cycle = yearly ? 1 : 3;
        var passed = w.TrainingRecords.Where(r => r.Passed && r.CompletedOn is { } d && d <= Today).Select(r => r.CompletedOn!.Value.Year).ToList();
        var last = passed.Count == 0 ? (int?)null : passed.Max();
        return last is { } y && y > Today.Year - cycle ? TrainingStatus.Compliant
            : last == Today.Year - cycle ? TrainingStatus.DueThisYear
            : TrainingStatus.Overdue;
    }
}

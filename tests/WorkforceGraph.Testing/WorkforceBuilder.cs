using WorkforceGraph.Data;
using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.GradeSchemes;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Trainings;
using WorkforceGraph.Data.Workers;

namespace WorkforceGraph.Testing;

/// <summary>
/// Builds a test's own rows with fixed codes, keys and dates (never the demo seed). Codes and ID numbers
/// go through the same value types as production, so every row is valid.
/// </summary>
public sealed class WorkforceBuilder(WorkforceDbContext db)
{
    private int _sequence = 100;

    public Region Province(string digits, string name) => AddRegion(digits.PadRight(12, '0'), name, RegionLevel.Province, null);

    public Region Prefecture(Region province, string digits, string name) => AddRegion(digits.PadRight(12, '0'), name, RegionLevel.Prefecture, province);

    public Region County(Region prefecture, string digits, string name) => AddRegion(digits.PadRight(12, '0'), name, RegionLevel.County, prefecture);

    public Region Township(Region county, string digits, string name) => AddRegion(digits.PadRight(12, '0'), name, RegionLevel.Township, county);

    public Community Community(Region township, string code, string name, int population = 10_000, string urbanRuralClass = "111")
    {
        DivisionCode.TryParse(code, DivisionLevel.Village, out _, out var error).ShouldBeTrue(error);
        var community = new Community
        {
            Code = code,
            Name = name,
            UrbanRuralClass = urbanRuralClass,
            Region = township,
            ResidentPopulation = population,
            Households = population / 3,
            GridCount = Math.Max(1, population / 1_500),
        };
        db.Communities.Add(community);
        return community;
    }

    public Worker Worker(
        Community? community,
        string name,
        Gender gender = Gender.Female,
        DateOnly? birthDate = null,
        WorkerStatus status = WorkerStatus.Active,
        DateOnly? communityWorkStart = null,
        EducationLevel education = EducationLevel.Bachelor,
        SocialWorkQualification? qualification = null,
        string? phone = "13812345678")
    {
        var birth = birthDate ?? new DateOnly(1985, 3, 15);
        var sequence = _sequence++;
        // The sequence digit's parity encodes sex (odd = male).
        if ((sequence % 2 == 1) != (gender == Gender.Male))
        {
            sequence = _sequence++;
        }

        var address = community is null ? "320102" : community.Code[..6];
        var worker = new Worker
        {
            IdNumber = IdNumber.Create(address, birth, sequence),
            Name = name,
            Gender = gender,
            BirthDate = birth,
            Phone = phone,
            Ethnicity = "汉族",
            PoliticalStatus = PoliticalStatus.CpcMember,
            Education = education,
            SocialWorkQualification = qualification,
            EmploymentType = EmploymentType.CommunityStaff,
            Status = status,
            CommunityWorkStartDate = communityWorkStart ?? new DateOnly(2015, 1, 1),
            HiredOn = communityWorkStart ?? new DateOnly(2015, 1, 1),
            Community = community,
        };
        db.Workers.Add(worker);
        return worker;
    }

    public Post Post(Worker worker, Community community, PostRole role, DateOnly start, DateOnly? end = null, int grade = 5)
    {
        var post = new Post
        {
            Worker = worker,
            Community = community,
            Role = role,
            Category = Data.Posts.Post.CategoryOf(role),
            Grade = grade,
            StartDate = start,
            EndDate = end,
        };
        db.Posts.Add(post);
        return post;
    }

    public Training Training(string code, string title, DateOnly start, TrainingLevel level = TrainingLevel.County, Region? organizer = null)
    {
        var training = new Training
        {
            Code = code,
            Title = title,
            Level = level,
            Kind = TrainingKind.InService,
            Mode = TrainingMode.Offline,
            Organizer = organizer,
            StartDate = start,
            EndDate = start.AddDays(2),
            Hours = 16.5m,
        };
        db.Trainings.Add(training);
        return training;
    }

    public TrainingRecord Record(Worker worker, Training training, DateOnly? completedOn, bool passed = true)
    {
        var record = new TrainingRecord { Worker = worker, Training = training, CompletedOn = completedOn, Hours = training.Hours, Passed = passed };
        db.TrainingRecords.Add(record);
        return record;
    }

    public Assessment Assessment(Worker worker, Community unit, int year, AssessmentResult result)
    {
        var assessment = new Assessment
        {
            Worker = worker,
            Community = unit,
            Year = year,
            Result = result,
            PoliticalScore = 90m,
            PerformanceScore = 88.5m,
            ResidentSatisfaction = 92m,
            AssessedOn = new DateOnly(year, 12, 20),
        };
        db.Assessments.Add(assessment);
        return assessment;
    }

    public GradeScheme GradeScheme(Region region, string code, string name, params (PostCategory Category, int Min, int Max)[] ranges)
    {
        var scheme = new GradeScheme { Code = code, Name = name, Region = region, EffectiveFrom = new DateOnly(2020, 1, 1) };
        foreach (var (category, min, max) in ranges)
        {
            scheme.Ranges.Add(new GradeRange { Category = category, MinGrade = min, MaxGrade = max });
        }

        db.GradeSchemes.Add(scheme);
        return scheme;
    }

    private Region AddRegion(string code, string name, RegionLevel level, Region? parent)
    {
        DivisionCode.TryParse(code, out var parsed, out var error).ShouldBeTrue(error);
        if ((int)parsed.Level != (int)level)
        {
            throw new ArgumentException($"{code} is not a {level} code.");
        }

        var region = new Region { Code = code, Name = name, Level = level, Parent = parent };
        db.Regions.Add(region);
        return region;
    }
}

internal static class BuilderChecks
{
    public static void ShouldBeTrue(this bool condition, string? message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}

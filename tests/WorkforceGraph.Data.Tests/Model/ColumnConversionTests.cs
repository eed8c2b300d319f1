using Microsoft.EntityFrameworkCore;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Regions;
using WorkforceGraph.Data.Workers;

namespace WorkforceGraph.Data.Tests.Model;

public sealed class ColumnConversionTests
{
    private const string Number = "32010219900106123X";

    [Fact]
    public async Task Enums_are_stored_by_name()
    {
        await using var database = await MigratedDatabase.CreateAsync();
        await AddWorkerAsync(database);

        Assert.Equal("Township", await database.ScalarAsync("SELECT Level FROM Regions"));
        Assert.Equal(
            "Male|CylMember|Master|Intermediate|CommunityStaff|Probation",
            await database.ScalarAsync(
                "SELECT Gender || '|' || PoliticalStatus || '|' || Education || '|' || SocialWorkQualification || '|' || EmploymentType || '|' || Status FROM Workers"));
        Assert.Equal("text", await database.ScalarAsync("SELECT typeof(Gender) FROM Workers"));
    }

    [Fact]
    public async Task An_IdNumber_is_stored_as_its_18_characters()
    {
        await using var database = await MigratedDatabase.CreateAsync();
        await AddWorkerAsync(database);

        Assert.Equal(Number, await database.ScalarAsync("SELECT IdNumber FROM Workers"));
    }

    [Fact]
    public async Task An_IdNumber_round_trips_through_the_converter()
    {
        await using var database = await MigratedDatabase.CreateAsync();
        await AddWorkerAsync(database);

        await using var context = database.CreateContext();
        var id = IdNumber.Parse(Number);
        var worker = await context.Workers.SingleAsync(w => w.IdNumber == id);

        Assert.Equal(id, worker.IdNumber);
        Assert.Equal(Number, worker.IdNumber.Unmasked);
        Assert.Equal(Gender.Male, worker.Gender);
    }

    [Fact]
    public async Task Reading_a_stored_invalid_IdNumber_fails_through_the_same_Parse()
    {
        await using var database = await MigratedDatabase.CreateAsync();
        await AddWorkerAsync(database);
        await database.ScalarAsync("UPDATE Workers SET IdNumber = '320102199001061231'");

        await using var context = database.CreateContext();

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => context.Workers.ToListAsync());
        Assert.IsType<FormatException>(exception.GetBaseException());
    }

    private static async Task AddWorkerAsync(MigratedDatabase database)
    {
        await using var context = database.CreateContext();
        var township = new Region { Code = "320102001000", Name = "梅园新村街道", Level = RegionLevel.Township };
        var community = new Community { Code = "320102001001", Name = "大行宫社区", UrbanRuralClass = "111", Region = township };
        context.Workers.Add(new Worker
        {
            IdNumber = IdNumber.Parse(Number),
            Name = "张三",
            Gender = Gender.Male,
            BirthDate = new DateOnly(1990, 1, 6),
            Ethnicity = "汉族",
            PoliticalStatus = PoliticalStatus.CylMember,
            Education = EducationLevel.Master,
            SocialWorkQualification = SocialWorkQualification.Intermediate,
            EmploymentType = EmploymentType.CommunityStaff,
            Status = WorkerStatus.Probation,
            CommunityWorkStartDate = new DateOnly(2015, 7, 1),
            HiredOn = new DateOnly(2015, 7, 1),
            Community = community,
        });
        await context.SaveChangesAsync();
    }
}

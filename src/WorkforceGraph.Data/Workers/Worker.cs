using WorkforceGraph.Data.Assessments;
using WorkforceGraph.Data.Communities;
using WorkforceGraph.Data.Posts;
using WorkforceGraph.Data.Trainings;

namespace WorkforceGraph.Data.Workers;

/// <summary>A community worker (社区工作者); natural key: the resident ID number.</summary>
public sealed class Worker
{
    public int Id { get; init; }

    public required IdNumber IdNumber { get; init; }

    public required string Name { get; set; }

    public required Gender Gender { get; set; }

    public required DateOnly BirthDate { get; set; }

    /// <summary>Sensitive personal information; masked on output without pii:read.</summary>
    public string? Phone { get; set; }

    public required string Ethnicity { get; set; }

    public PoliticalStatus PoliticalStatus { get; set; }

    public EducationLevel Education { get; set; }

    public SocialWorkQualification? SocialWorkQualification { get; set; }

    public EmploymentType EmploymentType { get; set; }

    public WorkerStatus Status { get; set; }

    /// <summary>First day of community work; years accumulate across communities within a province.</summary>
    public DateOnly CommunityWorkStartDate { get; set; }

    public DateOnly HiredOn { get; set; }

    /// <summary>In the reserve pool for community Party secretary (art. 2).</summary>
    public bool IsReserveTalent { get; set; }

    /// <summary>The community of record (domain brief, "Posts, current post and membership").</summary>
    public int? CommunityId { get; set; }

    public Community? Community { get; set; }

    public List<Post> Posts { get; init; } = [];

    public List<TrainingRecord> TrainingRecords { get; init; } = [];

    public List<Assessment> Assessments { get; init; } = [];
}

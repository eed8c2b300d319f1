using WorkforceGraph.Data.Workers;

namespace WorkforceGraph.Features.Workers;

/// <summary>
/// A worker as provincial platforms send it: the full record (a nullable field left out is stored as null), related
/// rows named by natural keys. The GraphQL input <c>WorkerInput</c> and one line of a worker import file.
/// </summary>
public sealed class WorkerInput
{
    public string? IdNumber { get; set; }

    public string? Name { get; set; }

    public Gender? Gender { get; set; }

    public DateOnly? BirthDate { get; set; }

    public string? Phone { get; set; }

    public string? Ethnicity { get; set; }

    public PoliticalStatus? PoliticalStatus { get; set; }

    public EducationLevel? Education { get; set; }

    public SocialWorkQualification? SocialWorkQualification { get; set; }

    public EmploymentType? EmploymentType { get; set; }

    public WorkerStatus? Status { get; set; }

    public DateOnly? CommunityWorkStartDate { get; set; }

    public DateOnly? HiredOn { get; set; }

    public bool? IsReserveTalent { get; set; }

    /// <summary>The community of record of a worker without posts; with posts it follows them.</summary>
    public string? CommunityCode { get; set; }
}

/// <summary>Names a worker to delete.</summary>
public sealed class WorkerKeyInput
{
    public string? IdNumber { get; set; }
}

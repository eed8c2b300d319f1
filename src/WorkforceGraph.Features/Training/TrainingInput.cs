using WorkforceGraph.Data.Trainings;

namespace WorkforceGraph.Features.Training;

/// <summary>
/// A training programme as provincial platforms send it: the full record, the organizer named by its division code
/// (null for a national programme). Natural key: code. The GraphQL input <c>TrainingInput</c>.
/// </summary>
public sealed class TrainingInput
{
    public string? Code { get; set; }

    public string? Title { get; set; }

    public TrainingLevel? Level { get; set; }

    public TrainingKind? Kind { get; set; }

    public TrainingMode? Mode { get; set; }

    public string? OrganizerCode { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public decimal? Hours { get; set; }
}

/// <summary>Names a training programme to delete.</summary>
public sealed class TrainingKeyInput
{
    public string? Code { get; set; }
}

/// <summary>
/// A worker's participation in a training programme, both named by natural keys. Natural key: worker ID number +
/// training code. The GraphQL input <c>TrainingRecordInput</c>.
/// </summary>
public sealed class TrainingRecordInput
{
    public string? WorkerIdNumber { get; set; }

    public string? TrainingCode { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public decimal? Hours { get; set; }

    public bool? Passed { get; set; }
}

/// <summary>Names a training record to delete.</summary>
public sealed class TrainingRecordKeyInput
{
    public string? WorkerIdNumber { get; set; }

    public string? TrainingCode { get; set; }
}

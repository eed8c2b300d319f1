using WorkforceGraph.Data.Regions;

namespace WorkforceGraph.Data.Trainings;

/// <summary>Organizing level (art. 8).</summary>
public enum TrainingLevel { National, Provincial, Prefecture, County, Township }

/// <summary>Initial (初任), in-service (在职), special (专项), practice (实践锻炼).</summary>
public enum TrainingKind { Initial, InService, Special, Practice }

/// <summary>Online training counts (art. 8).</summary>
public enum TrainingMode { Online, Offline, Blended }

/// <summary>A training programme; natural key: its code.</summary>
public sealed class Training
{
    public int Id { get; init; }

    public required string Code { get; init; }

    public required string Title { get; set; }

    public TrainingLevel Level { get; set; }

    public TrainingKind Kind { get; set; }

    public TrainingMode Mode { get; set; }

    /// <summary>Organizing region; null for national programmes.</summary>
    public int? OrganizerId { get; set; }

    public Region? Organizer { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public decimal Hours { get; set; }

    public List<TrainingRecord> Records { get; init; } = [];
}

/// <summary>A worker's participation in a training; natural key: worker + training.</summary>
public sealed class TrainingRecord
{
    public int Id { get; init; }

    public int WorkerId { get; init; }

    public Workers.Worker? Worker { get; init; }

    public int TrainingId { get; init; }

    public Training? Training { get; init; }

    public DateOnly? CompletedOn { get; set; }

    public decimal Hours { get; set; }

    public bool Passed { get; set; }
}

using Buurtzorg.Grains.Idempotency;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Grains.Visits;

/// <summary>
/// The stored schedule: the visits, and per client the interventions the team performs, so the
/// schedule can roll its horizon forward day by day on its own. A schema: add, never rename.
/// </summary>
public sealed class TeamScheduleState
{
    /// <summary>Outcomes of recent keyed commands, stored with the changes they made.</summary>
    public OutcomeLedger Outcomes { get; set; } = new();

    public int Schema { get; set; } = 1;

    public long Version { get; set; }

    /// <summary>The first day of the horizon last generated.</summary>
    public DateOnly GeneratedFrom { get; set; }

    public Dictionary<Guid, List<Intervention>> ClientInterventions { get; set; } = [];

    public List<Visit> Visits { get; set; } = [];

    /// <summary>The order each nurse chose for a day; visits she has but did not place follow by time window.</summary>
    public List<StoredRound> Rounds { get; set; } = [];

    /// <summary>Visits that left the schedule after <see cref="RemovalsKnownSince"/>, so watchers can catch up.</summary>
    public List<RemovedVisit> Removed { get; set; } = [];

    /// <summary>
    /// The version from which every removal is in <see cref="Removed"/>; a watcher further behind
    /// gets the whole schedule. Unset (max) in a schedule stored before removals were kept.
    /// </summary>
    public long RemovalsKnownSince { get; set; } = long.MaxValue;
}

public sealed class StoredRound
{
    public Guid NurseId { get; set; }

    public DateOnly Date { get; set; }

    public List<RoundPlanStop> Stops { get; set; } = [];
}

public sealed record RemovedVisit(Guid Id, long Version, DateOnly Date);

using Buurtzorg.Grains.Idempotency;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Grains.Visits;

/// <summary>
/// The schedule: the visits, and per client the interventions the team performs, so the schedule
/// can roll its horizon forward day by day on its own. A schema: add, never rename.
/// Schema 1 stored all of it in this one state. Schema 2 stores here only the team's head (version,
/// horizon, interventions, the index of <see cref="Days"/>) and each day's visits, rounds,
/// removals and outcomes in a <see cref="TeamScheduleDayState"/> of its own, so a change writes
/// the days it touched (see TeamScheduleGrain.Days.cs). The grain keeps the whole in memory in
/// this shape either way.
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

    /// <summary>Schema 2: the days stored as rows of their own; the version is the highest of these and the head's.</summary>
    public List<DateOnly> Days { get; set; } = [];
}

/// <summary>
/// One day of a team's schedule as stored (schema 2): the day's visits and nurses' orders, the
/// removals of its visits and the outcomes of the keyed changes that wrote it. A row carries the
/// version of the change that last wrote it, so a change stored in its days but not yet in the
/// head (a write cut off in between) is found again, with what a watcher and a retry need.
/// </summary>
public sealed class TeamScheduleDayState
{
    public DateOnly Date { get; set; }

    /// <summary>The version of the last change written to this day.</summary>
    public long Version { get; set; }

    public List<Visit> Visits { get; set; } = [];

    public List<StoredRound> Rounds { get; set; } = [];

    public List<RemovedVisit> Removed { get; set; } = [];

    public OutcomeLedger Outcomes { get; set; } = new();
}

public sealed class StoredRound
{
    public Guid NurseId { get; set; }

    public DateOnly Date { get; set; }

    public List<RoundPlanStop> Stops { get; set; } = [];
}

public sealed record RemovedVisit(Guid Id, long Version, DateOnly Date);

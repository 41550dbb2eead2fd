using Buurtzorg.Grains.Idempotency;
using Buurtzorg.Contracts.CarePlans;

namespace Buurtzorg.Grains.CarePlans;

/// <summary>
/// The stored care plan: the current problems and a log with, per version, who changed which
/// problem and the problem as it stood afterwards (null once removed). Any earlier version is
/// the log replayed up to it, so history costs one problem per edit, not a whole plan.
/// A schema: add members with defaults, never rename.
/// </summary>
public sealed class CarePlanState
{
    /// <summary>Outcomes of recent keyed commands, stored with the changes they made.</summary>
    public OutcomeLedger Outcomes { get; set; } = new();

    public int Schema { get; set; } = 1;

    public int Version { get; set; }

    public DateTimeOffset? ChangedAt { get; set; }

    public List<CarePlanProblem> Problems { get; set; } = [];

    public List<CarePlanLogEntry> Log { get; set; } = [];

    /// <summary>
    /// Stored true with every edit and false once the team's schedule has it: an activation
    /// that finds it true knows a sync was cut off, and only then syncs.
    /// </summary>
    public bool ScheduleSyncPending { get; set; }
}

public sealed class CarePlanLogEntry
{
    public int Version { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid By { get; set; }

    public CarePlanChangeKind Kind { get; set; }

    public int ProblemCode { get; set; }

    public CarePlanProblem? ProblemAfter { get; set; }
}

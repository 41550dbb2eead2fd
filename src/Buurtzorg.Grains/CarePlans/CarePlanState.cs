using Buurtzorg.Grains.Idempotency;
using Buurtzorg.Contracts.CarePlans;

namespace Buurtzorg.Grains.CarePlans;

/// <summary>
/// The stored head of a care plan: its version and the kept outcomes of keyed edits. The plan
/// itself is its history, a log with one entry per version (who changed which problem, and
/// how), stored in pages beside this state (<see cref="CarePlanGrain.LogName"/>): the plan at
/// any version is the log replayed up to it, and an edit stores one entry, not the plan.
/// A schema: add members with defaults, never rename.
/// </summary>
public sealed class CarePlanState
{
    /// <summary>Outcomes of recent keyed commands, stored with the changes they made (by version: the log gives the answer back).</summary>
    public OutcomeLedger Outcomes { get; set; } = new();

    /// <summary>1: the log and the current problems were stored in this state; 2: the log is in pages.</summary>
    public int Schema { get; set; } = 2;

    public int Version { get; set; }

    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>Schema 1 only: the current problems. Since schema 2 they are the log replayed.</summary>
    public List<CarePlanProblem> Problems { get; set; } = [];

    /// <summary>Schema 1 only: the whole log. Moved to pages by the first edit after an upgrade.</summary>
    public List<CarePlanLogEntry> Log { get; set; } = [];

    /// <summary>
    /// Schema 1 only: stored true with every edit and false once the team's schedule had it.
    /// Since schema 2, <see cref="CarePlanSynced"/> says which version the schedule has.
    /// </summary>
    public bool ScheduleSyncPending { get; set; }
}

/// <summary>
/// The version of the plan the client's team schedule was last brought in line with: an
/// activation that finds it behind the plan knows a sync was cut off, and only then syncs.
/// </summary>
public sealed class CarePlanSynced
{
    public int Version { get; set; }
}

/// <summary>One version of a care plan: who made it, when, and what changed.</summary>
public sealed class CarePlanLogEntry
{
    public int Version { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid By { get; set; }

    public CarePlanChangeKind Kind { get; set; }

    public int ProblemCode { get; set; }

    /// <summary>
    /// The problem as written (null once removed). Since schema 2 it is stored without ratings:
    /// a rewritten problem keeps the ratings it had, so the log holds each rating once.
    /// (Schema 1 stored the problem with its ratings, also for a rating.)
    /// </summary>
    public CarePlanProblem? ProblemAfter { get; set; }

    /// <summary>Since schema 2, the rating an <see cref="CarePlanChangeKind.OutcomeRated"/> entry added.</summary>
    public OutcomeRating? Rating { get; set; }

    /// <summary>Who <see cref="By"/> is: a nurse (the default, as every earlier entry was a nurse's), the client, or a relative.</summary>
    public PlanActorKind ByKind { get; set; }

    /// <summary>A step of the circle: the task as the step left it.</summary>
    public CircleTask? CircleTask { get; set; }

    /// <summary>The intervention an agreed task added to <see cref="ProblemCode"/>'s problem (the problem itself is not stored again).</summary>
    public Intervention? AddedIntervention { get; set; }
}

namespace Buurtzorg.Planning;

/// <summary>
/// The planner's proposal: a round per nurse, what it could not place and why, and what it costs.
/// <see cref="Moved"/>: every task pinned to one nurse that the plan gives to another, so that no
/// visit a nurse already has is taken away without saying so.
/// </summary>
public sealed record PlanningResult(
    IReadOnlyList<PlannedRound> Rounds,
    IReadOnlyList<UnplacedTask> Unplaced,
    PlanCost Cost,
    PlanningStats Stats,
    IReadOnlyList<MovedTask>? MovedTasks = null)
{
    public IReadOnlyList<MovedTask> Moved => MovedTasks ?? [];
}

public sealed record PlannedRound(string NurseId, IReadOnlyList<PlannedStop> Stops);

public sealed record PlannedStop(string TaskId, double Start, double End);

/// <summary>
/// A task no round holds. For a task a nurse already has, <see cref="KeptBy"/> is that nurse (it
/// stays hers: the plan does not take it away) and <see cref="NotKept"/> why her round does not hold it;
/// <see cref="UnplacedReason"/> then says why no colleague could take it either.
/// </summary>
public sealed record UnplacedTask(string TaskId, UnplacedReason Reason, string Explanation, string? KeptBy = null, KeepFailure? NotKept = null);

/// <summary>A task pinned to <see cref="From"/> that the plan gives to <see cref="To"/>, because <see cref="From"/> cannot keep it.</summary>
public sealed record MovedTask(string TaskId, string From, string To, KeepFailure Why);

/// <summary>Why a nurse cannot keep a task she already has.</summary>
public enum KeepFailure
{
    /// <summary>She is not on shift that day (leave, or no hours).</summary>
    NotOnShift = 1,

    /// <summary>She no longer has the qualification it needs.</summary>
    MissingQualification = 2,

    /// <summary>Her shift does not meet its window (with the drive there and home).</summary>
    ShiftMissesWindow = 3,

    /// <summary>Each alone fits her shift, but not all she has together.</summary>
    RoundFull = 4,
}

public enum UnplacedReason
{
    /// <summary>No nurse on shift has the qualification it needs.</summary>
    NoQualifiedNurse = 1,

    /// <summary>Its window does not meet any qualified nurse's shift (or the pinned nurse's).</summary>
    OutsideEveryShift = 2,

    /// <summary>A double visit, and fewer than two different qualified nurses are on shift.</summary>
    NoSecondNurse = 3,

    /// <summary>Possible on its own, but no round had room for it within the time limit.</summary>
    NoRoom = 4,
}

/// <summary>
/// The cost of a plan by objective, in the problem's units: minutes driven, minutes late (sum and
/// largest), tasks given to a nurse new to the client, and the spread of work between nurses.
/// </summary>
public sealed record PlanCost(
    double Travel,
    double Lateness,
    double MaxLateness,
    int NewNurseClientPairs,
    int DistinctNursesPerClient,
    double WorkSpread,
    int NursesUsed,
    double Weighted);

public sealed record PlanningStats(TimeSpan Elapsed, TimeSpan? FirstFeasibleAfter, int Improvements, string Engine);

namespace Buurtzorg.Planning;

/// <summary>The planner's proposal: a round per nurse, what it could not place and why, and what it costs.</summary>
public sealed record PlanningResult(
    IReadOnlyList<PlannedRound> Rounds,
    IReadOnlyList<UnplacedTask> Unplaced,
    PlanCost Cost,
    PlanningStats Stats);

public sealed record PlannedRound(string NurseId, IReadOnlyList<PlannedStop> Stops);

public sealed record PlannedStop(string TaskId, double Start, double End);

public sealed record UnplacedTask(string TaskId, UnplacedReason Reason, string Explanation);

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

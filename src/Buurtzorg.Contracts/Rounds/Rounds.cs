using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Contracts.Rounds;

/// <summary>Why a change to a visit or a round was refused; nothing changed when it is not <see cref="None"/>.</summary>
[GenerateSerializer, Alias("Buurtzorg.Rounds.RoundError")]
public enum RoundError
{
    None = 0,
    VisitNotFound = 1,
    NurseNotFound = 2,
    NurseNotInTeam = 3,
    MissingQualification = 4,

    /// <summary>Someone else has it (or, for a double visit, both places are taken).</summary>
    ClaimedByOther = 5,
    NotAssigned = 6,
    AlreadyAssigned = 7,

    /// <summary>Done, not done or cancelled: only open visits can be claimed, handed over or reported.</summary>
    VisitClosed = 8,
    OutsideAvailability = 9,

    /// <summary>The round's visits are not exactly the nurse's visits of that day.</summary>
    RoundMismatch = 10,

    /// <summary>A visit in the future cannot be reported as done or not done.</summary>
    NotYetDue = 11,

    /// <summary>The schedule changed after the proposal was made; ask for a fresh one.</summary>
    ScheduleMoved = 12,
}

[GenerateSerializer, Alias("Buurtzorg.Rounds.RoundWarningKind")]
public enum RoundWarningKind
{
    /// <summary>The visit would start before its time window opens.</summary>
    Early = 1,

    /// <summary>The visit would end after its time window closes.</summary>
    Late = 2,

    /// <summary>The visit would start before the previous one in the round has ended.</summary>
    Overlap = 3,
}

/// <summary>A round that can be driven but breaks a visit's window or overlaps: a warning, never a refusal.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Rounds.RoundWarning")]
public sealed record RoundWarning(
    [property: Id(0)] Guid VisitId,
    [property: Id(1)] RoundWarningKind Kind,
    [property: Id(2)] int Minutes);

/// <summary>One place in a nurse's chosen order; <see cref="Start"/> is a time she fixed, or null to follow on.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Rounds.RoundPlanStop")]
public sealed record RoundPlanStop(
    [property: Id(0)] Guid VisitId,
    [property: Id(1)] TimeOnly? Start);

/// <summary>A visit in a nurse's round with the times it works out at.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Rounds.RoundStop")]
public sealed record RoundStop(
    [property: Id(0)] Visit Visit,
    [property: Id(1)] TimeOnly PlannedStart,
    [property: Id(2)] TimeOnly PlannedEnd,
    [property: Id(3)] bool StartFixed);

/// <summary>One nurse's visits of one day in the order she drives them.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Rounds.NurseRound")]
public sealed record NurseRound(
    [property: Id(0)] Guid TeamId,
    [property: Id(1)] Guid NurseId,
    [property: Id(2)] DateOnly Date,
    [property: Id(3)] long Version,
    [property: Id(4)] IReadOnlyList<RoundStop> Stops,
    [property: Id(5)] IReadOnlyList<RoundWarning> Warnings);

/// <summary>
/// The answer to a change: on success the visit (or round) as stored; on refusal the reason and
/// the current state, so the caller can show what it lost to.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Rounds.RoundResult")]
public sealed record RoundResult(
    [property: Id(0)] RoundError Error,
    [property: Id(1)] long Version,
    [property: Id(2)] Visit? Visit,
    [property: Id(3)] NurseRound? Round)
{
    public static RoundResult Refused(RoundError error, long version, Visit? visit = null) => new(error, version, visit, null);
}

/// <summary>
/// What a nurse registers against the plan. Done as planned is one action (<see cref="AsPlanned"/>);
/// only a deviation (other start or duration, or not done and why) needs more.
/// <see cref="ReportedBy"/> did the care; <see cref="RecordedBy"/> typed it in, a colleague only
/// when she recorded it on her behalf as an explicit act (null in reports stored before).
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Rounds.VisitReport")]
public sealed record VisitReport(
    [property: Id(0)] Guid ReportedBy,
    [property: Id(1)] DateTimeOffset ReportedAt,
    [property: Id(2)] bool Done,
    [property: Id(3)] bool AsPlanned,
    [property: Id(4)] TimeOnly? Start,
    [property: Id(5)] int DurationMinutes,
    [property: Id(6)] string? NotDoneReason,
    [property: Id(7)] Guid? RecordedBy = null)
{
    public bool OnBehalf => RecordedBy is { } by && by != ReportedBy;
}

/// <summary>
/// What changed in a team's schedule after a version: the visits and rounds changed since, and
/// the visits that left it. <see cref="Complete"/> means it is the whole schedule (the version
/// asked for was too old to answer with a difference).
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Rounds.ScheduleDelta")]
public sealed record ScheduleDelta(
    [property: Id(0)] Guid TeamId,
    [property: Id(1)] long Since,
    [property: Id(2)] long Version,
    [property: Id(3)] bool Complete,
    [property: Id(4)] IReadOnlyList<Visit> Visits,
    [property: Id(5)] IReadOnlyList<Guid> RemovedVisitIds);

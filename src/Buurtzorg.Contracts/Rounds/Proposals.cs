namespace Buurtzorg.Contracts.Rounds;

/// <summary>How a round (or the team's day) scores: minutes driven, minutes late, clients new to the nurse.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Rounds.RoundFigures")]
public sealed record RoundFigures(
    [property: Id(0)] int Visits,
    [property: Id(1)] double TravelMinutes,
    [property: Id(2)] double LateMinutes,
    [property: Id(3)] int NewClients);

/// <summary>
/// A visit in a proposed round. <see cref="New"/>: not hers yet. <see cref="MovedFrom"/>: the
/// colleague who has it now and cannot keep it; taking the proposal hands it over from her.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Rounds.ProposedStop")]
public sealed record ProposedStop(
    [property: Id(0)] Guid VisitId,
    [property: Id(1)] TimeOnly Start,
    [property: Id(2)] TimeOnly End,
    [property: Id(3)] bool New,
    [property: Id(4)] Guid? MovedFrom = null);

/// <summary>One nurse's proposed round beside how her round looks now.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Rounds.ProposedRound")]
public sealed record ProposedRound(
    [property: Id(0)] Guid NurseId,
    [property: Id(1)] IReadOnlyList<ProposedStop> Stops,
    [property: Id(2)] RoundFigures Now,
    [property: Id(3)] RoundFigures Proposed);

/// <summary>
/// A visit the proposal has no place for, or one a proposal could not take. <see cref="KeptBy"/>:
/// the nurse who has it, and keeps it (taking the proposal leaves it with her);
/// <see cref="NotKept"/> why her round does not hold it (<c>NotOnShift</c>,
/// <c>MissingQualification</c>, <c>ShiftMissesWindow</c>, <c>RoundFull</c>); <see cref="Reason"/>
/// why no colleague could take it either.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Rounds.UnplacedVisit")]
public sealed record UnplacedVisit(
    [property: Id(0)] Guid VisitId,
    [property: Id(1)] string Reason,
    [property: Id(2)] string Explanation,
    [property: Id(3)] Guid? KeptBy = null,
    [property: Id(4)] string? NotKept = null);

/// <summary>
/// The planner's suggestion for a team's day, computed on <see cref="ScheduleVersion"/>; the team
/// decides what to take. It can only be accepted while the schedule is still at that version.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Rounds.RoundProposal")]
public sealed record RoundProposal(
    [property: Id(0)] Guid TeamId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] long ScheduleVersion,
    [property: Id(3)] IReadOnlyList<ProposedRound> Rounds,
    [property: Id(4)] IReadOnlyList<UnplacedVisit> Unplaced,
    [property: Id(5)] RoundFigures Now,
    [property: Id(6)] RoundFigures Proposed,
    [property: Id(7)] double Seconds,
    [property: Id(8)] string Method);

/// <summary>
/// What accepting a proposal did: the visits taken (<see cref="Claimed"/>, new to a nurse), the
/// rounds whose visits now come in another order (<see cref="RoundsReordered"/>, counting only
/// visits the nurse already had), the visits handed over from a colleague who could not keep
/// them (<see cref="Moved"/>), and those skipped with the reason.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Rounds.ProposalAccepted")]
public sealed record ProposalAccepted(
    [property: Id(0)] RoundError Error,
    [property: Id(1)] long Version,
    [property: Id(2)] int Claimed,
    [property: Id(3)] IReadOnlyList<UnplacedVisit> Skipped,
    [property: Id(4)] int RoundsReordered = 0,
    [property: Id(5)] int Moved = 0);

/// <summary>Proposes rounds for a team's day; keyed by the team's id, one planning at a time per team.</summary>
[Alias("Buurtzorg.Rounds.IRoundPlannerGrain")]
public interface IRoundPlannerGrain : IGrainWithGuidKey
{
    /// <summary>
    /// The planner may think up to <paramref name="timeLimit"/> (at most 30 s, plus a refit), so
    /// the answer may take longer than Orleans' default 30 s; cancelling stops the planning.
    /// </summary>
    [Alias("Propose"), ResponseTimeout("00:02:00")]
    ValueTask<RoundProposal> Propose(DateOnly date, TimeSpan timeLimit, CancellationToken cancellationToken = default);
}

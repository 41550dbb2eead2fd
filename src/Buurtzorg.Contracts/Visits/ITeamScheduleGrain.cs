using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Rounds;

namespace Buurtzorg.Contracts.Visits;

/// <summary>
/// A team's visits for the coming days, keyed by the team's id. Every change is one call that
/// bumps the schedule version once and is published as one <see cref="ScheduleChanged"/>.
/// </summary>
[Alias("Buurtzorg.Visits.ITeamScheduleGrain")]
public interface ITeamScheduleGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Brings the client's future visits in line with the interventions the team performs for
    /// them (none: the client's open visits go). Safe to repeat with the same interventions.
    /// </summary>
    [Alias("SyncClient")]
    ValueTask<long> SyncClient(Guid clientId, IReadOnlyList<Intervention> interventions);

    [Alias("GetVisits")]
    ValueTask<ScheduleView> GetVisits(DateOnly from, DateOnly to);

    /// <summary>How often each nurse visited or is to visit each client (the continuity bonds).</summary>
    [Alias("GetCareBonds")]
    ValueTask<IReadOnlyList<CareBondCount>> GetCareBonds();

    /// <summary>
    /// Continuity for the team's own page: per client, the different nurses of the visits confirmed
    /// as done in the last four weeks (<see cref="TeamContinuity.NursesPerClientLastFourWeeks"/>),
    /// and of the visits taken from today to the end of the horizon.
    /// </summary>
    [Alias("GetContinuity")]
    ValueTask<TeamContinuity> GetContinuity();

    /// <summary>
    /// The nurse hours a week each client's team interventions ask (both nurses of a double visit):
    /// the team's demand figure, per client. A client without team interventions is not listed.
    /// </summary>
    [Alias("GetClientDemand")]
    ValueTask<IReadOnlyList<ClientDemand>> GetClientDemand();

    /// <summary>
    /// Hands a client's interventions and visits to another team's schedule (safe to repeat),
    /// with the chosen round orders of <paramref name="toTeamNurses"/>, the nurses of that team.
    /// </summary>
    /// <remarks>New aliases: a silo of the release before would call these with fewer arguments.</remarks>
    [Alias("HandOverClientToTeam")]
    ValueTask HandOverClient(Guid clientId, Guid toTeamId, IReadOnlyList<Guid> toTeamNurses);

    /// <summary>
    /// Takes a client's interventions and visits over from another schedule, replacing any earlier
    /// copy. A nurse not among <paramref name="teamNurses"/> is taken off the visits still to be
    /// done (they are open again to this team); the orders in <paramref name="rounds"/> become the
    /// team's nurses' orders here, for the stops whose visits are hers in this schedule.
    /// </summary>
    [Alias("TakeOverClientWithRounds")]
    ValueTask TakeOverClient(Guid clientId, IReadOnlyList<Intervention> interventions, IReadOnlyList<Visit> visits, IReadOnlyList<Guid> teamNurses, IReadOnlyList<RoundOrder> rounds);

    /// <summary>What changed after <paramref name="since"/>: how a watcher that missed events catches up.</summary>
    [Alias("GetChanges")]
    ValueTask<ScheduleDelta> GetChanges(long since);

    /// <summary>
    /// A nurse of the team takes an open visit that still needs a nurse. Refused when she lacks
    /// its qualification, is not available then, or someone else was first.
    /// </summary>
    [Alias("Claim")]
    ValueTask<RoundResult> Claim(Guid visitId, Guid nurseId);

    [Alias("Release")]
    ValueTask<RoundResult> Release(Guid visitId, Guid nurseId);

    /// <summary>Hands a visit from one nurse to a colleague, checked as if the colleague claimed it.</summary>
    [Alias("HandOver")]
    ValueTask<RoundResult> HandOver(Guid visitId, Guid fromNurseId, Guid toNurseId);

    /// <summary>The nurse's round for a day (her visits in her order, with times and warnings).</summary>
    [Alias("GetRound")]
    ValueTask<NurseRound> GetRound(Guid nurseId, DateOnly date);

    /// <summary>Sets the order (and any fixed start times) of the nurse's visits of a day; refused for a nurse not in the team.</summary>
    [Alias("PlanRound")]
    ValueTask<RoundResult> PlanRound(Guid nurseId, DateOnly date, IReadOnlyList<RoundPlanStop> stops);

    /// <summary>
    /// Registers a visit of the nurse's as done as planned (one action) or with its deviation.
    /// <paramref name="recordedBy"/> is who typed it: she herself, or a team-mate recording it on her behalf.
    /// </summary>
    [Alias("Report")]
    ValueTask<RoundResult> Report(Guid visitId, Guid nurseId, VisitDeviation? deviation, Guid recordedBy);

    /// <summary>
    /// Takes (part of) a proposal made on <paramref name="expectedVersion"/>: each visit is claimed
    /// and each round ordered with the same checks as a nurse's own, and the whole is one change
    /// (one version, one <see cref="ScheduleChanged"/>): taken entirely or, on a fault, not at all.
    /// Refused, with nothing changed, if the schedule has moved since.
    /// </summary>
    [Alias("AcceptProposal")]
    ValueTask<ProposalAccepted> AcceptProposal(long expectedVersion, DateOnly date, IReadOnlyList<ProposedRound> rounds, Guid acceptedBy);
}

/// <summary>The order a nurse chose for her visits of a day, as it moves with her to another schedule.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Visits.RoundOrder")]
public sealed record RoundOrder(
    [property: Id(0)] Guid NurseId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] IReadOnlyList<RoundPlanStop> Stops);

/// <summary>How a visit went other than planned: another start or duration, or not done and why.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Visits.VisitDeviation")]
public sealed record VisitDeviation(
    [property: Id(0)] bool Done,
    [property: Id(1)] TimeOnly? Start,
    [property: Id(2)] int? DurationMinutes,
    [property: Id(3)] string? NotDoneReason);

public static class ScheduleHorizon
{
    /// <summary>How many days ahead, today included, the schedule holds visits.</summary>
    public const int Days = 14;
}

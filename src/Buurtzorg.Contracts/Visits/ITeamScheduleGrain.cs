using Buurtzorg.Contracts.CarePlans;

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

    /// <summary>Hands a client's interventions and visits to another team's schedule (safe to repeat).</summary>
    [Alias("HandOverClient")]
    ValueTask HandOverClient(Guid clientId, Guid toTeamId);

    /// <summary>Takes a client's interventions and visits over from another schedule, replacing any earlier copy.</summary>
    [Alias("TakeOverClient")]
    ValueTask TakeOverClient(Guid clientId, IReadOnlyList<Intervention> interventions, IReadOnlyList<Visit> visits);
}

public static class ScheduleHorizon
{
    /// <summary>How many days ahead, today included, the schedule holds visits.</summary>
    public const int Days = 14;
}

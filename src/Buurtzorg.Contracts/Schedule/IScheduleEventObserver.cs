using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Clients;
using Orleans.Concurrency;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Contracts.Schedule;

/// <summary>
/// Implemented by each host (one per silo) to receive every change published in the cluster
/// and pass it on to the browsers connected to that host.
/// </summary>
[Alias("Buurtzorg.Schedule.IScheduleEventObserver")]
public interface IScheduleEventObserver : IGrainObserver
{
    /// <summary>One-way: a slow or vanished host must never hold up the grain that changed.</summary>
    [OneWay, Alias("OnTeamChanges")]
    Task OnTeamChanges(IReadOnlyList<TeamChanged> changes);

    [OneWay, Alias("OnScheduleChanges")]
    Task OnScheduleChanges(IReadOnlyList<ScheduleChanged> changes);

    [OneWay, Alias("OnCapacityChanged")]
    Task OnCapacityChanged(CapacityChanged change);

    [OneWay, Alias("OnClientAccessChanges")]
    Task OnClientAccessChanges(IReadOnlyList<ClientAccessChanged> changes);
}

using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Knowledge;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Orleans.Concurrency;
using Orleans.Services;

namespace Buurtzorg.Contracts.Schedule;

/// <summary>
/// Runs in every silo (a grain service) and passes every change published in the cluster on to
/// the browsers connected to that silo's host. Publishers address it per silo from Orleans' own
/// membership view, so a host that has joined hears changes as soon as the cluster knows it,
/// with no registry of hosts to keep in step.
/// </summary>
[Alias("Buurtzorg.Schedule.IScheduleEventRelay")]
public interface IScheduleEventRelay : IGrainService
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

    [OneWay, Alias("OnQuestionChanges")]
    Task OnQuestionChanges(IReadOnlyList<QuestionChanged> changes);
}

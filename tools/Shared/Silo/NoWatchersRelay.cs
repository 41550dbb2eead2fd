using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Schedule;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Microsoft.Extensions.Logging;

namespace Buurtzorg.Tools;

/// <summary>
/// A tool's silo change relay with no browser connected: every change is published and delivered
/// as in the host, and goes no further. Without a relay the publisher cannot activate, and every
/// change waits in its grain's follow-ups to be retried, each retry logging a warning.
/// </summary>
internal sealed class NoWatchersRelay(GrainId id, Silo silo, ILoggerFactory loggers) : GrainService(id, silo, loggers), IScheduleEventRelay
{
    public Task OnTeamChanges(IReadOnlyList<TeamChanged> changes) => Task.CompletedTask;

    public Task OnScheduleChanges(IReadOnlyList<ScheduleChanged> changes) => Task.CompletedTask;

    public Task OnCapacityChanged(CapacityChanged change) => Task.CompletedTask;

    public Task OnClientAccessChanges(IReadOnlyList<ClientAccessChanged> changes) => Task.CompletedTask;

    public Task OnQuestionChanges(IReadOnlyList<Contracts.Knowledge.QuestionChanged> changes) => Task.CompletedTask;
}

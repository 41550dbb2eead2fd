using System.Threading.Channels;
using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Schedule;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Microsoft.Extensions.Logging;

namespace Buurtzorg.Grains.Tests.Schedule;

/// <summary>Stands in for a host: keeps every team and schedule change the test silo's relay receives.</summary>
public sealed class RecordingRelay(GrainId id, Silo silo, ILoggerFactory loggers) : GrainService(id, silo, loggers), IScheduleEventRelay
{
    public static readonly Channel<TeamChanged> TeamChanges = Channel.CreateUnbounded<TeamChanged>();

    public static readonly Channel<ScheduleChanged> ScheduleChanges = Channel.CreateUnbounded<ScheduleChanged>();

    public Task OnTeamChanges(IReadOnlyList<TeamChanged> changes)
    {
        foreach (var change in changes)
        {
            TeamChanges.Writer.TryWrite(change);
        }

        return Task.CompletedTask;
    }

    public Task OnScheduleChanges(IReadOnlyList<ScheduleChanged> changes)
    {
        foreach (var change in changes)
        {
            ScheduleChanges.Writer.TryWrite(change);
        }

        return Task.CompletedTask;
    }

    public Task OnCapacityChanged(CapacityChanged change) => Task.CompletedTask;

    public Task OnClientAccessChanges(IReadOnlyList<ClientAccessChanged> changes) => Task.CompletedTask;

    public Task OnQuestionChanges(IReadOnlyList<Contracts.Knowledge.QuestionChanged> changes) => Task.CompletedTask;
}

using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Knowledge;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Buurtzorg.Grains.Schedule;

/// <summary>
/// One activation per silo (a local stateless worker, so publishing never leaves the silo the
/// changed grain lives on). It gathers the changes of a short window into one batch per host,
/// so a burst of changes costs one message per host instead of one per change. A single
/// activation per silo also keeps a team's events in the order they were stored. The runtime's
/// removal of idle workers is off: "idle" there means no call in progress, which is exactly the
/// state of a worker holding a batch until its window closes.
/// </summary>
[StatelessWorker(1, removeIdleWorkers: false)]
public sealed partial class ScheduleEventPublisherGrain(
    ScheduleEventRelays relays,
    IOptions<ScheduleEventOptions> options,
    ILogger<ScheduleEventPublisherGrain> logger) : Grain, IScheduleEventPublisherGrain
{
    private readonly List<TeamChanged> _pendingTeams = [];
    private readonly List<ScheduleChanged> _pendingSchedules = [];
    private readonly List<ClientAccessChanged> _pendingAccess = [];
    private readonly List<QuestionChanged> _pendingQuestions = [];
    private CapacityChanged? _pendingCapacity;
    private IGrainTimer? _flushTimer;

    public ValueTask Publish(TeamChanged change)
    {
        _pendingTeams.Add(change);
        return ScheduleFlush();
    }

    public ValueTask Publish(ScheduleChanged change)
    {
        _pendingSchedules.Add(change);
        return ScheduleFlush();
    }

    /// <summary>Only the latest matters: watchers re-read the whole (aggregate) overview.</summary>
    public ValueTask Publish(CapacityChanged change)
    {
        _pendingCapacity = change;
        return ScheduleFlush();
    }

    public ValueTask Publish(ClientAccessChanged change)
    {
        _pendingAccess.Add(change);
        return ScheduleFlush();
    }

    public ValueTask Publish(QuestionChanged change)
    {
        _pendingQuestions.Add(change);
        return ScheduleFlush();
    }

    // A pending batch keeps the activation alive: collecting it would drop changes never sent.
    private ValueTask ScheduleFlush()
    {
        _flushTimer ??= this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions
        {
            DueTime = options.Value.BatchWindow,
            Period = Timeout.InfiniteTimeSpan,
            KeepAlive = true,
        });
        return ValueTask.CompletedTask;
    }

    /// <summary>Whatever ends the activation (a silo stopping, a forced collection), a batch it holds still goes out.</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Flush(cancellationToken);

    private async Task Flush(CancellationToken cancellationToken)
    {
        _flushTimer?.Dispose();
        _flushTimer = null;
        TeamChanged[] teams = [.. _pendingTeams];
        ScheduleChanged[] schedules = [.. _pendingSchedules];
        ClientAccessChanged[] access = [.. _pendingAccess];
        QuestionChanged[] questions = [.. _pendingQuestions];
        _pendingQuestions.Clear();
        var capacity = _pendingCapacity;
        _pendingAccess.Clear();
        _pendingTeams.Clear();
        _pendingSchedules.Clear();
        _pendingCapacity = null;

        // Every call is one-way, so a host that died and is not yet declared dead costs nothing
        // here; its browsers reconnect to another host and catch up by version.
        foreach (var relay in relays.OnEveryActiveSilo())
        {
            try
            {
                if (teams.Length > 0)
                {
                    await relay.OnTeamChanges(teams);
                }

                if (schedules.Length > 0)
                {
                    await relay.OnScheduleChanges(schedules);
                }

                if (capacity is not null)
                {
                    await relay.OnCapacityChanged(capacity);
                }

                if (access.Length > 0)
                {
                    await relay.OnClientAccessChanges(access);
                }

                if (questions.Length > 0)
                {
                    await relay.OnQuestionChanges(questions);
                }
            }
            catch (Exception ex)
            {
                LogDeliveryFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver schedule changes to a host")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception);
}

using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Schedule;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Buurtzorg.Grains.Schedule;

/// <summary>
/// One activation per silo (a local stateless worker, so publishing never leaves the silo the
/// changed grain lives on). It gathers the changes of a short window into one batch per host,
/// so a burst of changes costs one message per host instead of one per change. A single
/// activation per silo also keeps a team's events in the order they were stored.
/// </summary>
[StatelessWorker(1)]
public sealed partial class ScheduleEventPublisherGrain(
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<ScheduleEventPublisherGrain> logger) : Grain, IScheduleEventPublisherGrain
{
    internal static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(15);

    // Hosts come and go rarely; asking the registry on every flush would make it a hot spot.
    private static readonly TimeSpan SubscriberCacheLifetime = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan SubscribersRetry = TimeSpan.FromMilliseconds(500);

    private readonly List<TeamChanged> _pendingTeams = [];
    private readonly List<ScheduleChanged> _pendingSchedules = [];
    private readonly List<ClientAccessChanged> _pendingAccess = [];
    private CapacityChanged? _pendingCapacity;
    private IReadOnlyList<IScheduleEventObserver> _subscribers = [];
    private DateTimeOffset _subscribersFetchedAt = DateTimeOffset.MinValue;
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

    private ValueTask ScheduleFlush()
    {
        _flushTimer ??= FlushIn(BatchWindow);
        return ValueTask.CompletedTask;
    }

    // A pending batch keeps the activation alive: collecting it would drop changes never sent.
    private IGrainTimer FlushIn(TimeSpan due) => this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions
    {
        DueTime = due,
        Period = Timeout.InfiniteTimeSpan,
        KeepAlive = true,
    });

    private async Task Flush(CancellationToken cancellationToken)
    {
        _flushTimer?.Dispose();
        _flushTimer = null;
        IReadOnlyList<IScheduleEventObserver> subscribers;
        try
        {
            subscribers = await Subscribers();
        }
        catch (Exception ex)
        {
            // The registry lived on a silo that just died and is not yet declared dead: keep the
            // batch and try again shortly, or the pages would miss these changes until they
            // happened to read again.
            LogSubscribersUnavailable(logger, ex);
            _flushTimer = FlushIn(SubscribersRetry);
            return;
        }

        TeamChanged[] teams = [.. _pendingTeams];
        ScheduleChanged[] schedules = [.. _pendingSchedules];
        ClientAccessChanged[] access = [.. _pendingAccess];
        var capacity = _pendingCapacity;
        _pendingAccess.Clear();
        _pendingTeams.Clear();
        _pendingSchedules.Clear();
        _pendingCapacity = null;

        foreach (var subscriber in subscribers)
        {
            try
            {
                if (teams.Length > 0)
                {
                    await subscriber.OnTeamChanges(teams);
                }

                if (schedules.Length > 0)
                {
                    await subscriber.OnScheduleChanges(schedules);
                }

                if (capacity is not null)
                {
                    await subscriber.OnCapacityChanged(capacity);
                }

                if (access.Length > 0)
                {
                    await subscriber.OnClientAccessChanges(access);
                }
            }
            catch (Exception ex)
            {
                // A host that vanished is dropped by the registry once it stops renewing; its
                // browsers reconnect elsewhere and catch up by version.
                LogDeliveryFailed(logger, ex);
            }
        }
    }

    private async ValueTask<IReadOnlyList<IScheduleEventObserver>> Subscribers()
    {
        var now = clock.GetUtcNow();
        if (now - _subscribersFetchedAt > SubscriberCacheLifetime)
        {
            _subscribers = await grains.GetGrain<IScheduleHubRegistryGrain>(ScheduleHubRegistry.Key).GetSubscribers();
            _subscribersFetchedAt = now;
        }

        return _subscribers;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the hosts to send schedule changes to; the changes are kept and sent again")]
    private static partial void LogSubscribersUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver schedule changes to a host")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception);
}

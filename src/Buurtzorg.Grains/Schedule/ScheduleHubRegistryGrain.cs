using Buurtzorg.Contracts.Schedule;

namespace Buurtzorg.Grains.Schedule;

/// <summary>
/// Leases are renewed by every host every <see cref="ScheduleHubRegistry.Renewal"/> and kept in
/// memory; only the set of hosts is stored, and only when it changes (a host arrives, leaves or
/// lapses), so renewals cost no writes. After a move, stored hosts count as renewed on
/// activation and lapse like any other if they never renew again.
/// </summary>
public sealed class ScheduleHubRegistryGrain(
    [PersistentState("schedule-hub-registry", GrainStorage.Name)] IPersistentState<ScheduleHubRegistryState> stored,
    TimeProvider clock) : Grain, IScheduleHubRegistryGrain
{
    private readonly SubscriberLeases<IScheduleEventObserver> _leases = new(ScheduleHubRegistry.Expiry);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var id in stored.State.Subscribers)
        {
            _leases.Renew(GrainFactory.GetGrain(GrainId.Parse(id)).AsReference<IScheduleEventObserver>(), now);
        }

        return Task.CompletedTask;
    }

    public async ValueTask Subscribe(IScheduleEventObserver observer)
    {
        _leases.Renew(observer, clock.GetUtcNow());
        await StoreIfChanged();
    }

    public async ValueTask Unsubscribe(IScheduleEventObserver observer)
    {
        _leases.Remove(observer);
        await StoreIfChanged();
    }

    public async ValueTask<IReadOnlyList<IScheduleEventObserver>> GetSubscribers()
    {
        var current = _leases.Current(clock.GetUtcNow());
        await StoreIfChanged();
        return current;
    }

    private async Task StoreIfChanged()
    {
        var ids = _leases.Current(clock.GetUtcNow()).Select(o => o.GetGrainId().ToString()).Order(StringComparer.Ordinal).ToList();
        if (ids.SequenceEqual(stored.State.Subscribers))
        {
            return;
        }

        stored.State.Subscribers = ids;
        await stored.WriteStateAsync();
    }
}

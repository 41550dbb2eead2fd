using Buurtzorg.Contracts.Schedule;

namespace Buurtzorg.Grains.Schedule;

/// <summary>
/// Subscriptions live in memory only: every host renews its own every
/// <see cref="ScheduleHubRegistry.Renewal"/>, so after a move to another silo the list is whole
/// again within one renewal period, and storing it would cost a write per renewal for nothing.
/// </summary>
public sealed class ScheduleHubRegistryGrain(TimeProvider clock) : Grain, IScheduleHubRegistryGrain
{
    private readonly SubscriberLeases<IScheduleEventObserver> _leases = new(ScheduleHubRegistry.Expiry);

    public ValueTask Subscribe(IScheduleEventObserver observer)
    {
        _leases.Renew(observer, clock.GetUtcNow());
        return ValueTask.CompletedTask;
    }

    public ValueTask Unsubscribe(IScheduleEventObserver observer)
    {
        _leases.Remove(observer);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<IScheduleEventObserver>> GetSubscribers() =>
        ValueTask.FromResult(_leases.Current(clock.GetUtcNow()));
}

namespace Buurtzorg.Contracts.Schedule;

/// <summary>
/// Knows which hosts want change events. Hosts renew their subscription periodically; one that
/// stops renewing (a host that died) is forgotten after <see cref="ScheduleHubRegistry.Expiry"/>.
/// </summary>
[Alias("Buurtzorg.Schedule.IScheduleHubRegistryGrain")]
public interface IScheduleHubRegistryGrain : IGrainWithIntegerKey
{
    [Alias("Subscribe")]
    ValueTask Subscribe(IScheduleEventObserver observer);

    [Alias("Unsubscribe")]
    ValueTask Unsubscribe(IScheduleEventObserver observer);

    [Alias("GetSubscribers")]
    ValueTask<IReadOnlyList<IScheduleEventObserver>> GetSubscribers();
}

public static class ScheduleHubRegistry
{
    public const long Key = 0;

    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(35);
}

namespace Buurtzorg.Grains.Schedule;

/// <summary>Subscriptions that lapse unless renewed: a host that dies simply stops renewing.</summary>
internal sealed class SubscriberLeases<T>(TimeSpan expiry)
    where T : notnull
{
    private readonly Dictionary<T, DateTimeOffset> _renewedAt = [];

    public void Renew(T subscriber, DateTimeOffset now) => _renewedAt[subscriber] = now;

    public void Remove(T subscriber) => _renewedAt.Remove(subscriber);

    /// <summary>The subscribers renewed within the expiry; lapsed ones are dropped for good.</summary>
    public IReadOnlyList<T> Current(DateTimeOffset now)
    {
        var cutoff = now - expiry;
        foreach (var lapsed in _renewedAt.Where(s => s.Value < cutoff).Select(s => s.Key).ToList())
        {
            _renewedAt.Remove(lapsed);
        }

        return [.. _renewedAt.Keys];
    }
}

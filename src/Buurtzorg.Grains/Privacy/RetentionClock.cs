namespace Buurtzorg.Grains.Privacy;

/// <summary>
/// The time a care record's retention period counts in: when a client was discharged or their
/// record last changed, and when the retention job looks. The system clock; a service of its
/// own so a test can move it twenty years on without moving the silo's own timers.
/// </summary>
public sealed class RetentionClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;

    public DateTimeOffset Now() => Time.GetUtcNow();
}

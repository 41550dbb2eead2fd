namespace Buurtzorg.Grains.Schedule;

public sealed class ScheduleEventOptions
{
    /// <summary>
    /// How long the publisher gathers changes before sending them as one batch per host: long
    /// enough to join a burst, short enough that a screen follows a change at once.
    /// </summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(15);
}

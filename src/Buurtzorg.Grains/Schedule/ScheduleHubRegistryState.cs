namespace Buurtzorg.Grains.Schedule;

/// <summary>
/// The hosts subscribed to change events, by observer grain id. Stored so that a registry that
/// moves to another silo (its silo stopped) still knows every live host at once, instead of
/// dropping events until each host renews.
/// </summary>
public sealed class ScheduleHubRegistryState
{
    public int Schema { get; set; } = 1;

    public List<string> Subscribers { get; set; } = [];
}

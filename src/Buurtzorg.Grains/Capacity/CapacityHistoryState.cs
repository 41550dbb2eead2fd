using Buurtzorg.Contracts.Capacity;

namespace Buurtzorg.Grains.Capacity;

/// <summary>A team's weekly figures, oldest first (a schema: add, never rename).</summary>
public sealed class CapacityHistoryState
{
    public int Schema { get; set; } = 1;

    public List<WeekFigures> Weeks { get; set; } = [];
}

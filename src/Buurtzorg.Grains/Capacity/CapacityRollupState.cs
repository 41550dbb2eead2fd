using Buurtzorg.Contracts.Capacity;

namespace Buurtzorg.Grains.Capacity;

/// <summary>The latest report of every team (a schema: add, never rename).</summary>
public sealed class CapacityRollupState
{
    public int Schema { get; set; } = 1;

    public Dictionary<Guid, TeamCapacityReport> Teams { get; set; } = [];

    /// <summary>Counts the reports taken in, so watchers can tell an old overview from a new one.</summary>
    public long Version { get; set; }
}

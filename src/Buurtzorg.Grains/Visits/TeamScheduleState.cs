using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Grains.Visits;

/// <summary>
/// The stored schedule: the visits, and per client the interventions the team performs, so the
/// schedule can roll its horizon forward day by day on its own. A schema: add, never rename.
/// </summary>
public sealed class TeamScheduleState
{
    public int Schema { get; set; } = 1;

    public long Version { get; set; }

    /// <summary>The first day of the horizon last generated.</summary>
    public DateOnly GeneratedFrom { get; set; }

    public Dictionary<Guid, List<Intervention>> ClientInterventions { get; set; } = [];

    public List<Visit> Visits { get; set; } = [];
}

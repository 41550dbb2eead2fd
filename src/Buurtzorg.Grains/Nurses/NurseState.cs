using Buurtzorg.Grains.Idempotency;
using Buurtzorg.Contracts.Nurses;

namespace Buurtzorg.Grains.Nurses;

/// <summary>The stored nurse (a schema: add members with defaults, never rename).</summary>
public sealed class NurseState
{
    /// <summary>Outcomes of recent keyed commands, stored with the changes they made.</summary>
    public OutcomeLedger Outcomes { get; set; } = new();

    public int Schema { get; set; } = 1;

    public long Version { get; set; }

    public NurseProfile? Profile { get; set; }

    public List<Absence> Absences { get; set; } = [];

    public List<TeamMembership> Memberships { get; set; } = [];

    /// <summary>A move that was started and not yet finished; finished on the next activation.</summary>
    public Guid? MovingTo { get; set; }

    /// <summary>The team she left, while it still lists her; it is told on the next activation if a silo stopped in between.</summary>
    public Guid? LeavingFrom { get; set; }
}

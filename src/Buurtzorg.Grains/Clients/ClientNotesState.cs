using Buurtzorg.Contracts.Clients;
using Buurtzorg.Grains.Idempotency;

namespace Buurtzorg.Grains.Clients;

/// <summary>The stored visit notes of a client (a schema: add members with defaults, never rename).</summary>
public sealed class ClientNotesState
{
    /// <summary>Outcomes of recent keyed commands, stored with the notes they wrote.</summary>
    public OutcomeLedger Outcomes { get; set; } = new();

    public int Schema { get; set; } = 1;

    /// <summary>In the order they were written.</summary>
    public List<VisitNote> Notes { get; set; } = [];
}

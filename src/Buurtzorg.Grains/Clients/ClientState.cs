using Buurtzorg.Grains.Idempotency;
using Buurtzorg.Contracts.Clients;

namespace Buurtzorg.Grains.Clients;

/// <summary>
/// The stored form of a client (a schema: add members with defaults, never rename). The
/// registration and network entries are the contract records themselves, stored as JSON by
/// member name, so they follow the same rule.
/// </summary>
public sealed class ClientState
{
    /// <summary>Outcomes of recent keyed commands, stored with the changes they made.</summary>
    public OutcomeLedger Outcomes { get; set; } = new();

    public int Schema { get; set; } = 1;

    public long Version { get; set; }

    public ClientRegistration? Details { get; set; }

    public ClientStatus Status { get; set; } = ClientStatus.Active;

    public List<NetworkMember> Network { get; set; } = [];

    /// <summary>Registered, but the team has not yet confirmed taking the client on.</summary>
    public bool AdmissionPending { get; set; }
}

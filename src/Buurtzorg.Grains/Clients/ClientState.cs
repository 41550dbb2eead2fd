using Buurtzorg.Grains.Idempotency;
using Buurtzorg.Contracts.Clients;

namespace Buurtzorg.Grains.Clients;

/// <summary>
/// The stored form of a client (a schema: add members with defaults, never rename): what is
/// true of the client now. Each change is also logged, in pages beside this state
/// (<see cref="ClientGrain.LogName"/>), so the ledger keeps an answer as a version number and
/// the record it answered can be told again. The registration and network entries are the
/// contract records themselves, stored as JSON by member name, so they follow the same rule.
/// </summary>
public sealed class ClientState
{
    /// <summary>Outcomes of recent keyed commands, stored with the changes they made.</summary>
    public OutcomeLedger Outcomes { get; set; } = new();

    /// <summary>1: outcomes kept whole; 2: each change since is in the log, outcomes kept by version.</summary>
    public int Schema { get; set; } = 2;

    public long Version { get; set; }

    public ClientRegistration? Details { get; set; }

    public ClientStatus Status { get; set; } = ClientStatus.Active;

    /// <summary>At most <see cref="ClientLimits.MaxNetworkMembers"/>: the grain keeps the cap.</summary>
    public List<NetworkMember> Network { get; set; } = [];

    /// <summary>Registered, but the team has not yet confirmed taking the client on.</summary>
    public bool AdmissionPending { get; set; }

    /// <summary>When the record last changed; null for a record last stored before this was kept.</summary>
    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>When the client was discharged, while they are: the legal retention period counts from here (or a later change).</summary>
    public DateTimeOffset? DischargedAt { get; set; }
}

/// <summary>
/// One version of a client: what it changed, before and after. Undone from the current record
/// back to an earlier version, it gives the record a kept command answered with; read forward,
/// it is the history of who was in the client's network and what they could see.
/// </summary>
public sealed class ClientLogEntry
{
    public long Version { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Set when the registration changed (registered, or followed a dividing team).</summary>
    public ClientRegistration? DetailsAfter { get; set; }

    public ClientRegistration? DetailsBefore { get; set; }

    /// <summary>Set when the status changed.</summary>
    public ClientStatus? StatusAfter { get; set; }

    public ClientStatus? StatusBefore { get; set; }

    /// <summary>The network member the change was about; at most one per change.</summary>
    public Guid? MemberId { get; set; }

    /// <summary>Where in the network the member stood before (or stands after, when added).</summary>
    public int MemberIndex { get; set; }

    /// <summary>Null when the member was added.</summary>
    public NetworkMember? MemberBefore { get; set; }

    /// <summary>Null when the member was removed.</summary>
    public NetworkMember? MemberAfter { get; set; }

    /// <summary>Erases the person's name and contact details from this entry; answers whether it held any.</summary>
    public bool EraseMember(Guid memberId)
    {
        var changed = false;
        if (MemberBefore is { } before && before.Id == memberId && before.Details != before.Details.Erased())
        {
            MemberBefore = before with { Details = before.Details.Erased() };
            changed = true;
        }

        if (MemberAfter is { } after && after.Id == memberId && after.Details != after.Details.Erased())
        {
            MemberAfter = after with { Details = after.Details.Erased() };
            changed = true;
        }

        return changed;
    }
}

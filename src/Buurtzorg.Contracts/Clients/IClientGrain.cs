namespace Buurtzorg.Contracts.Clients;

/// <summary>A client of a team, keyed by the client's id. Every change bumps the version by one.</summary>
[Alias("Buurtzorg.Clients.IClientGrain")]
public interface IClientGrain : IGrainWithGuidKey
{
    [Alias("Register")]
    ValueTask<ClientResult> Register(ClientRegistration registration);

    /// <summary>The client's record, or null if no client was registered under this id.</summary>
    // Reads may run while the grain awaits a call of its own: a dividing team reads the
    // nurses and clients it divides, one of whom may be waiting on that very team.
    [Orleans.Concurrency.AlwaysInterleave, Alias("Get")]
    ValueTask<ClientRecord?> Get();

    /// <summary>
    /// The client's team divided and the client went with <paramref name="teamId"/>. The dividing
    /// team waits for it, so it interleaves with a client that may itself be waiting on the team.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("FollowTeam")]
    Task FollowTeam(Guid teamId);

    [Alias("ChangeStatus")]
    ValueTask<ClientResult> ChangeStatus(ClientStatus status);

    /// <summary>Adds a person, unless the network already holds <see cref="ClientLimits.MaxNetworkMembers"/>.</summary>
    [Alias("AddNetworkMember")]
    ValueTask<ClientResult> AddNetworkMember(Guid memberId, NetworkMemberDetails details);

    [Alias("UpdateNetworkMember")]
    ValueTask<ClientResult> UpdateNetworkMember(Guid memberId, NetworkMemberDetails details);

    [Alias("RemoveNetworkMember")]
    ValueTask<ClientResult> RemoveNetworkMember(Guid memberId);

    /// <summary>The client decides what a person in their network may see.</summary>
    [Alias("SetNetworkAccess")]
    ValueTask<ClientResult> SetNetworkAccess(Guid memberId, NetworkAccess access);

    /// <summary>
    /// Erases the whole care record (the client, the care plan, the visit notes and their
    /// histories) if the client is discharged and nothing in it changed after
    /// <paramref name="cutoff"/>: the legal retention period has then run out. A record already
    /// erased answers <see cref="Privacy.RetentionOutcome.Erased"/> again.
    /// </summary>
    [Alias("EraseAfterRetention")]
    ValueTask<Privacy.RetentionCheck> EraseAfterRetention(DateTimeOffset cutoff);
}

[GenerateSerializer, Alias("Buurtzorg.Clients.ClientError")]
public enum ClientError
{
    None = 0,
    NotFound = 1,
    AlreadyRegistered = 2,
    NetworkMemberNotFound = 3,
    DuplicateNetworkMember = 4,

    /// <summary>The network already holds <see cref="ClientLimits.MaxNetworkMembers"/> people.</summary>
    NetworkFull = 5,
}

/// <summary>The client after an accepted change, or why it was refused (then nothing was stored).</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Clients.ClientResult")]
public sealed record ClientResult(
    [property: Id(0)] ClientRecord? Client,
    [property: Id(1)] ClientError Error)
{
    public static ClientResult Ok(ClientRecord client) => new(client, ClientError.None);

    public static ClientResult Refused(ClientError error) => new(null, error);
}

/// <summary>
/// A client changed who in their network may see what (or took someone out of it): every host
/// checks its open watches of that client again and tells the pages still watching.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Clients.ClientAccessChanged")]
public sealed record ClientAccessChanged([property: Id(0)] Guid ClientId);

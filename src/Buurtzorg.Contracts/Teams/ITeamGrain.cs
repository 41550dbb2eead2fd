using Buurtzorg.Contracts.Places;

namespace Buurtzorg.Contracts.Teams;

/// <summary>
/// A self-managing team of district nurses, keyed by the team's id. The grain is the only
/// writer of its state: every change is one call, bumps <see cref="TeamSnapshot.Version"/> by
/// one and is published as one <see cref="TeamChanged"/> event after it is stored.
/// </summary>
[Alias("Buurtzorg.Teams.ITeamGrain")]
public interface ITeamGrain : IGrainWithGuidKey
{
    /// <summary>Founds the team. Fails with <see cref="TeamError.AlreadyExists"/> if it was founded before.</summary>
    [Alias("Create")]
    ValueTask<TeamResult> Create(string name, string? region = null);

    /// <summary>The team as it is now, or null if it was never founded.</summary>
    [Alias("Get")]
    ValueTask<TeamSnapshot?> Get();

    /// <summary>
    /// Adds a nurse. The thirteenth nurse makes the team divide in two (7 and 6 nurses), like a
    /// cell: the answer is then the divided team, naming its two children.
    /// </summary>
    [Alias("AddNurse")]
    ValueTask<TeamResult> AddNurse(Guid nurseId, string name);

    /// <summary>
    /// Takes a nurse off the team. The last nurse leaving a team without clients retires it: it
    /// is no longer listed nor counted.
    /// </summary>
    [Alias("RemoveNurse")]
    ValueTask<TeamResult> RemoveNurse(Guid nurseId);

    /// <summary>A nurse asks to join (safe to repeat: a newer message replaces the older one).</summary>
    [Alias("RequestJoin")]
    ValueTask<TeamResult> RequestJoin(Guid nurseId, string name, string? message);

    /// <summary>
    /// A member takes the asking nurse in. The acceptance is stored before she moves, and her
    /// arrival (<see cref="AddNurse"/>) names who accepted. Repeated before she arrived, it answers
    /// the same; once she is a member, <see cref="TeamError.DuplicateNurse"/>.
    /// </summary>
    [Alias("AcceptJoin")]
    ValueTask<TeamResult> AcceptJoin(Guid nurseId, Guid acceptedBy);

    /// <summary>A member declines the request, or the nurse withdraws it (<paramref name="by"/> is then she).</summary>
    [Alias("DeclineJoin")]
    ValueTask<TeamResult> DeclineJoin(Guid nurseId, Guid by);

    /// <summary>
    /// A member posts an open place (safe to repeat with the same id). At most
    /// <see cref="OpenPlaceLimits.MaxOpenPlacesPerTeam"/> at once: <see cref="TeamError.TooManyOpenPlaces"/>.
    /// </summary>
    [Alias("PostOpenPlace")]
    ValueTask<TeamResult> PostOpenPlace(OpenPlaceDraft place);

    /// <summary>A member closes an open place (filled, or no longer wanted); <see cref="TeamError.OpenPlaceNotFound"/> when there is none by that id.</summary>
    [Alias("CloseOpenPlace")]
    ValueTask<TeamResult> CloseOpenPlace(Guid placeId, Guid closedBy);

    /// <summary>The team takes a client on (safe to repeat). A divided team passes it to the right child.</summary>
    [Alias("AdmitClient")]
    ValueTask<Guid> AdmitClient(Guid clientId);

    /// <summary>Founds this team as one half of a dividing parent; repeating it with the same parent changes nothing.</summary>
    [Alias("FoundFromDivision")]
    ValueTask FoundFromDivision(Guid parentId, string name, string region, IReadOnlyList<TeamMember> nurses, IReadOnlyList<Guid> clientIds);
}

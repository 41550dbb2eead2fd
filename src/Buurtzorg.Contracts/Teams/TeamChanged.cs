namespace Buurtzorg.Contracts.Teams;

[GenerateSerializer, Alias("Buurtzorg.Teams.TeamChangeKind")]
public enum TeamChangeKind
{
    Founded = 0,
    NurseAdded = 1,
    NurseRemoved = 2,
    ClientAdmitted = 3,
    ClientLeft = 4,

    /// <summary>The team grew past twelve nurses and divided; <see cref="TeamChanged.ChildTeamIds"/> names the two new teams.</summary>
    Divided = 5,

    /// <summary>A nurse asked to join; <see cref="TeamChanged.NurseId"/> is she.</summary>
    JoinRequested = 6,

    /// <summary>A member took the nurse in; <see cref="TeamChanged.ByNurseId"/> is the member who accepted.</summary>
    JoinAccepted = 7,

    /// <summary>A member declined the request (or the nurse withdrew it); <see cref="TeamChanged.ByNurseId"/> says who.</summary>
    JoinDeclined = 8,

    /// <summary>The last nurse left a team without clients: it is no longer listed.</summary>
    Retired = 9,

    /// <summary>A member posted an open place; <see cref="TeamChanged.ByNurseId"/> is she.</summary>
    OpenPlacePosted = 10,

    /// <summary>A member closed an open place; <see cref="TeamChanged.ByNurseId"/> is she.</summary>
    OpenPlaceClosed = 11,
}

/// <summary>
/// One stored change to a team. <see cref="Version"/> is the team's version after the change;
/// a watcher that sees a gap between versions knows it missed something and re-reads the team.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Teams.TeamChanged")]
public sealed record TeamChanged(
    [property: Id(0)] Guid TeamId,
    [property: Id(1)] long Version,
    [property: Id(2)] TeamChangeKind Kind,
    [property: Id(3)] Guid? NurseId,
    [property: Id(4)] DateTimeOffset OccurredAt,
    [property: Id(5)] IReadOnlyList<Guid>? ChildTeamIds = null,
    [property: Id(6)] Guid? ByNurseId = null);

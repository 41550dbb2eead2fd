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
    [property: Id(5)] IReadOnlyList<Guid>? ChildTeamIds = null);

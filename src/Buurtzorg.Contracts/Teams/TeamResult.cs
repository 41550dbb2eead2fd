namespace Buurtzorg.Contracts.Teams;

/// <summary>Why a team refused a change; <see cref="None"/> when it accepted it.</summary>
[GenerateSerializer, Alias("Buurtzorg.Teams.TeamError")]
public enum TeamError
{
    None = 0,
    NotFound = 1,
    AlreadyExists = 2,
    DuplicateNurse = 3,
    NurseNotFound = 5,

    /// <summary>The team has divided; changes go to its children.</summary>
    Divided = 6,

    /// <summary>No request to join from this nurse is waiting.</summary>
    NoJoinRequest = 7,

    /// <summary>No open place by that id (never posted, or closed already).</summary>
    OpenPlaceNotFound = 8,

    /// <summary>The team has as many open places as it may have at once.</summary>
    TooManyOpenPlaces = 9,
}

/// <summary>
/// The outcome of a command on a team: the team after the change, or the reason it was
/// refused (in which case nothing was stored). Refusals are values, not exceptions, so they
/// cross the silo boundary cheaply and cannot be mistaken for infrastructure failures.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Teams.TeamResult")]
public sealed record TeamResult(
    [property: Id(0)] TeamSnapshot? Team,
    [property: Id(1)] TeamError Error)
{
    public static TeamResult Ok(TeamSnapshot team) => new(team, TeamError.None);

    public static TeamResult Refused(TeamError error) => new(null, error);
}

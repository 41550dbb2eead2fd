namespace Buurtzorg.Contracts.Teams;

/// <summary>
/// The list of all teams, so a person can find theirs. A single grain (key 0): it changes only
/// when a team is founded, so it never sits on the path of everyday writes.
/// </summary>
[Alias("Buurtzorg.Teams.ITeamDirectoryGrain")]
public interface ITeamDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("Register")]
    ValueTask Register(TeamListing team);

    /// <summary>Takes a team that retired off the list (safe to repeat).</summary>
    [Alias("Retire")]
    ValueTask Retire(Guid teamId);

    [Alias("List")]
    ValueTask<IReadOnlyList<TeamListing>> List();
}

[GenerateSerializer, Immutable, Alias("Buurtzorg.Teams.TeamListing")]
public sealed record TeamListing(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset FoundedAt);

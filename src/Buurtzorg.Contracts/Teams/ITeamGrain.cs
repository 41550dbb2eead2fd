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
    ValueTask<TeamResult> Create(string name);

    /// <summary>The team as it is now, or null if it was never founded.</summary>
    [Alias("Get")]
    ValueTask<TeamSnapshot?> Get();

    [Alias("AddNurse")]
    ValueTask<TeamResult> AddNurse(Guid nurseId, string name);

    [Alias("RemoveNurse")]
    ValueTask<TeamResult> RemoveNurse(Guid nurseId);
}

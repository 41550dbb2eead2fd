using Buurtzorg.Contracts.Teams;

namespace Buurtzorg.Grains.Teams;

public sealed class TeamDirectoryGrain(
    [PersistentState("team-directory", GrainStorage.Name)] IPersistentState<TeamDirectoryState> directory)
    : Grain, ITeamDirectoryGrain
{
    public async ValueTask Register(TeamListing team)
    {
        // Registering twice (a retried founding) must not list the team twice.
        if (directory.State.Teams.Exists(t => t.Id == team.Id))
        {
            return;
        }

        directory.State.Teams.Add(new TeamDirectoryEntry { Id = team.Id, Name = team.Name, FoundedAt = team.FoundedAt });
        await Write();
    }

    public async ValueTask Retire(Guid teamId)
    {
        if (directory.State.Teams.RemoveAll(t => t.Id == teamId) > 0)
        {
            await Write();
        }
    }

    private async Task Write()
    {
        try
        {
            await directory.WriteStateAsync();
        }
        catch
        {
            await directory.ReadStateAsync();
            throw;
        }
    }

    public ValueTask<IReadOnlyList<TeamListing>> List() => ValueTask.FromResult<IReadOnlyList<TeamListing>>(
        [.. directory.State.Teams
            .OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(t => new TeamListing(t.Id, t.Name, t.FoundedAt))]);
}

using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Problems;
using Buurtzorg.Host.Teams;
using Mediator;
using Microsoft.AspNetCore.SignalR;

namespace Buurtzorg.Host.Schedule;

/// <summary>
/// Browsers watch what they care about; each watch joins one SignalR group. SignalR does not
/// replay what was sent while a browser was away, so a watch answers with the current state and
/// its version: the browser starts from there and re-reads whenever it sees a gap in versions.
/// </summary>
public sealed class ScheduleHub(IMediator mediator) : Hub<IScheduleClient>
{
    public const string Path = "/hubs/schedule";

    public async Task<TeamSnapshot> WatchTeam(Guid teamId)
    {
        var team = await ReadTeamForWatcher(teamId);
        await Groups.AddToGroupAsync(Context.ConnectionId, ScheduleGroups.Team(teamId));
        return team;
    }

    public Task UnwatchTeam(Guid teamId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, ScheduleGroups.Team(teamId));

    // The one place a watch is checked before the group is joined (access rules hook in here).
    private async Task<TeamSnapshot> ReadTeamForWatcher(Guid teamId)
    {
        try
        {
            return await mediator.Send(new GetTeam(teamId), Context.ConnectionAborted);
        }
        catch (ResourceNotFoundException)
        {
            throw new HubException("There is no such team.");
        }
    }
}

public static class ScheduleGroups
{
    public static string Team(Guid teamId) => $"team:{teamId:N}";
}

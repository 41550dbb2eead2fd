using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Capacity;
using Buurtzorg.Host.Nurses;
using Buurtzorg.Host.Problems;
using Buurtzorg.Host.Rounds;
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

    /// <summary>A team's members and schedule (the nurses of that team).</summary>
    public Task<TeamSnapshot> WatchTeam(Guid teamId) => Watch(ScheduleGroups.Team(teamId), new GetTeam(teamId));

    public Task UnwatchTeam(Guid teamId) => Unwatch(ScheduleGroups.Team(teamId));

    /// <summary>One nurse's round: every schedule change that touches a visit of hers.</summary>
    public Task<NurseRecord> WatchNurse(Guid nurseId) => Watch(ScheduleGroups.Nurse(nurseId), new GetNurse(nurseId));

    public Task UnwatchNurse(Guid nurseId) => Unwatch(ScheduleGroups.Nurse(nurseId));

    /// <summary>One client's upcoming visits (the client and their authorised family).</summary>
    public Task<ClientVisits> WatchClient(Guid clientId) => Watch(ScheduleGroups.Client(clientId), new GetClientVisits(clientId));

    public Task UnwatchClient(Guid clientId) => Unwatch(ScheduleGroups.Client(clientId));

    /// <summary>The national capacity figures (central staff).</summary>
    public Task<CapacityOverview> WatchCapacity() => Watch(ScheduleGroups.Capacity, new GetCapacityOverview());

    public Task UnwatchCapacity() => Unwatch(ScheduleGroups.Capacity);

    /// <summary>
    /// The one place every watch passes: the state is read through the same query the HTTP API
    /// uses (where access rules are checked). The group is joined first, so no change falls
    /// between the read and the join; a refused watch leaves the group before it can hear one.
    /// </summary>
    private async Task<T> Watch<T>(string group, IQuery<T> read)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        try
        {
            return await mediator.Send(read, Context.ConnectionAborted);
        }
        catch (ProblemException problem)
        {
            await Unwatch(group);
            throw new HubException(problem.Message);
        }
    }

    private Task Unwatch(string group) => Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
}

public static class ScheduleGroups
{
    public const string Capacity = "capacity";

    public static string Team(Guid teamId) => $"team:{teamId:N}";

    public static string Nurse(Guid nurseId) => $"nurse:{nurseId:N}";

    public static string Client(Guid clientId) => $"client:{clientId:N}";
}

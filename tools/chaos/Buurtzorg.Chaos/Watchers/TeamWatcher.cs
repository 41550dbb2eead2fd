using Buurtzorg.Chaos.Checks;
using Buurtzorg.Chaos.Cluster;
using Buurtzorg.Chaos.Http;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Microsoft.AspNetCore.SignalR.Client;

namespace Buurtzorg.Chaos.Watchers;

/// <summary>The nurse page's team board: WatchTeam, and the schedule caught up from its version on every ScheduleChanged that is newer.</summary>
public sealed class TeamWatcher(ChaosHost host, UserSession user, Requests requests, Guid teamId) : Watcher(host, user, requests)
{
    private readonly ScheduleCopy _schedule = new(teamId);

    public override string Kind => "WatchTeam";

    protected override void Listen(HubConnection connection) =>
        connection.On<ScheduleChanged>("ScheduleChanged", change =>
        {
            if (change.TeamId == teamId && change.Version > _schedule.Version)
            {
                Heard();
            }
        });

    protected override Task Watch(HubConnection connection, CancellationToken cancellationToken) =>
        connection.InvokeAsync<TeamSnapshot>("WatchTeam", teamId, cancellationToken);

    protected override Task<bool> Read(CancellationToken cancellationToken) => _schedule.CatchUp(Requests, User, Host);

    public override string? Difference(FinalState final)
    {
        var stored = final.Schedule.Visits.ToDictionary(v => v.Id, FinalState.Shown);
        var shown = _schedule.Visits.ToDictionary(v => v.Id, FinalState.Shown);
        var differing = stored.Count(p => !shown.TryGetValue(p.Key, out var s) || s != p.Value) + shown.Keys.Count(k => !stored.ContainsKey(k));
        return _schedule.Version == final.Schedule.Version && differing == 0
            ? null
            : $"shows schedule version {_schedule.Version} with {differing} visits unlike the stored version {final.Schedule.Version}";
    }
}

using Buurtzorg.Chaos.Checks;
using Buurtzorg.Chaos.Cluster;
using Buurtzorg.Chaos.Http;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Visits;
using Microsoft.AspNetCore.SignalR.Client;

namespace Buurtzorg.Chaos.Watchers;

/// <summary>
/// A nurse's own visits: WatchNurse, which hears only of changes that touch a visit of hers; on
/// each it catches up on the team's schedule. It converges when the visits it shows as hers are
/// the ones stored as hers (changes elsewhere in the team are not its to hear).
/// </summary>
public sealed class NurseWatcher(ChaosHost host, UserSession user, Requests requests, Guid teamId) : Watcher(host, user, requests)
{
    private readonly ScheduleCopy _schedule = new(teamId);

    public override string Kind => "WatchNurse";

    protected override void Listen(HubConnection connection) =>
        connection.On<ScheduleChanged>("ScheduleChanged", change =>
        {
            if (change.NurseIds.Contains(User.SubjectId))
            {
                Heard();
            }
        });

    protected override Task Watch(HubConnection connection, CancellationToken cancellationToken) =>
        connection.InvokeAsync<NurseRecord>("WatchNurse", User.SubjectId, cancellationToken);

    protected override Task<bool> Read(CancellationToken cancellationToken) => _schedule.CatchUp(Requests, User, Host);

    public override string? Difference(FinalState final)
    {
        var stored = Hers(final.Schedule.Visits);
        var shown = Hers(_schedule.Visits);
        return stored.SetEquals(shown) ? null : $"shows {shown.Count} visits as hers, {shown.Except(stored).Count()} of them not hers; {stored.Except(shown).Count()} of hers missing";
    }

    private HashSet<string> Hers(IEnumerable<Visit> visits) =>
        [.. visits.Where(v => v.AssignedNurses.Contains(User.SubjectId)).Select(FinalState.Shown)];
}

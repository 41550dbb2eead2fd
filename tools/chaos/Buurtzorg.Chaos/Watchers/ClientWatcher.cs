using Buurtzorg.Chaos.Checks;
using Buurtzorg.Chaos.Cluster;
using Buurtzorg.Chaos.Http;
using Buurtzorg.Contracts.Visits;
using Microsoft.AspNetCore.SignalR.Client;

namespace Buurtzorg.Chaos.Watchers;

/// <summary>The client page: WatchClient, and its visits read again on every change that concerns them or a change of access (client.js).</summary>
public sealed class ClientWatcher(ChaosHost host, UserSession user, Requests requests) : Watcher(host, user, requests)
{
    private string? _shown;

    public override string Kind => "WatchClient";

    protected override void Listen(HubConnection connection)
    {
        connection.On<ScheduleChanged>("ScheduleChanged", change =>
        {
            if (change.ClientIds.Contains(User.SubjectId))
            {
                Heard();
            }
        });
        connection.On<Guid>("AccessChanged", client =>
        {
            if (client == User.SubjectId)
            {
                Heard();
            }
        });
    }

    protected override Task Watch(HubConnection connection, CancellationToken cancellationToken) =>
        connection.InvokeAsync<ClientVisits>("WatchClient", User.SubjectId, cancellationToken);

    protected override async Task<bool> Read(CancellationToken cancellationToken)
    {
        var answer = await Requests.Once(User, Host, HttpMethod.Get, $"/api/clients/{User.SubjectId}/visits", Purpose.Read);
        if (answer.Succeeded)
        {
            _shown = answer.Body.As<ClientVisits>("client visits").Shown;
        }

        return answer.Succeeded;
    }

    public override string? Difference(FinalState final) =>
        _shown == final.ClientVisits.Shown ? null : _shown is null ? "never read the visits" : "shows visits unlike the stored ones";
}

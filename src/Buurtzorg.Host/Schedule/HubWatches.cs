using System.Collections.Concurrent;
using Buurtzorg.Host.Access;
using Microsoft.AspNetCore.SignalR;

namespace Buurtzorg.Host.Schedule;

/// <summary>
/// What each connection on this host watches, and as whom. Rights can end while a connection is
/// open (a nurse moves team, her team divides, a client revokes a relative): whenever a team
/// changes, every watch is checked again and a watch no longer allowed leaves its group at once.
/// </summary>
public sealed class HubWatches(IAccessPolicy policy, IHubContext<ScheduleHub, IScheduleClient> hub)
{
    private readonly ConcurrentDictionary<string, Watching> _connections = new();

    public void Add(string connectionId, Caller caller, string group, AccessRule rule, Guid? resource)
    {
        var watching = _connections.GetOrAdd(connectionId, _ => new Watching(caller));
        lock (watching)
        {
            watching.Groups[group] = (rule, resource);
        }
    }

    public void Remove(string connectionId, string group)
    {
        if (_connections.TryGetValue(connectionId, out var watching))
        {
            lock (watching)
            {
                watching.Groups.Remove(group);
            }
        }
    }

    public void Drop(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>Checks every watch on this host again; ends those no longer allowed and tells the browser.</summary>
    public async Task Recheck(CancellationToken cancellationToken = default)
    {
        foreach (var (connectionId, watching) in _connections)
        {
            List<(string Group, AccessRule Rule, Guid? Resource)> groups;
            lock (watching)
            {
                groups = [.. watching.Groups.Select(g => (g.Key, g.Value.Rule, g.Value.Resource))];
            }

            foreach (var (group, rule, resource) in groups)
            {
                if (await policy.Allows(watching.Caller, rule, resource, cancellationToken))
                {
                    continue;
                }

                Remove(connectionId, group);
                await hub.Groups.RemoveFromGroupAsync(connectionId, group, cancellationToken);
                await hub.Clients.Client(connectionId).WatchEnded(group);
            }
        }
    }

    /// <summary>
    /// Clients changed their network's access: watches no longer allowed end first (one pass over
    /// this host's watches for the whole batch), then those still watching each client are told,
    /// since a lowered tier (care plan to agenda) ends no watch.
    /// </summary>
    public async Task AccessChanged(IEnumerable<Guid> clientIds, CancellationToken cancellationToken = default)
    {
        await Recheck(cancellationToken);
        foreach (var clientId in clientIds)
        {
            await hub.Clients.Group(ScheduleGroups.Client(clientId)).AccessChanged(clientId);
        }
    }

    private sealed class Watching(Caller caller)
    {
        public Caller Caller { get; } = caller;

        public Dictionary<string, (AccessRule Rule, Guid? Resource)> Groups { get; } = [];
    }
}

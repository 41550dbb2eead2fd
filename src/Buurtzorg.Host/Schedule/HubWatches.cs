using System.Collections.Concurrent;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Access;
using Microsoft.AspNetCore.SignalR;

namespace Buurtzorg.Host.Schedule;

/// <summary>
/// What each connection on this host watches, and as whom. Rights can end while a connection is
/// open (a nurse moves team, her team divides, a client revokes a relative): a change checks again
/// the watches it can affect, and a watch no longer allowed leaves its group at once. Deciding
/// which watches to check costs no grain call; only those are checked against the policy.
/// </summary>
public sealed partial class HubWatches(IAccessPolicy policy, IHubContext<ScheduleHub, IScheduleClient> hub, ILogger<HubWatches> logger)
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

    /// <summary>Ends a watch; false when it had already ended (two reviews of one change can race to it).</summary>
    public bool Remove(string connectionId, string group)
    {
        if (_connections.TryGetValue(connectionId, out var watching))
        {
            lock (watching)
            {
                return watching.Groups.Remove(group);
            }
        }

        return false;
    }

    /// <summary>The groups a connection watches whose names start with <paramref name="prefix"/>.</summary>
    public IReadOnlyList<string> GroupsOf(string connectionId, string prefix)
    {
        if (!_connections.TryGetValue(connectionId, out var watching))
        {
            return [];
        }

        lock (watching)
        {
            return [.. watching.Groups.Keys.Where(g => g.StartsWith(prefix, StringComparison.Ordinal))];
        }
    }

    public void Drop(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>Checks every watch on this host again (the periodic review).</summary>
    public Task Recheck(CancellationToken cancellationToken = default) =>
        Recheck((_, _, _) => true, cancellationToken);

    /// <summary>
    /// A team's membership changed. Rights that rest on it: the team's own watch, and every watch
    /// of a nurse the change names (as the watcher, or as the nurse watched). A change that names
    /// no nurse (a division, a retirement) concerns all its members: the watches of every
    /// connection that watches the team.
    /// </summary>
    public Task TeamsChanged(IReadOnlyCollection<TeamChanged> changes, CancellationToken cancellationToken = default)
    {
        var teams = changes.Select(c => c.TeamId).ToHashSet();
        var nurses = changes.Where(c => c.NurseId is not null).Select(c => c.NurseId!.Value).ToHashSet();
        var wholeTeams = changes.Where(c => c.NurseId is null).Select(c => ScheduleGroups.Team(c.TeamId)).ToHashSet();
        return Recheck(
            (caller, groups, resource) =>
                (resource is { } r && (teams.Contains(r) || nurses.Contains(r)))
                || (caller.SubjectId is { } subject && nurses.Contains(subject))
                || groups.Keys.Any(wholeTeams.Contains),
            cancellationToken);
    }

    /// <summary>Checks again the watches <paramref name="affected"/> picks; ends those no longer allowed and tells the browser.</summary>
    private async Task Recheck(Func<Caller, Dictionary<string, (AccessRule Rule, Guid? Resource)>, Guid?, bool> affected, CancellationToken cancellationToken)
    {
        foreach (var (connectionId, watching) in _connections)
        {
            List<(string Group, AccessRule Rule, Guid? Resource)> groups;
            lock (watching)
            {
                groups = [.. watching.Groups
                    .Where(g => affected(watching.Caller, watching.Groups, g.Value.Resource))
                    .Select(g => (g.Key, g.Value.Rule, g.Value.Resource))];
            }

            foreach (var (group, rule, resource) in groups)
            {
                if (await StillAllowed(watching.Caller, rule, resource, cancellationToken))
                {
                    continue;
                }

                // The browser hears of each ended watch once, whichever review ended it.
                if (!Remove(connectionId, group))
                {
                    continue;
                }

                await hub.Groups.RemoveFromGroupAsync(connectionId, group, cancellationToken);
                await hub.Clients.Client(connectionId).WatchEnded(group);
            }
        }
    }

    /// <summary>
    /// Rights that cannot be read now (a silo being declared dead) end the watch: the page asks
    /// again and is served once they can be read. Keeping it would show a team's changes to
    /// someone who may have left it; one failure must also not stop the other checks, nor the
    /// events that follow them.
    /// </summary>
    private async ValueTask<bool> StillAllowed(Caller caller, AccessRule rule, Guid? resource, CancellationToken cancellationToken)
    {
        try
        {
            return await policy.Allows(caller, rule, resource, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRightsUnreadable(logger, ex);
            return false;
        }
    }

    /// <summary>
    /// Clients changed their network's access: watches no longer allowed end first (one pass over
    /// this host's watches for the whole batch), then those still watching each client are told,
    /// since a lowered tier (care plan to agenda) ends no watch.
    /// </summary>
    public async Task AccessChanged(IReadOnlyCollection<Guid> clientIds, CancellationToken cancellationToken = default)
    {
        var clients = clientIds.ToHashSet();
        await Recheck((_, _, resource) => resource is { } r && clients.Contains(r), cancellationToken);
        foreach (var clientId in clientIds)
        {
            await hub.Clients.Group(ScheduleGroups.Client(clientId)).AccessChanged(clientId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A watcher's rights could not be read; the watch ends and the page asks again")]
    private static partial void LogRightsUnreadable(ILogger logger, Exception exception);

    private sealed class Watching(Caller caller)
    {
        public Caller Caller { get; } = caller;

        public Dictionary<string, (AccessRule Rule, Guid? Resource)> Groups { get; } = [];
    }
}

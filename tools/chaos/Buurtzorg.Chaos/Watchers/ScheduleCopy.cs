using Buurtzorg.Chaos.Http;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Chaos.Watchers;

/// <summary>
/// A team's schedule as the nurse page keeps it: read once whole, then only what changed since
/// the version it has (nurse.js catchUp).
/// </summary>
public sealed class ScheduleCopy(Guid teamId)
{
    private readonly object _gate = new();
    private readonly Dictionary<Guid, Visit> _visits = [];

    public long Version { get; private set; }

    public async Task<bool> CatchUp(Requests requests, UserSession user, Cluster.ChaosHost host)
    {
        long since;
        lock (_gate)
        {
            since = Version;
        }

        var answer = await requests.Once(user, host, HttpMethod.Get, $"/api/teams/{teamId}/schedule/changes?since={since}", Purpose.Read);
        if (!answer.Succeeded)
        {
            return false;
        }

        var delta = answer.Body.As<ScheduleDelta>("schedule changes");
        lock (_gate)
        {
            if (delta.Complete)
            {
                _visits.Clear();
            }

            foreach (var visit in delta.Visits)
            {
                _visits[visit.Id] = visit;
            }

            foreach (var removed in delta.RemovedVisitIds)
            {
                _visits.Remove(removed);
            }

            Version = Math.Max(Version, delta.Version);
        }

        return true;
    }

    public IReadOnlyList<Visit> Visits
    {
        get
        {
            lock (_gate)
            {
                return [.. _visits.Values];
            }
        }
    }
}

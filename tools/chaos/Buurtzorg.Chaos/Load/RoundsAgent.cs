using System.Collections.Concurrent;
using Buurtzorg.Chaos.Http;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Chaos.Load;

/// <summary>
/// A nurse at her round page: she takes open visits she may do, and gives back or hands over
/// some of those she has. Only the nurse who has a visit acts on it, and the two nurses take
/// from pools that do not overlap, so each visit's actions form one sequence in time and the
/// final state says which of them took effect. A visit whose action went unanswered or was
/// refused is left alone from then on: the user would look before touching it again.
/// </summary>
public sealed class RoundsAgent
{
    private readonly UserSession _me;
    private readonly DemoWorld _world;
    private readonly Requests _requests;
    private readonly ActionLog _log;
    private readonly Random _random;
    private readonly Queue<Visit> _pool;
    private readonly List<Visit> _held = [];
    private readonly ConcurrentQueue<Visit> _handedToMe = new();
    private RoundsAgent? _partner;

    private RoundsAgent(UserSession me, DemoWorld world, Requests requests, ActionLog log, Random random, IEnumerable<Visit> pool)
    {
        _me = me;
        _world = world;
        _requests = requests;
        _log = log;
        _random = random;
        _pool = new Queue<Visit>(pool);
    }

    /// <summary>The two demo nurses, each with her own share of the open visits; the client account's visits come first, so its watchers see changes.</summary>
    public static (RoundsAgent Nurse, RoundsAgent Colleague) Pair(DemoWorld world, Requests requests, ActionLog log, Random random)
    {
        var nurse = world.TeamNurses[world.Nurse.SubjectId];
        var colleague = world.TeamNurses[world.Colleague.SubjectId];
        var open = world.Visits
            .Where(v => v is { Status: VisitStatus.Open, NursesNeeded: 1, AssignedNurses.Count: 0 })
            .OrderBy(v => v.ClientId == world.ClientId ? 0 : 1)
            .ThenBy(_ => random.Next())
            .ToList();
        List<Visit> mine = [], theirs = [];
        foreach (var visit in open)
        {
            var (forNurse, forColleague) = (Eligibility.MayTake(nurse, visit), Eligibility.MayTake(colleague, visit));
            if (forNurse && (!forColleague || mine.Count <= theirs.Count))
            {
                mine.Add(visit);
            }
            else if (forColleague)
            {
                theirs.Add(visit);
            }
        }

        var a = new RoundsAgent(world.Nurse, world, requests, log, random, mine);
        var b = new RoundsAgent(world.Colleague, world, requests, log, random, theirs);
        (a._partner, b._partner) = (b, a);
        return (a, b);
    }

    public async Task Step()
    {
        while (_handedToMe.TryDequeue(out var handed))
        {
            _held.Add(handed);
        }

        if (_held.Count > 0 && (_held.Count >= 3 || _pool.Count == 0 || _random.NextDouble() < 0.4))
        {
            var visit = _held[_random.Next(_held.Count)];
            _held.Remove(visit);
            await GiveAway(visit);
        }
        else if (_pool.TryDequeue(out var visit))
        {
            var claim = await Do(ActionKind.Claim, visit, "claim", new { });
            if (claim.End == ActionEnd.Acknowledged)
            {
                _held.Add(visit);
            }
        }
        else
        {
            // Nothing open for her any more: she looks again a little later.
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private async Task GiveAway(Visit visit)
    {
        var colleagues = _world.TeamNurses.Values.Where(n => n.Id != _me.SubjectId && Eligibility.MayTake(n, visit)).ToList();
        if (colleagues.Count == 0 || _random.NextDouble() < 0.5)
        {
            var release = await Do(ActionKind.Release, visit, "release", new { });
            if (release.End == ActionEnd.Acknowledged)
            {
                _pool.Enqueue(visit);
            }

            return;
        }

        var partner = colleagues.FirstOrDefault(n => n.Id == _partner!._me.SubjectId);
        var to = partner is not null && _random.NextDouble() < 0.6 ? partner : colleagues[_random.Next(colleagues.Count)];
        var handOver = await Do(ActionKind.HandOver, visit, "handover", new { toNurseId = to.Id }, to.Id);
        if (handOver.End == ActionEnd.Acknowledged && to.Id == _partner!._me.SubjectId)
        {
            _partner._handedToMe.Enqueue(visit);
        }
    }

    private async Task<ActionRecord> Do(ActionKind kind, Visit visit, string verb, object body, Guid? to = null)
    {
        var action = _log.Add(new ActionRecord(kind, _me.UserName) { VisitId = visit.Id, NurseId = _me.SubjectId, ToNurseId = to, ClientId = visit.ClientId });
        await _requests.Act(_me, action, HttpMethod.Post, $"/api/teams/{_world.TeamId}/visits/{visit.Id}/{verb}", body);
        return action;
    }
}

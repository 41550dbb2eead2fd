
namespace Buurtzorg.Planning;

/// <summary>
/// When every nurse used costs something (the VRPTW benchmarks: vehicles first), fewer rounds
/// matter more than shorter ones. A round is taken away and its visits go into a pool; each is
/// put back where it fits (the cheapest place), and where none fits it pushes out one visit from
/// a round, preferring visits that have been hard to place before, which then go into the pool
/// in turn. The rounds are shaken a little between tries. When the pool empties the plan has one
/// round fewer and the next round is taken away; when time runs out the last complete plan stands.
/// For days without linked visits only, where every nurse is alike.
/// </summary>
internal sealed class RouteMinimizer
{
    private readonly AlikeDay _day;
    private readonly Random _random = new(7);

    public RouteMinimizer(AlikeDay day) => _day = day;

    /// <summary>The rounds with as few nurses as it managed before <paramref name="until"/>; every task still placed.</summary>
    public List<List<int>> Minimize(List<List<int>> plan, PlanningClock clock, TimeSpan until)
    {
        var best = plan.Where(r => r.Count > 0).Select(r => new List<int>(r)).ToList();
        var penalty = new int[_day.Count];
        while (best.Count > 1 && clock.Elapsed < until)
        {
            var rounds = best.Select(visits => new AlikeRound(_day).With(visits)).ToList();
            var removed = _random.Next(rounds.Count);
            var pool = new Stack<int>(rounds[removed].Visits);
            rounds.RemoveAt(removed);
            while (pool.Count > 0 && clock.Elapsed < until)
            {
                var task = pool.Pop();
                if (InsertCheapest(rounds, task))
                {
                    continue;
                }

                penalty[task]++;
                if (InsertEjecting(rounds, task, penalty) is { } ejected)
                {
                    pool.Push(ejected);
                }
                else
                {
                    pool.Push(task);
                }

                Shake(rounds, 20);
            }

            if (pool.Count > 0)
            {
                break;
            }

            best = [.. rounds.Select(r => new List<int>(r.Visits))];
        }

        while (best.Count < plan.Count)
        {
            best.Add([]);
        }

        return best;
    }

    private bool InsertCheapest(List<AlikeRound> rounds, int task)
    {
        (AlikeRound Round, int Position, double Added)? best = null;
        foreach (var round in rounds)
        {
            if (round.Load + _day.Load[task] > _day.Capacity)
            {
                continue;
            }

            for (var p = 0; p <= round.Visits.Count; p++)
            {
                var added = round.Added(task, p);
                if ((best is not { } b || added < b.Added) && round.Fits(task, p))
                {
                    best = (round, p, added);
                }
            }
        }

        if (best is not { } chosen)
        {
            return false;
        }

        chosen.Round.Visits.Insert(chosen.Position, task);
        chosen.Round.Update();
        return true;
    }

    /// <summary>Puts the task in where taking one other visit out makes room, the visit least often hard to place; returns that visit.</summary>
    private int? InsertEjecting(List<AlikeRound> rounds, int task, int[] penalty)
    {
        (AlikeRound Round, int Position, int Out, int Score)? best = null;
        foreach (var round in rounds)
        {
            round.ForEachRoomMadeFor(task, (position, taken) =>
            {
                var other = round.Visits[taken];
                if (round.Load + _day.Load[task] - _day.Load[other] <= _day.Capacity && (best is not { } b || penalty[other] < b.Score))
                {
                    best = (round, position, other, penalty[other]);
                }
            });
        }

        if (best is not { } chosen)
        {
            return null;
        }

        chosen.Round.Visits.Insert(chosen.Position, task);
        chosen.Round.Visits.Remove(chosen.Out);
        chosen.Round.Update();
        return chosen.Out;
    }

    /// <summary>A few random moves of one visit to another place where it fits, so the pool meets other rounds.</summary>
    private void Shake(List<AlikeRound> rounds, int moves)
    {
        for (var m = 0; m < moves; m++)
        {
            var from = rounds[_random.Next(rounds.Count)];
            if (from.Visits.Count == 0)
            {
                continue;
            }

            var at = _random.Next(from.Visits.Count);
            var task = from.Visits[at];
            var to = rounds[_random.Next(rounds.Count)];
            from.Visits.RemoveAt(at);
            var position = _random.Next(to.Visits.Count + 1);
            to.Visits.Insert(position, task);
            if (!_day.Feasible(to.Visits) || !_day.Feasible(from.Visits))
            {
                to.Visits.RemoveAt(position);
                from.Visits.Insert(at, task);
            }

            from.Update();
            to.Update();
        }
    }
}

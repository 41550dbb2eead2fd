using System.Diagnostics;

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
    public List<List<int>> Minimize(List<List<int>> plan, Stopwatch clock, TimeSpan until)
    {
        var best = plan.Where(r => r.Count > 0).Select(r => new List<int>(r)).ToList();
        var penalty = new int[_day.Count];
        while (best.Count > 1 && clock.Elapsed < until)
        {
            var routes = best.Select(r => new List<int>(r)).ToList();
            var removed = _random.Next(routes.Count);
            var pool = new Stack<int>(routes[removed]);
            routes.RemoveAt(removed);
            while (pool.Count > 0 && clock.Elapsed < until)
            {
                var task = pool.Pop();
                if (InsertCheapest(routes, task))
                {
                    continue;
                }

                penalty[task]++;
                if (InsertEjecting(routes, task, penalty) is { } ejected)
                {
                    pool.Push(ejected);
                }
                else
                {
                    pool.Push(task);
                }

                Shake(routes, 20);
            }

            if (pool.Count > 0)
            {
                break;
            }

            best = routes;
        }

        var result = best.Select(r => r).ToList();
        while (result.Count < plan.Count)
        {
            result.Add([]);
        }

        return result;
    }

    private bool InsertCheapest(List<List<int>> routes, int task)
    {
        (int Route, int Position, double Added)? best = null;
        for (var r = 0; r < routes.Count; r++)
        {
            var route = routes[r];
            for (var p = 0; p <= route.Count; p++)
            {
                var added = Added(route, p, task);
                if (best is { } b && added >= b.Added)
                {
                    continue;
                }

                route.Insert(p, task);
                if (_day.Feasible(route))
                {
                    best = (r, p, added);
                }

                route.RemoveAt(p);
            }
        }

        if (best is not { } chosen)
        {
            return false;
        }

        routes[chosen.Route].Insert(chosen.Position, task);
        return true;
    }

    /// <summary>Puts the task in where taking one other visit out makes room, the visit least often hard to place; returns that visit.</summary>
    private int? InsertEjecting(List<List<int>> routes, int task, int[] penalty)
    {
        (int Route, int Position, int Out, int Score)? best = null;
        for (var r = 0; r < routes.Count; r++)
        {
            var route = routes[r];
            for (var p = 0; p <= route.Count; p++)
            {
                route.Insert(p, task);
                for (var o = 0; o < route.Count; o++)
                {
                    var other = route[o];
                    if (other == task || (best is { } b && penalty[other] >= b.Score))
                    {
                        continue;
                    }

                    route.RemoveAt(o);
                    if (_day.Feasible(route))
                    {
                        best = (r, p, other, penalty[other]);
                    }

                    route.Insert(o, other);
                }

                route.RemoveAt(p);
            }
        }

        if (best is not { } chosen)
        {
            return null;
        }

        var target = routes[chosen.Route];
        target.Insert(chosen.Position, task);
        target.Remove(chosen.Out);
        return chosen.Out;
    }

    /// <summary>A few random moves of one visit to another place where it fits, so the pool meets other rounds.</summary>
    private void Shake(List<List<int>> routes, int moves)
    {
        for (var m = 0; m < moves; m++)
        {
            var from = routes[_random.Next(routes.Count)];
            if (from.Count == 0)
            {
                continue;
            }

            var at = _random.Next(from.Count);
            var task = from[at];
            var to = routes[_random.Next(routes.Count)];
            from.RemoveAt(at);
            var position = _random.Next(to.Count + 1);
            to.Insert(position, task);
            if (!_day.Feasible(to) || !_day.Feasible(from))
            {
                to.RemoveAt(position);
                from.Insert(at, task);
            }
        }
    }

    private double Added(List<int> route, int position, int task)
    {
        var before = position == 0 ? _day.Depot : route[position - 1];
        var after = position == route.Count ? _day.Depot : route[position];
        return _day.Travel(before, task) + _day.Travel(task, after) - _day.Travel(before, after);
    }
}

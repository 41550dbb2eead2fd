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
    private readonly IReadOnlyList<PlanTask> _tasks;
    private readonly PlanNurse _nurse;
    private readonly double[,] _travel; // [place][place]; place = task index, or Count for the depot
    private readonly int _depot;
    private readonly bool _hardWindows;
    private readonly Random _random = new(7);

    public RouteMinimizer(PlanningProblem problem, IReadOnlyList<PlanTask> tasks)
    {
        _tasks = tasks;
        _nurse = problem.Nurses[0];
        _depot = tasks.Count;
        _hardWindows = problem.Cost.HardWindows;
        _travel = new double[tasks.Count + 1, tasks.Count + 1];
        int Location(int place) => place == _depot ? _nurse.StartLocation : tasks[place].Location;
        for (var a = 0; a <= tasks.Count; a++)
        {
            for (var b = 0; b <= tasks.Count; b++)
            {
                _travel[a, b] = problem.Travel.Between(Location(a), Location(b));
            }
        }
    }

    /// <summary>Whether the planner may use it: nurses alike (one depot, one shift, one capacity, no qualifications that differ) and no linked visits.</summary>
    public static bool Applies(PlanningProblem problem, IReadOnlyList<PlanTask> tasks)
    {
        var first = problem.Nurses[0];
        return problem.Cost.PerNurseUsed > 0 && problem.TaskLinks.Count == 0
            && problem.Nurses.All(n => n.StartLocation == first.StartLocation && n.EndLocation == first.StartLocation
                && n.ShiftStart == first.ShiftStart && n.ShiftEnd == first.ShiftEnd && n.Capacity == first.Capacity
                && n.Qualifications.SetEquals(first.Qualifications))
            && tasks.All(t => t.PinnedNurse is null && t.DurationByNurse is null && (t.Qualification is null || first.Qualifications.Contains(t.Qualification)));
    }

    /// <summary>The rounds with as few nurses as it managed before <paramref name="until"/>; every task still placed.</summary>
    public List<List<int>> Minimize(List<List<int>> plan, Stopwatch clock, TimeSpan until)
    {
        var best = plan.Where(r => r.Count > 0).Select(r => new List<int>(r)).ToList();
        var penalty = new int[_tasks.Count];
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
                if (Feasible(route))
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
                    if (Feasible(route))
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
            if (!Feasible(to) || !Feasible(from))
            {
                to.RemoveAt(position);
                from.Insert(at, task);
            }
        }
    }

    private double Added(List<int> route, int position, int task)
    {
        var before = position == 0 ? _depot : route[position - 1];
        var after = position == route.Count ? _depot : route[position];
        return _travel[before, task] + _travel[task, after] - _travel[before, after];
    }

    private bool Feasible(List<int> route)
    {
        var time = _nurse.ShiftStart;
        var at = _depot;
        long load = 0;
        foreach (var task in route)
        {
            var t = _tasks[task];
            time = Math.Max(time + _travel[at, task], t.WindowStart);
            if (_hardWindows && time > t.WindowEnd + 1e-9)
            {
                return false;
            }

            load += t.Load;
            time += t.Duration;
            at = task;
        }

        return load <= _nurse.Capacity && time + _travel[at, _depot] <= _nurse.ShiftEnd + 1e-9;
    }
}

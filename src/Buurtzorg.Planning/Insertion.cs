namespace Buurtzorg.Planning;

/// <summary>
/// The last step of every plan: a visit the search left out goes in wherever a round can still
/// take it, at the place that costs least (a double visit in two different rounds, the halves
/// together or at their delay). The searches move by their own rules and can end with a visit
/// out that a plain insertion fits, often into a nurse's empty round; a proposal must never leave
/// a visit to the team that one of its nurses could have done.
/// </summary>
internal static class Insertion
{
    public static void PlaceLeftOvers(PlanningProblem problem, IReadOnlyList<PlanTask> tasks, IReadOnlyList<PlanNurse> nurses, List<List<int>> routes)
    {
        var node = tasks.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var partner = new Dictionary<int, (int Other, bool IsFirst)>();
        var links = new List<(int First, int Second, TaskLink Link)>();
        foreach (var link in problem.TaskLinks)
        {
            if (node.TryGetValue(link.First, out var a) && node.TryGetValue(link.Second, out var b))
            {
                partner[a] = (b, true);
                partner[b] = (a, false);
                links.Add((a, b, link));
            }
        }

        var placed = routes.SelectMany(r => r).ToHashSet();
        var left = Enumerable.Range(0, tasks.Count)
            .Where(t => !placed.Contains(t) && (!partner.TryGetValue(t, out var p) || p.IsFirst))
            .OrderBy(t => tasks[t].WindowStart).ThenBy(t => tasks[t].WindowEnd).ToList();
        if (left.Count == 0)
        {
            return;
        }

        var index = nurses.Select((n, v) => (n.Id, v)).ToDictionary(x => x.Id, x => x.v);
        var eligible = tasks.Select(t => Screening.QualifiedNurses(problem, t).Where(n => index.ContainsKey(n.Id)).Select(n => index[n.Id]).ToArray()).ToArray();
        foreach (var task in left)
        {
            List<List<int>>? best = null;
            var bestCost = double.MaxValue;
            foreach (var candidate in Candidates(tasks, routes, eligible, task, partner.TryGetValue(task, out var p) ? p.Other : -1))
            {
                // Each round alone first: double visits only ever push times later, so a round
                // that fails on its own fails in the plan, and most candidates end there cheaply.
                if (Enumerable.Range(0, nurses.Count).All(v => candidate[v].Count == routes[v].Count || AloneFits(problem, tasks, nurses[v], candidate[v]))
                    && Holds(problem, tasks, nurses, links, candidate) && Cost(problem, tasks, nurses, candidate) is var c && c < bestCost)
                {
                    (best, bestCost) = (candidate, c);
                }
            }

            if (best is not null)
            {
                for (var v = 0; v < routes.Count; v++)
                {
                    routes[v] = best[v];
                }
            }
        }
    }

    /// <summary>
    /// Every way to put the task in: a single task at any place of any round it may go in; a
    /// double visit's halves each in its place in time order, in two different rounds.
    /// </summary>
    private static IEnumerable<List<List<int>>> Candidates(IReadOnlyList<PlanTask> tasks, List<List<int>> routes, int[][] eligible, int task, int second)
    {
        if (second < 0)
        {
            foreach (var v in eligible[task])
            {
                for (var at = 0; at <= routes[v].Count; at++)
                {
                    var copy = Copy(routes);
                    copy[v].Insert(at, task);
                    yield return copy;
                }
            }

            yield break;
        }

        foreach (var a in eligible[task])
        {
            foreach (var b in eligible[second].Where(b => b != a))
            {
                var copy = Copy(routes);
                copy[a].Insert(InTimeOrder(tasks, copy[a], task), task);
                copy[b].Insert(InTimeOrder(tasks, copy[b], second), second);
                yield return copy;
            }
        }
    }

    private static int InTimeOrder(IReadOnlyList<PlanTask> tasks, List<int> route, int task)
    {
        var at = route.FindIndex(t => tasks[t].WindowStart > tasks[task].WindowStart);
        return at < 0 ? route.Count : at;
    }

    private static List<List<int>> Copy(List<List<int>> routes) => [.. routes.Select(r => r.ToList())];

    private static double Cost(PlanningProblem problem, IReadOnlyList<PlanTask> tasks, IReadOnlyList<PlanNurse> nurses, List<List<int>> routes) =>
        PlanCosts.Count(problem, RoundPlanner.Rounds(problem, tasks, nurses, routes)).Weighted;

    /// <summary>Whether the round keeps the nurse's shift, hard windows and capacity with every visit as early as it can be.</summary>
    private static bool AloneFits(PlanningProblem problem, IReadOnlyList<PlanTask> tasks, PlanNurse nurse, List<int> route)
    {
        var location = nurse.StartLocation;
        var free = nurse.ShiftStart;
        long load = 0;
        foreach (var task in route)
        {
            var t = tasks[task];
            var start = Math.Max(free + problem.Travel.Between(location, t.Location), t.WindowStart);
            if (problem.Cost.HardWindows && start > t.WindowEnd + 1e-6)
            {
                return false;
            }

            free = start + t.DurationFor(nurse.Id);
            location = t.Location;
            load += t.Load;
        }

        return load <= nurse.Capacity && (route.Count == 0 || free + problem.Travel.Between(location, nurse.EndLocation) <= nurse.ShiftEnd + 1e-6);
    }

    /// <summary>Whether the plan keeps every rule: shifts (there and home again), hard windows, capacity and the delays of double visits.</summary>
    private static bool Holds(
        PlanningProblem problem, IReadOnlyList<PlanTask> tasks, IReadOnlyList<PlanNurse> nurses, List<(int First, int Second, TaskLink Link)> links, List<List<int>> routes)
    {
        const double Slack = 1e-6;
        var starts = Timetable.Earliest(problem, tasks, nurses, routes);
        for (var v = 0; v < nurses.Count; v++)
        {
            var nurse = nurses[v];
            var location = nurse.StartLocation;
            var free = nurse.ShiftStart;
            long load = 0;
            foreach (var task in routes[v])
            {
                var t = tasks[task];
                if (starts[task] < free + problem.Travel.Between(location, t.Location) - Slack
                    || starts[task] < t.WindowStart - Slack
                    || (problem.Cost.HardWindows && starts[task] > t.WindowEnd + Slack))
                {
                    return false;
                }

                free = starts[task] + t.DurationFor(nurse.Id);
                location = t.Location;
                load += t.Load;
            }

            if (load > nurse.Capacity || (routes[v].Count > 0 && free + problem.Travel.Between(location, nurse.EndLocation) > nurse.ShiftEnd + Slack))
            {
                return false;
            }
        }

        var placed = routes.SelectMany(r => r).ToHashSet();
        return links.TrueForAll(l => !placed.Contains(l.First) || !placed.Contains(l.Second)
            || (starts[l.Second] - starts[l.First] >= l.Link.MinDelay - Slack && starts[l.Second] - starts[l.First] <= l.Link.MaxDelay + Slack));
    }
}

namespace Buurtzorg.Planning;

/// <summary>
/// The times of a plan, worked out exactly from its order: every visit as early as its window,
/// the nurse's shift and the drive allow, then pushed later only where a double visit needs its
/// two halves together (or at their delay). Only ever moving later, it settles on the earliest
/// times that keep everything.
/// </summary>
internal static class Timetable
{
    public static double[] Earliest(PlanningProblem problem, IReadOnlyList<PlanTask> tasks, IReadOnlyList<PlanNurse> nurses, IReadOnlyList<List<int>> routes)
    {
        var start = tasks.Select(t => t.WindowStart).ToArray();
        var node = tasks.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var links = problem.TaskLinks.Where(l => node.ContainsKey(l.First) && node.ContainsKey(l.Second))
            .Select(l => (First: node[l.First], Second: node[l.Second], l.MinDelay, l.MaxDelay)).ToList();
        for (var round = 0; round < 1000; round++)
        {
            var changed = false;
            for (var v = 0; v < nurses.Count; v++)
            {
                var location = nurses[v].StartLocation;
                var free = nurses[v].ShiftStart;
                foreach (var task in routes[v])
                {
                    var arrival = free + problem.Travel.Between(location, tasks[task].Location);
                    if (arrival > start[task] + 1e-9)
                    {
                        start[task] = arrival;
                        changed = true;
                    }

                    free = start[task] + tasks[task].DurationFor(nurses[v].Id);
                    location = tasks[task].Location;
                }
            }

            foreach (var (first, second, min, max) in links)
            {
                if (start[second] < start[first] + min - 1e-9)
                {
                    start[second] = start[first] + min;
                    changed = true;
                }

                if (start[first] < start[second] - max - 1e-9)
                {
                    start[first] = start[second] - max;
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return start;
    }
}

namespace Buurtzorg.Planning;

/// <summary>
/// A day where every nurse is alike (one start, one shift, one capacity, nothing linked), in flat
/// arrays so that the searches over it can test a change in a few steps. Place <see cref="Depot"/>
/// is where every round starts and ends; the others are task indices.
/// </summary>
internal sealed class AlikeDay
{
    private readonly double[] _travel;
    private readonly int _places;
    private int[][]? _nearest;

    public AlikeDay(PlanningProblem problem, IReadOnlyList<PlanTask> tasks)
    {
        var nurse = problem.Nurses[0];
        Count = tasks.Count;
        _places = Count + 1;
        ShiftStart = nurse.ShiftStart;
        ShiftEnd = nurse.ShiftEnd;
        Capacity = nurse.Capacity;
        Ready = [.. tasks.Select(t => t.WindowStart)];
        Due = [.. tasks.Select(t => t.WindowEnd)];
        Service = [.. tasks.Select(t => t.Duration)];
        Load = [.. tasks.Select(t => t.Load)];
        _travel = new double[_places * _places];
        int Location(int place) => place == Depot ? nurse.StartLocation : tasks[place].Location;
        for (var a = 0; a < _places; a++)
        {
            for (var b = 0; b < _places; b++)
            {
                _travel[(a * _places) + b] = problem.Travel.Between(Location(a), Location(b));
            }
        }
    }

    /// <summary>
    /// Whether a day is one: nurses alike (one start, one shift, one capacity, the same
    /// qualifications), nothing linked or pinned, hard windows, and only travel and nurses used
    /// counted (no continuity or fairness to weigh), as in the VRPTW benchmarks.
    /// </summary>
    public static bool Describes(PlanningProblem problem, IReadOnlyList<PlanTask> tasks)
    {
        if (problem.Nurses.Count == 0)
        {
            return false;
        }

        var first = problem.Nurses[0];
        var cost = problem.Cost;
        return cost.PerNurseUsed > 0 && cost.HardWindows && cost.Fairness == 0 && (cost.Continuity == 0 || problem.CareHistory.Count == 0)
            && problem.TaskLinks.Count == 0
            && problem.Nurses.All(n => n.StartLocation == first.StartLocation && n.EndLocation == first.StartLocation
                && n.ShiftStart == first.ShiftStart && n.ShiftEnd == first.ShiftEnd && n.Capacity == first.Capacity
                && n.Qualifications.SetEquals(first.Qualifications))
            && tasks.All(t => t.PinnedNurse is null && t.DurationByNurse is null && (t.Qualification is null || first.Qualifications.Contains(t.Qualification)));
    }

    public int Count { get; }

    public int Depot => Count;

    public double ShiftStart { get; }

    public double ShiftEnd { get; }

    public long Capacity { get; }

    public double[] Ready { get; }

    public double[] Due { get; }

    public double[] Service { get; }

    public int[] Load { get; }

    /// <summary>For each task, every task from the nearest (itself) to the farthest.</summary>
    public int[][] Nearest => _nearest ??= [.. Enumerable.Range(0, Count).Select(a => Enumerable.Range(0, Count).OrderBy(b => Travel(a, b)).ThenBy(b => b).ToArray())];

    public double Travel(int from, int to) => _travel[(from * _places) + to];

    /// <summary>Whether one nurse can do these tasks in this order: every window, the load, home by the shift's end.</summary>
    public bool Feasible(List<int> route)
    {
        var time = ShiftStart;
        var at = Depot;
        long load = 0;
        foreach (var task in route)
        {
            time = Math.Max(time + Travel(at, task), Ready[task]);
            if (time > Due[task] + 1e-9)
            {
                return false;
            }

            load += Load[task];
            time += Service[task];
            at = task;
        }

        return load <= Capacity && time + Travel(at, Depot) <= ShiftEnd + 1e-9;
    }
}

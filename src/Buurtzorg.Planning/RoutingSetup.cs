using Google.OrTools.ConstraintSolver;

namespace Buurtzorg.Planning;

/// <summary>
/// The problem as an OR-Tools routing model: one vehicle per nurse, one node per task plus one
/// per place nurses start or end. Times are scaled to integers (<see cref="TimeScale"/> steps
/// per unit) and rounded up, so any time the solver finds can really be kept; costs are the
/// weights (in tenths) times the scaled units.
/// </summary>
internal sealed class RoutingSetup : IDisposable
{
    public const long TimeScale = 1000;
    private const long WeightScale = 10;
    public const long DropPenalty = 1_000_000_000_000;

    private readonly List<object> _callbacks = []; // keeps the delegates alive while native code holds them
    private readonly List<int> _depots;

    /// <param name="problem">The day.</param>
    /// <param name="tasks">The tasks screening let through.</param>
    /// <param name="nurses">The nurses who may be used.</param>
    /// <param name="optional">Whether tasks may be left out (at a high price). A model where every task must be placed searches better, so that is tried first.</param>
    public RoutingSetup(PlanningProblem problem, IReadOnlyList<PlanTask> tasks, IReadOnlyList<PlanNurse> nurses, bool optional)
    {
        Problem = problem;
        Tasks = tasks;
        Nurses = nurses;
        var taskCount = tasks.Count;
        // One node per place nurses start or end (a shared office, or each her home): nurses
        // starting at one place share its node, which the search handles much better than a
        // copy per nurse.
        _depots = [.. nurses.SelectMany(n => new[] { n.StartLocation, n.EndLocation }).Distinct()];
        var starts = nurses.Select(n => taskCount + _depots.IndexOf(n.StartLocation)).ToArray();
        var ends = nurses.Select(n => taskCount + _depots.IndexOf(n.EndLocation)).ToArray();
        Manager = new RoutingIndexManager(taskCount + _depots.Count, nurses.Count, starts, ends);
        Routing = new RoutingModel(Manager);
        var weights = problem.Cost;
        var familiarity = new Familiarity(problem);
        var horizon = Scale(Math.Max(nurses.Max(n => n.ShiftEnd), tasks.Count == 0 ? 0 : tasks.Max(t => t.WindowEnd)) + 1);

        // When no nurse differs in how long a task takes or what it costs her, one callback
        // serves all: the solver caches it, and searches much faster than with one per nurse.
        var knows = familiarity.Counts;
        var alike = !knows && tasks.All(t => t.DurationByNurse is null);
        // Travel between nodes, computed once: the solver asks for arcs millions of times.
        var nodeCount = taskCount + _depots.Count;
        var travel = new double[nodeCount, nodeCount];
        for (var a = 0; a < nodeCount; a++)
        {
            for (var b = 0; b < nodeCount; b++)
            {
                travel[a, b] = problem.Travel.Between(Location(a), Location(b));
            }
        }

        var timeCallbacks = new int[nurses.Count];
        var workCallbacks = new int[nurses.Count];
        for (var v = 0; v < nurses.Count; v++)
        {
            if (alike && v > 0)
            {
                timeCallbacks[v] = timeCallbacks[0];
                workCallbacks[v] = workCallbacks[0];
                continue;
            }

            var nurse = nurses[v];
            var service = Enumerable.Range(0, nodeCount).Select(node => node < taskCount ? tasks[node].DurationFor(nurse.Id) : 0).ToArray();
            var arcTime = new long[nodeCount, nodeCount];
            var arcCost = new long[nodeCount, nodeCount];
            var travelWeight = Weight(weights.Travel);
            var continuity = Weight(weights.Continuity) * TimeScale;
            var strangeness = Enumerable.Range(0, taskCount).Select(t => knows ? familiarity.Strangeness(nurse.Id, tasks[t].ClientId) : 0).ToArray();
            for (var a = 0; a < nodeCount; a++)
            {
                for (var b = 0; b < nodeCount; b++)
                {
                    arcTime[a, b] = Ceil(service[a] + travel[a, b]);
                    arcCost[a, b] = travelWeight * (long)Math.Round(travel[a, b] * TimeScale)
                        + (b < taskCount ? (long)Math.Round(continuity * strangeness[b]) : 0);
                }
            }

            LongLongToLong time = (from, to) => arcTime[Manager.IndexToNode(from), Manager.IndexToNode(to)];
            LongLongToLong work = (from, _) => Ceil(service[Manager.IndexToNode(from)]);
            LongLongToLong cost = (from, to) => arcCost[Manager.IndexToNode(from), Manager.IndexToNode(to)];
            _callbacks.Add(time);
            _callbacks.Add(work);
            _callbacks.Add(cost);
            timeCallbacks[v] = Routing.RegisterTransitCallback(time);
            workCallbacks[v] = Routing.RegisterTransitCallback(work);
            // What an arc costs depends on the nurse only through continuity.
            if (!knows && v == 0)
            {
                Routing.SetArcCostEvaluatorOfAllVehicles(Routing.RegisterTransitCallback(cost));
            }
            else if (knows)
            {
                Routing.SetArcCostEvaluatorOfVehicle(Routing.RegisterTransitCallback(cost), v);
            }
        }

        if (alike)
        {
            Routing.AddDimension(timeCallbacks[0], horizon, horizon, false, "Time");
        }
        else
        {
            Routing.AddDimensionWithVehicleTransits(timeCallbacks, horizon, horizon, false, "Time");
        }

        Time = Routing.GetMutableDimension("Time");
        if (weights.Fairness > 0 && nurses.Count > 1)
        {
            Routing.AddDimensionWithVehicleTransits(workCallbacks, 0, horizon, true, "Work");
            Routing.GetMutableDimension("Work").SetGlobalSpanCostCoefficient(Weight(weights.Fairness));
        }

        if (tasks.Any(t => t.Load > 0))
        {
            LongToLong load = index => Manager.IndexToNode(index) is var node && node < Tasks.Count ? Tasks[node].Load : 0;
            _callbacks.Add(load);
            Routing.AddDimensionWithVehicleCapacity(Routing.RegisterUnaryTransitCallback(load), 0,
                [.. nurses.Select(n => (long)Math.Min(n.Capacity, int.MaxValue))], true, "Load");
        }

        if (weights.PerNurseUsed > 0)
        {
            Routing.SetFixedCostOfAllVehicles(Weight(weights.PerNurseUsed) * TimeScale);
        }

        for (var v = 0; v < nurses.Count; v++)
        {
            Time.CumulVar(Routing.Start(v)).SetRange(Scale(nurses[v].ShiftStart), Floor(nurses[v].ShiftEnd));
            Time.CumulVar(Routing.End(v)).SetRange(Scale(nurses[v].ShiftStart), Floor(nurses[v].ShiftEnd));
        }

        var vehicleOf = nurses.Select((n, v) => (n.Id, v)).ToDictionary(x => x.Id, x => x.v);
        for (var node = 0; node < tasks.Count; node++)
        {
            var task = tasks[node];
            var index = Manager.NodeToIndex(node);
            var latest = weights.HardWindows ? Floor(task.WindowEnd) : horizon;
            Time.CumulVar(index).SetRange(Ceil(task.WindowStart), Math.Max(Ceil(task.WindowStart), latest));
            if (!weights.HardWindows && weights.Lateness > 0)
            {
                Time.SetCumulVarSoftUpperBound(index, Floor(task.WindowEnd), Weight(weights.Lateness));
            }

            var allowed = Screening.QualifiedNurses(problem, task).Where(n => vehicleOf.ContainsKey(n.Id)).Select(n => vehicleOf[n.Id]).ToArray();
            if (allowed.Length < nurses.Count)
            {
                // -1 stays allowed: the vehicle of a task left out.
                Routing.VehicleVar(index).SetValues([-1, .. allowed.Select(v => (long)v)]);
            }

            if (optional)
            {
                Routing.AddDisjunction([index], DropPenalty);
            }
        }

        if (weights.MaxLateness > 0 && !weights.HardWindows)
        {
            PriceLargestLateness(tasks, horizon, Weight(weights.MaxLateness));
        }

        var solver = Routing.solver();
        var nodeOf = tasks.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        foreach (var link in problem.TaskLinks)
        {
            if (!nodeOf.TryGetValue(link.First, out var a) || !nodeOf.TryGetValue(link.Second, out var b))
            {
                continue;
            }

            var first = Manager.NodeToIndex(a);
            var second = Manager.NodeToIndex(b);
            solver.Add(solver.MakeGreaterOrEqual(solver.MakeDifference(Time.CumulVar(second), Time.CumulVar(first)), Ceil(link.MinDelay)));
            solver.Add(solver.MakeLessOrEqual(solver.MakeDifference(Time.CumulVar(second), Time.CumulVar(first)), Floor(link.MaxDelay)));
            // Not "both or neither": the search places one half at a time and could then place
            // none. A half left alone is taken out again afterwards (see RoundPlanner).
            solver.Add(solver.MakeAllDifferentExcept(new IntVarVector([Routing.VehicleVar(first), Routing.VehicleVar(second)]), -1));
        }
    }

    /// <summary>
    /// The routing model has no term for the largest of the tasks' lateness, so it is built from
    /// one: a dimension that may only rise along a round (no transit, free slack) and must stand,
    /// at each task, at least at that task's lateness. Each round then ends at or above its own
    /// largest lateness, and the dimension's global span (the highest end, every round starting
    /// at 0) is the largest lateness of the day, priced at its weight. It counts whole minutes
    /// (rounded up): the solver settles such a value one unit at a time, and in the time scale's
    /// thousandths that took minutes for a single plan.
    /// </summary>
    private void PriceLargestLateness(IReadOnlyList<PlanTask> tasks, long horizon, long weight)
    {
        LongLongToLong none = (_, _) => 0;
        _callbacks.Add(none);
        var minutes = (horizon / TimeScale) + 1;
        Routing.AddDimension(Routing.RegisterTransitCallback(none), minutes, minutes, true, "LargestLateness");
        var largest = Routing.GetMutableDimension("LargestLateness");
        largest.SetGlobalSpanCostCoefficient(weight * TimeScale);
        var solver = Routing.solver();
        for (var node = 0; node < tasks.Count; node++)
        {
            var index = Manager.NodeToIndex(node);
            solver.Add(solver.MakeGreaterOrEqual(
                solver.MakeProd(largest.CumulVar(index), TimeScale), solver.MakeSum(Time.CumulVar(index), -Floor(tasks[node].WindowEnd))));
        }
    }

    public PlanningProblem Problem { get; }

    public IReadOnlyList<PlanTask> Tasks { get; }

    public IReadOnlyList<PlanNurse> Nurses { get; }

    public RoutingIndexManager Manager { get; }

    public RoutingModel Routing { get; }

    public RoutingDimension Time { get; }

    /// <summary>The routes of an assignment as task indices per nurse.</summary>
    public List<List<int>> Routes(Assignment assignment)
    {
        var routes = new List<List<int>>();
        for (var v = 0; v < Nurses.Count; v++)
        {
            var route = new List<int>();
            for (var index = assignment.Value(Routing.NextVar(Routing.Start(v))); !Routing.IsEnd(index); index = assignment.Value(Routing.NextVar(index)))
            {
                route.Add(Manager.IndexToNode(index));
            }

            routes.Add(route);
        }

        return routes;
    }

    public Assignment? FromRoutes(IReadOnlyList<IReadOnlyList<int>> routes) =>
        Routing.ReadAssignmentFromRoutes([.. routes.Select(r => r.Select(node => (long)Manager.NodeToIndex(node)).ToArray())], true);

    public void Dispose()
    {
        Routing.Dispose();
        Manager.Dispose();
    }

    private int Location(int node) => node < Tasks.Count ? Tasks[node].Location : _depots[node - Tasks.Count];

    private static long Weight(double weight) => (long)Math.Round(weight * WeightScale);

    private static long Scale(double time) => (long)Math.Round(time * TimeScale);

    private static long Ceil(double time) => (long)Math.Ceiling(time * TimeScale - 1e-6);

    private static long Floor(double time) => (long)Math.Floor(time * TimeScale + 1e-6);
}

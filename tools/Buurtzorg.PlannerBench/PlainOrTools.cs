using System.Diagnostics;
using Buurtzorg.Planning;
using Google.OrTools.ConstraintSolver;
using ProtoDuration = Google.Protobuf.WellKnownTypes.Duration;

namespace Buurtzorg.PlannerBench;

/// <summary>
/// The VRPTW as anyone would first write it with OR-Tools routing, to show what the round planner
/// adds over the library's defaults: one vehicle per nurse, a capacity dimension, the windows as
/// hard ranges on a time dimension, a fixed cost per vehicle that outweighs any distance,
/// parallel cheapest insertion then guided local search. Only for problems shaped like Solomon's:
/// every nurse starting and ending at one depot, no qualifications, pins or links.
/// </summary>
public static class PlainOrTools
{
    // Routing works in integers: thousandths of a unit keep the distance within 0.1% of exact.
    private const long Scale = 1000;
    private const long VehicleCost = 100_000 * Scale;

    public static PlanningResult Solve(PlanningProblem problem, TimeSpan timeLimit)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var depot = problem.Nurses[0].StartLocation;
        if (problem.Nurses.Any(n => n.StartLocation != depot || n.EndLocation != depot) || problem.TaskLinks.Count > 0)
        {
            throw new ArgumentException("The plain model takes one depot for every nurse and no linked tasks.", nameof(problem));
        }

        var clock = Stopwatch.StartNew();
        var tasks = problem.Tasks;
        var nodes = tasks.Count + 1;
        // Node 0 is the depot, node i the task tasks[i - 1].
        int LocationOf(int node) => node == 0 ? depot : tasks[node - 1].Location;

        var arcCost = new long[nodes, nodes];
        var arcTime = new long[nodes, nodes];
        for (var from = 0; from < nodes; from++)
        {
            for (var to = 0; to < nodes; to++)
            {
                var travel = problem.Travel.Between(LocationOf(from), LocationOf(to));
                arcCost[from, to] = (long)Math.Round(travel * Scale);
                // Rounded up, so that a route the model accepts also keeps its windows in exact doubles.
                var service = from == 0 ? 0 : tasks[from - 1].Duration;
                arcTime[from, to] = (long)Math.Ceiling((service + travel) * Scale);
            }
        }

        var vehicles = problem.Nurses.Count;
        var manager = new RoutingIndexManager(nodes, vehicles, 0);
        var routing = new RoutingModel(manager);

        long Distance(long fromIndex, long toIndex) => arcCost[manager.IndexToNode(fromIndex), manager.IndexToNode(toIndex)];
        long Time(long fromIndex, long toIndex) => arcTime[manager.IndexToNode(fromIndex), manager.IndexToNode(toIndex)];
        long Demand(long fromIndex) => manager.IndexToNode(fromIndex) is var node && node == 0 ? 0 : tasks[node - 1].Load;

        LongLongToLong distance = Distance;
        LongLongToLong time = Time;
        LongToLong demand = Demand;
        var distanceCallback = routing.RegisterTransitCallback(distance);
        routing.SetArcCostEvaluatorOfAllVehicles(distanceCallback);
        routing.SetFixedCostOfAllVehicles(VehicleCost);

        var capacities = problem.Nurses.Select(n => (long)n.Capacity).ToArray();
        routing.AddDimensionWithVehicleCapacity(routing.RegisterUnaryTransitCallback(demand), 0, capacities, true, "Capacity");

        var dayEnd = (long)Math.Ceiling(problem.Nurses.Max(n => n.ShiftEnd) * Scale);
        routing.AddDimension(routing.RegisterTransitCallback(time), dayEnd, dayEnd, false, "Time");
        var timeDimension = routing.GetMutableDimension("Time");
        for (var node = 1; node < nodes; node++)
        {
            var task = tasks[node - 1];
            timeDimension.CumulVar(manager.NodeToIndex(node)).SetRange((long)Math.Ceiling(task.WindowStart * Scale), (long)Math.Floor(task.WindowEnd * Scale));
        }

        for (var v = 0; v < vehicles; v++)
        {
            var nurse = problem.Nurses[v];
            timeDimension.CumulVar(routing.Start(v)).SetRange((long)Math.Ceiling(nurse.ShiftStart * Scale), (long)Math.Floor(nurse.ShiftEnd * Scale));
            timeDimension.CumulVar(routing.End(v)).SetRange((long)Math.Ceiling(nurse.ShiftStart * Scale), (long)Math.Floor(nurse.ShiftEnd * Scale));
        }

        var parameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        parameters.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.ParallelCheapestInsertion;
        parameters.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        parameters.TimeLimit = ProtoDuration.FromTimeSpan(timeLimit);

        var solution = routing.SolveWithParameters(parameters);
        var rounds = new List<PlannedRound>();
        var unplaced = new List<UnplacedTask>();
        double travelled = 0;
        if (solution is null)
        {
            unplaced.AddRange(tasks.Select(t => new UnplacedTask(t.Id, UnplacedReason.NoRoom, $"OR-Tools found no solution ({routing.GetStatus()})")));
        }
        else
        {
            for (var v = 0; v < vehicles; v++)
            {
                var nurse = problem.Nurses[v];
                var stops = new List<PlannedStop>();
                // The model's integer times are upper bounds; the stops get the exact earliest starts.
                var location = nurse.StartLocation;
                var free = nurse.ShiftStart;
                for (var index = solution.Value(routing.NextVar(routing.Start(v))); !routing.IsEnd(index); index = solution.Value(routing.NextVar(index)))
                {
                    var task = tasks[manager.IndexToNode(index) - 1];
                    var leg = problem.Travel.Between(location, task.Location);
                    travelled += leg;
                    var start = Math.Max(task.WindowStart, free + leg);
                    stops.Add(new PlannedStop(task.Id, start, start + task.Duration));
                    free = start + task.Duration;
                    location = task.Location;
                }

                if (stops.Count > 0)
                {
                    travelled += problem.Travel.Between(location, nurse.EndLocation);
                }

                rounds.Add(new PlannedRound(nurse.Id, stops));
            }
        }

        GC.KeepAlive(distance);
        GC.KeepAlive(time);
        GC.KeepAlive(demand);

        var used = rounds.Count(r => r.Stops.Count > 0);
        var weighted = solution is null ? double.NaN : solution.ObjectiveValue() / (double)Scale;
        return new PlanningResult(
            rounds,
            unplaced,
            new PlanCost(travelled, 0, 0, 0, 0, 0, used, weighted),
            new PlanningStats(clock.Elapsed, null, 0, "plain OR-Tools routing (parallel cheapest insertion, guided local search)"));
    }
}

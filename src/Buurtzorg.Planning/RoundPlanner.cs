using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;

namespace Buurtzorg.Planning;

/// <summary>How long the planner may take; cancelling ends the planning early with the best plan found so far.</summary>
public sealed record PlanningOptions(TimeSpan TimeLimit, CancellationToken Cancellation = default)
{
    /// <summary>What one step of a counted budget stands for in the planner's shares of its limit.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);

    /// <summary>Set by <see cref="Steps"/>: the limit is a number of looks at the clock, not time.</summary>
    public bool Counted { get; private init; }

    /// <summary>
    /// A budget of steps instead of time (see <see cref="PlanningClock"/>): the plan no longer
    /// depends on the machine's speed or load, which is what tests need. The solver's own search
    /// still stops at <see cref="SolverSafetyLimit"/> of real time, should it ever run that long.
    /// </summary>
    public static PlanningOptions Steps(int steps, CancellationToken cancellation = default) =>
        new(Step * steps, cancellation) { Counted = true };

    /// <summary>The solver's wall-clock limit under a counted budget: a safety net, never the budget itself.</summary>
    public static readonly TimeSpan SolverSafetyLimit = TimeSpan.FromMinutes(2);
}

/// <summary>
/// Proposes each nurse's round for a day. Method: tasks no plan can hold are set aside with their
/// reason. A district team's day (nurses who differ, no price per nurse used) and any day with
/// double visits go to the sequence search (<see cref="SequenceSearch"/>), which weighs travel,
/// lateness, continuity and fairness in every placement; OR-Tools' routing solver then polishes
/// its plan and the cheaper of the two is kept. When every nurse is alike and only travel and
/// nurses used count (the VRPTW benchmarks: vehicles first), the solver's first plan goes to the
/// route minimiser (<see cref="RouteMinimizer"/>) and then to string removals
/// (<see cref="StringRemovalSearch"/>). Other days that price nurses used go to the solver (a
/// model that must place every task first, as it searches better; optional tasks at a high
/// price only if that has no plan), which then empties rounds one at a time, the smallest
/// first, and keeps each success. Whatever the search left out goes in where a round still has
/// room (<see cref="Insertion"/>). The plan's times are then worked out exactly (earliest starts
/// that keep every window and double visit), and the cost is counted per objective.
/// A task a nurse already has is pinned to her, but never at the cost of leaving it out: one she
/// cannot keep on its own (not on shift, no longer qualified, her shift misses its window) is
/// planned as open before the search, one her round has no room for once the search is done is
/// planned again as open from the plan found; either way the result names the move. What no
/// colleague can take is reported as staying with her.
/// </summary>
public static class RoundPlanner
{
    public static PlanningResult Plan(PlanningProblem problem, PlanningOptions options)
    {
        var clock = PlanningClock.Start(options);
        var released = problem.Tasks.Select(t => (t.Id, Why: Screening.WhyNotKept(problem, t)))
            .Where(x => x.Why is not null).ToDictionary(x => x.Id, x => x.Why!.Value);
        var working = Unpinned(problem, released.Keys);
        var result = PlanPinned(working, options, clock);

        var full = result.Unplaced.Where(u => u.Reason == UnplacedReason.NoRoom && working.Tasks.Any(t => t.Id == u.TaskId && t.PinnedNurse is not null))
            .Select(u => u.TaskId).ToList();
        // Without a first plan nothing was judged too full: those stay hers without a reason of her own.
        if (full.Count > 0 && result.Stats.FirstFeasibleAfter is not null)
        {
            // Leaving out a visit a nurse has weighs more than a fifth more thinking time, so the
            // refit gets at least that even when the first search used the whole limit.
            full.ForEach(id => released[id] = KeepFailure.RoundFull);
            working = Unpinned(problem, released.Keys);
            var until = TimeSpan.FromTicks(Math.Max(options.TimeLimit.Ticks, (clock.Elapsed + Fraction(options.TimeLimit, RefitShare)).Ticks));
            result = Refit(working, result, clock, until);
        }

        return Accounted(problem, released, result);
    }

    private const double RefitShare = 0.2;

    private static PlanningProblem Unpinned(PlanningProblem problem, IEnumerable<string> ids)
    {
        var free = ids.ToHashSet();
        return problem with { Tasks = [.. problem.Tasks.Select(t => free.Contains(t.Id) ? t with { PinnedNurse = null } : t)] };
    }

    /// <summary>
    /// Plans again from <paramref name="first"/>, with what it left out now open: the tasks may be
    /// left out (their place in a round is what is searched for), and what was placed stays placed
    /// unless the solver finds better.
    /// </summary>
    private static PlanningResult Refit(PlanningProblem problem, PlanningResult first, PlanningClock clock, TimeSpan until)
    {
        var (tasks, unplaced) = Screening.Screen(problem);
        var node = tasks.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var routes = problem.Nurses.Select(n => first.Rounds.Single(r => r.NurseId == n.Id).Stops.Select(s => node[s.TaskId]).ToList()).ToList();
        var search = new Search(problem, tasks, clock, optional: true);
        var refit = search.Solve(problem.Nurses, [.. routes], until);
        if (refit is null)
        {
            return first;
        }

        DropLoneHalves(problem, tasks, refit);
        Insertion.PlaceLeftOvers(problem, tasks, problem.Nurses, refit);
        if (refit.Sum(r => r.Count) <= routes.Sum(r => r.Count))
        {
            return first;
        }

        var placed = refit.SelectMany(r => r).ToHashSet();
        unplaced.AddRange(tasks.Where((_, i) => !placed.Contains(i))
            .Select(t => new UnplacedTask(t.Id, UnplacedReason.NoRoom, "No round had room for it within its window and the nurses' shifts.")));
        return Result(problem, tasks, problem.Nurses, refit, unplaced, clock, first.Stats.FirstFeasibleAfter, first.Stats.Improvements + search.Improvements, first.Stats.Engine);
    }

    /// <summary>
    /// Says, for every task pinned to a nurse, what became of it: moved to whom and why, or left
    /// out and so staying hers, and why.
    /// </summary>
    private static PlanningResult Accounted(PlanningProblem problem, IReadOnlyDictionary<string, KeepFailure> released, PlanningResult result)
    {
        var pinned = problem.Tasks.Where(t => t.PinnedNurse is not null).ToDictionary(t => t.Id, t => t.PinnedNurse!);
        var moved = result.Rounds.SelectMany(r => r.Stops.Where(s => pinned.TryGetValue(s.TaskId, out var had) && had != r.NurseId)
            .Select(s => new MovedTask(s.TaskId, pinned[s.TaskId], r.NurseId, released.TryGetValue(s.TaskId, out var why) ? why : KeepFailure.RoundFull))).ToList();
        var unplaced = result.Unplaced.Select(u => pinned.TryGetValue(u.TaskId, out var had)
            ? u with { KeptBy = had, NotKept = released.TryGetValue(u.TaskId, out var why) ? why : null }
            : u).ToList();
        return result with { Unplaced = unplaced, MovedTasks = moved };
    }

    private static PlanningResult PlanPinned(PlanningProblem problem, PlanningOptions options, PlanningClock clock)
    {
        var (tasks, unplaced) = Screening.Screen(problem);
        if (tasks.Count == 0 || problem.Nurses.Count == 0)
        {
            var empty = problem.Nurses.Select(n => new List<int>()).ToList();
            unplaced.AddRange(tasks.Select(t => new UnplacedTask(t.Id, UnplacedReason.NoRoom, "No nurse is on shift.")));
            return Result(problem, [], problem.Nurses, empty, unplaced, clock, clock.Elapsed, 0, Engine(problem, tasks));
        }

        var deadline = options.TimeLimit;
        var search = new Search(problem, tasks, clock);
        List<List<int>>? routes;
        if (problem.TaskLinks.Count > 0 || HomeCareDay(problem, tasks))
        {
            // Linked visits tie OR-Tools' one-task moves down; the sequence search moves a double
            // visit as a whole, and weighs continuity, fairness and lateness in every placement.
            // It gets most of the time, then the routing solver polishes its plan (counting the
            // largest lateness too, see RoutingSetup), and the better of the two by the planner's
            // own count is kept.
            var sequence = new SequenceSearch(problem, tasks);
            routes = sequence.Search(clock, Fraction(deadline, SequenceShare));
            search.MarkFirst(sequence.FirstPlanAfter);
            // The solver overruns its limit by building its model, and what follows it (the
            // times, the costs, the last insertions) needs a moment too: it stops short of the
            // limit so that the proposal comes within it.
            var polished = search.Solve(problem.Nurses, routes, Fraction(deadline, PolishUntil));
            routes = Cheaper(problem, tasks, routes, polished);
        }
        else if (AlikeDay.Describes(problem, tasks))
        {
            // Vehicles first, then distance, nurses alike (the VRPTW benchmarks): a first plan
            // from the routing solver, rounds taken away by the route minimiser, then string
            // removals shorten what is left (and empty a round where they can).
            var day = new AlikeDay(problem, tasks);
            routes = search.Solve(problem.Nurses, initial: null, until: Fraction(deadline, FirstPlanShare));
            if (routes is null || routes.Sum(r => r.Count) < tasks.Count)
            {
                // A busy machine can need longer for the first plan than its share, and then the
                // plan that came in time leaves visits out (once, nearly all of them): the rest of
                // the time goes to placing them, from that plan, before rounds are taken away.
                routes = search.Solve(problem.Nurses, initial: routes, until: deadline, stopWhenAllPlaced: true) ?? routes;
            }
            if (routes is not null && routes.Sum(r => r.Count) == tasks.Count)
            {
                routes = new RouteMinimizer(day).Minimize(routes, clock, Fraction(deadline, FewerRoundsUntil));
                routes = new StringRemovalSearch(day, problem.Cost, problem.Nurses.Count).Improve(routes, clock, deadline);
            }
        }
        else
        {
            // When nurses used cost something, most of the time still goes to one long guided
            // search (a restart loses what it learned); emptying rounds gets the rest.
            routes = search.Solve(problem.Nurses, initial: null, until: problem.Cost.PerNurseUsed > 0 ? Fraction(deadline, 0.7) : deadline);
        }

        var nurses = problem.Nurses;
        if (routes is not null && problem.Cost.PerNurseUsed > 0 && !AlikeDay.Describes(problem, tasks))
        {
            (routes, nurses) = search.EliminateRoutes(routes, nurses, deadline);
        }

        if (routes is null)
        {
            // Not even a first plan in time: the visits go in one by one, each where it costs least.
            routes = [.. nurses.Select(_ => new List<int>())];
        }

        DropLoneHalves(problem, tasks, routes);
        Insertion.PlaceLeftOvers(problem, tasks, nurses, routes);
        var placed = routes.SelectMany(r => r).ToHashSet();
        unplaced.AddRange(tasks.Where((_, node) => !placed.Contains(node))
            .Select(t => new UnplacedTask(t.Id, UnplacedReason.NoRoom, "No round had room for it within its window and the nurses' shifts.")));
        return Result(problem, tasks, nurses, routes, unplaced, clock, search.FirstFeasibleAfter, search.Improvements, Engine(problem, tasks));
    }

    /// <summary>
    /// The same figures for a plan the team already has (each nurse's tasks in her order), so a
    /// proposal can be set beside it: times worked out the same way, costs counted the same way.
    /// </summary>
    public static PlanningResult Evaluate(PlanningProblem problem, IReadOnlyDictionary<string, IReadOnlyList<string>> orderByNurse)
    {
        var clock = PlanningClock.Start();
        var tasks = problem.Tasks;
        var node = tasks.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var routes = problem.Nurses.Select(n => orderByNurse.TryGetValue(n.Id, out var order) ? order.Where(node.ContainsKey).Select(id => node[id]).ToList() : []).ToList();
        var placed = routes.SelectMany(r => r).ToHashSet();
        var open = tasks.Where((_, i) => !placed.Contains(i)).Select(t => new UnplacedTask(t.Id, UnplacedReason.NoRoom, "Nobody has it yet.")).ToList();
        return Result(problem, tasks, problem.Nurses, routes, open, clock, null, 0, "current rounds");
    }

    /// <summary>A double visit goes as a whole: a half placed without its partner is taken out.</summary>
    private static void DropLoneHalves(PlanningProblem problem, IReadOnlyList<PlanTask> tasks, List<List<int>> routes)
    {
        var node = tasks.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var placed = routes.SelectMany(r => r).ToHashSet();
        foreach (var link in problem.TaskLinks)
        {
            if (node.TryGetValue(link.First, out var a) && node.TryGetValue(link.Second, out var b) && placed.Contains(a) != placed.Contains(b))
            {
                var lone = placed.Contains(a) ? a : b;
                routes.ForEach(r => r.Remove(lone));
            }
        }
    }

    // Measured on all 56 Solomon instances (docs/benchmarks.md): the routing solver's first plan
    // needs little time, and string removals gain more from time than the route minimiser does
    // once it has taken the easy rounds away.
    private const double FirstPlanShare = 0.05;
    private const double FewerRoundsUntil = 0.3;

    // Measured on the Mankowska instances: the sequence search gains more from time than the
    // routing solver's polish does, but the polish sometimes shortens a round.
    private const double SequenceShare = 0.9;
    private const double PolishUntil = 0.95;

    /// <summary>Of two plans, the one that places more, then the one that costs less (each counted as it would be proposed).</summary>
    private static List<List<int>> Cheaper(PlanningProblem problem, IReadOnlyList<PlanTask> tasks, List<List<int>> plan, List<List<int>>? other)
    {
        if (other is null)
        {
            return plan;
        }

        (int Placed, double Cost) Score(List<List<int>> routes)
        {
            DropLoneHalves(problem, tasks, routes);
            return (routes.Sum(r => r.Count), PlanCosts.Count(problem, Rounds(problem, tasks, problem.Nurses, routes)).Weighted);
        }

        var (placed, cost) = Score(plan);
        var (otherPlaced, otherCost) = Score(other);
        return otherPlaced > placed || (otherPlaced == placed && otherCost < cost - 1e-9) ? other : plan;
    }

    /// <summary>
    /// A district team's day: nurses who differ (qualifications, shifts, who knows whom) and no
    /// price per nurse used. The literature's days that price vehicles go to the routing solver.
    /// </summary>
    private static bool HomeCareDay(PlanningProblem problem, IReadOnlyList<PlanTask> tasks) =>
        problem.Cost.PerNurseUsed == 0 && !AlikeDay.Describes(problem, tasks);

    private static string Engine(PlanningProblem problem, IReadOnlyList<PlanTask> tasks) =>
        problem.TaskLinks.Count > 0 || HomeCareDay(problem, tasks)
            ? "sequence search (simulated annealing), polished by OR-Tools 9.15 routing"
        : AlikeDay.Describes(problem, tasks) ? "OR-Tools 9.15 routing for a first plan, route minimisation, string removals (SISR)"
        : "OR-Tools 9.15 routing, guided local search";

    private static TimeSpan Fraction(TimeSpan limit, double share) => TimeSpan.FromTicks((long)(limit.Ticks * share));

    private static PlanningResult Result(
        PlanningProblem problem, IReadOnlyList<PlanTask> tasks, IReadOnlyList<PlanNurse> nurses, List<List<int>> routes,
        List<UnplacedTask> unplaced, PlanningClock clock, TimeSpan? first, int improvements, string engine)
    {
        var rounds = Rounds(problem, tasks, nurses, routes);
        return new PlanningResult(rounds, unplaced, PlanCosts.Count(problem, rounds), new PlanningStats(clock.Elapsed, first, improvements, engine));
    }

    /// <summary>A round for every nurse of the day (empty for those not used), with the plan's exact times.</summary>
    internal static List<PlannedRound> Rounds(PlanningProblem problem, IReadOnlyList<PlanTask> tasks, IReadOnlyList<PlanNurse> nurses, List<List<int>> routes)
    {
        var starts = Timetable.Earliest(problem, tasks, nurses, routes);
        var byNurse = nurses.Select((n, v) => (n.Id, Stops: routes[v].Select(node =>
            new PlannedStop(tasks[node].Id, starts[node], starts[node] + tasks[node].DurationFor(n.Id))).ToList())).ToDictionary(x => x.Id, x => x.Stops);
        return [.. problem.Nurses.Select(n => new PlannedRound(n.Id, byNurse.TryGetValue(n.Id, out var stops) ? stops : []))];
    }

    /// <summary>One planning run's searches, sharing the clock and what they learned.</summary>
    private sealed class Search(PlanningProblem problem, IReadOnlyList<PlanTask> tasks, PlanningClock clock, bool optional = false)
    {
        // Until a model that must place every task fails, tasks are not optional.
        private bool _optional = optional;

        public TimeSpan? FirstFeasibleAfter { get; private set; }

        /// <summary>The solver's cost of the last plan found (the same scale in every model of this run).</summary>
        public long LastCost { get; private set; } = long.MaxValue;

        public int Improvements { get; private set; }

        public void MarkFirst(TimeSpan? at) => FirstFeasibleAfter ??= at;

        public List<List<int>>? Solve(IReadOnlyList<PlanNurse> nurses, IReadOnlyList<IReadOnlyList<int>>? initial, TimeSpan until, bool stopWhenAllPlaced = false)
        {
            var found = SolveOnce(nurses, initial, until, stopWhenAllPlaced);
            if (found is null && !_optional && initial is null && nurses.Count == problem.Nurses.Count)
            {
                // Not every task fits: let the search leave some out, at a price.
                _optional = true;
                found = SolveOnce(nurses, initial, until, stopWhenAllPlaced);
            }

            return found;
        }

        private List<List<int>>? SolveOnce(IReadOnlyList<PlanNurse> nurses, IReadOnlyList<IReadOnlyList<int>>? initial, TimeSpan until, bool stopWhenAllPlaced)
        {
            // Emptying a round needs the others to take its tasks one by one, so there tasks are
            // optional and success is every task placed again.
            var optional = _optional || stopWhenAllPlaced;
            using var setup = new RoutingSetup(problem, tasks, nurses, optional);
            var parameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
            parameters.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.ParallelCheapestInsertion;
            parameters.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
            var left = until - clock.Elapsed;
            parameters.TimeLimit = Duration.FromTimeSpan(clock.Counting ? PlanningOptions.SolverSafetyLimit
                : left > TimeSpan.FromMilliseconds(50) ? left : TimeSpan.FromMilliseconds(50));
            setup.Routing.AddAtSolutionCallback(() =>
            {
                var now = clock.Elapsed;
                FirstFeasibleAfter ??= now;
                Improvements++;
                // Emptying a round succeeds the moment every visit has a place again; the time
                // left is better spent on the next round to empty.
                // The solver looks at no clock of ours: a cancelled planning, or one counting
                // steps, ends at its next solution (RoutingModel.CancelSearch would be sooner, but
                // it also stopped other plannings running at the same time).
                if (clock.Cancellation.IsCancellationRequested
                    || (clock.Counting && now >= until)
                    || (stopWhenAllPlaced && setup.Routing.CostVar().Max() < RoutingSetup.DropPenalty))
                {
                    setup.Routing.solver().FinishCurrentSearch();
                }
            });

            // Routes that leave tasks out are no start for a model that must place them all.
            var start = initial is null || (!optional && initial.Sum(r => r.Count) < tasks.Count) ? null : setup.FromRoutes(initial);
            var solution = start is null
                ? setup.Routing.SolveWithParameters(parameters)
                : setup.Routing.SolveFromAssignmentWithParameters(start, parameters);
            if (solution is null)
            {
                return null;
            }

            LastCost = solution.ObjectiveValue();
            return setup.Routes(solution);
        }

        /// <summary>
        /// Tries, while time allows, to do the same with one nurse fewer: the smallest round is
        /// emptied and the solver must fit its visits into the others (every visit still placed).
        /// </summary>
        public (List<List<int>> Routes, IReadOnlyList<PlanNurse> Nurses) EliminateRoutes(List<List<int>> routes, IReadOnlyList<PlanNurse> nurses, TimeSpan deadline)
        {
            const int TriesPerCount = 2;
            var cost = LastCost;
            var attempt = Fraction(deadline, 0.1);
            var failed = new HashSet<string>();
            // Fewer nurses than the load needs cannot work (when they all carry the same).
            var load = tasks.Sum(t => (long)t.Load);
            var capacity = nurses.Max(n => (long)n.Capacity);
            var atLeast = load == 0 ? 1 : (int)Math.Ceiling((double)load / capacity);
            while (deadline - clock.Elapsed > attempt && failed.Count < TriesPerCount)
            {
                var used = Enumerable.Range(0, nurses.Count).Where(v => routes[v].Count > 0).ToList();
                if (used.Count <= atLeast)
                {
                    break;
                }

                // The smallest round not yet tried at this number of nurses; a round that could
                // not be emptied may still leave room for emptying another.
                var candidates = used.Where(v => !failed.Contains(nurses[v].Id)).OrderBy(v => routes[v].Count).ToList();
                if (used.Count <= 1 || candidates.Count == 0)
                {
                    break;
                }

                var emptied = candidates[0];
                var keep = used.Where(v => v != emptied).ToList();
                var fewer = keep.Select(v => nurses[v]).ToList();
                var tried = Solve(fewer, [.. keep.Select(v => routes[v])], clock.Elapsed + attempt, stopWhenAllPlaced: true);
                if (tried is null || tried.Sum(r => r.Count) < routes.Sum(r => r.Count))
                {
                    failed.Add(nurses[emptied].Id);
                    continue;
                }

                (routes, nurses, cost) = (tried, fewer, LastCost);
                failed.Clear();
            }

            // The rest of the time goes to shortening the rounds of the nurses left.
            // A restarted search does not always beat what it started from: keep the cheaper.
            var polished = Solve(nurses, [.. routes], deadline);
            return (polished is not null && polished.Sum(r => r.Count) >= routes.Sum(r => r.Count) && LastCost <= cost ? polished : routes, nurses);
        }
    }
}

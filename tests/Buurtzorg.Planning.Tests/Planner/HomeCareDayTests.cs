using Buurtzorg.Planning.Checking;

namespace Buurtzorg.Planning.Tests.Planner;

/// <summary>
/// A district team's day as the planner weighs it: the client's own nurses first, no visit left
/// to the team that a round could still take, ties spread over the team, and the largest
/// lateness counted by every search that plans it.
/// </summary>
[Collection(nameof(RoundPlannerTests))]
public sealed class HomeCareDayTests
{
    // Nurses and clients on one street: every place 1 minute from the next.
    private static readonly EuclideanTravelTimes Street = new([.. Enumerable.Range(0, 10).Select(i => ((double)i, 0d))]);

    [Fact]
    public void A_nurse_outside_the_client_s_circle_goes_after_its_own_even_when_she_lives_nearer()
    {
        // Ilse has been to the client once, so "has she been before" cannot tell her from the
        // client's own three; how often can. Ilse lives next door, Anna three minutes away.
        var nurses = new[] { new PlanNurse("ilse", 4, 4, 0, 600, Set()), new PlanNurse("anna", 0, 0, 0, 600, Set()) };
        var visit = new PlanTask("wassen", "mevrouw-de-vries", 3, 60, 120, 30);
        var history = new[]
        {
            new CareHistory("anna", "mevrouw-de-vries", 18), new CareHistory("bea", "mevrouw-de-vries", 9),
            new CareHistory("carla", "mevrouw-de-vries", 5), new CareHistory("ilse", "mevrouw-de-vries", 1),
        };
        var problem = new PlanningProblem([visit], nurses, Street, History: history);

        var result = RoundPlanner.Plan(problem, PlanningOptions.Steps(500));

        Assert.Equal("anna", Assert.Single(result.Rounds, r => r.Stops.Count > 0).NurseId);
        Assert.True(PlanChecker.Check(problem, result).Feasible);

        // Without weight on continuity the nearer nurse goes, so it is the weight that chose.
        var travelOnly = RoundPlanner.Plan(problem with { Weights = PlanningWeights.HomeCare with { Continuity = 0 } }, PlanningOptions.Steps(500));
        Assert.Equal("ilse", Assert.Single(travelOnly.Rounds, r => r.Stops.Count > 0).NurseId);
    }

    [Theory]
    [InlineData(60, 4, 1)]
    [InlineData(60, 4, 2)]
    [InlineData(40, 3, 4)]
    public void No_visit_is_left_to_the_team_that_a_round_could_still_take(int visits, int nurses, int seed)
    {
        // More visits than the nurses can do: some must stay open, but only those no round has room for.
        var day = TeamDays.Generate(visits, nurses, seed);

        var result = RoundPlanner.Plan(day, PlanningOptions.Steps(300));

        Assert.True(PlanChecker.Check(day, result).Feasible);
        var left = result.Unplaced.Where(u => u.Reason == UnplacedReason.NoRoom).Select(u => u.TaskId).ToList();
        Assert.NotEmpty(left);
        var linked = day.TaskLinks.SelectMany(l => new[] { (l.First, l.Second), (l.Second, l.First) }).ToDictionary(x => x.Item1, x => x.Item2);
        foreach (var id in left)
        {
            var fits = linked.TryGetValue(id, out var other) ? PairFits(day, result, id, other) : SingleFits(day, result, id);
            Assert.False(fits is not null, $"{id} was left open, but fits {fits}");
        }
    }

    [Fact]
    public void The_last_step_puts_a_left_out_visit_into_a_round_with_room_and_a_double_visit_into_two()
    {
        // Anna's round is full to her shift's end; Bea and Carla have nothing. What a search left
        // out (a single visit, a double visit) goes to them; what fits nobody's shift stays out.
        var nurses = new[] { new PlanNurse("anna", 0, 0, 0, 100, Set()), new PlanNurse("bea", 0, 0, 0, 300, Set()), new PlanNurse("carla", 0, 0, 0, 300, Set()) };
        var tasks = new[]
        {
            new PlanTask("full", "a", 1, 0, 10, 95),
            new PlanTask("single", "b", 2, 0, 100, 30),
            new PlanTask("double-1", "c", 3, 50, 100, 20),
            new PlanTask("double-2", "c", 3, 50, 100, 20),
            new PlanTask("too-long", "d", 4, 0, 10, 400),
        };
        var problem = new PlanningProblem(tasks, nurses, Street, [new TaskLink("double-1", "double-2")]);
        List<List<int>> routes = [[0], [], []];

        Insertion.PlaceLeftOvers(problem, tasks, nurses, routes);

        Assert.Equal([0], routes[0]);
        Assert.Contains(1, routes[1].Concat(routes[2]));
        Assert.True(routes[1].Contains(2) != routes[2].Contains(2) && routes[1].Contains(3) != routes[2].Contains(3) && !routes[1].Concat(routes[2]).Except([1]).Distinct().Skip(2).Any());
        Assert.DoesNotContain(4, routes.SelectMany(r => r));
        var rounds = RoundPlanner.Evaluate(problem, nurses.Select((n, v) => (n.Id, Order: (IReadOnlyList<string>)[.. routes[v].Select(t => tasks[t].Id)])).ToDictionary(x => x.Id, x => x.Order));
        Assert.True(PlanChecker.Check(problem, rounds).Feasible);
        var starts = rounds.Rounds.SelectMany(r => r.Stops).ToDictionary(s => s.TaskId, s => s.Start);
        Assert.Equal(starts["double-1"], starts["double-2"], 6);
    }

    [Fact]
    public void Where_nurses_tie_the_visits_are_not_all_given_to_the_first()
    {
        // Every visit at the office the nurses start from: nobody drives, and whoever does a
        // visit costs the same where it is placed. Only the tie rule decides.
        var nurses = Enumerable.Range(0, 4).Select(n => new PlanNurse($"nurse-{n}", 0, 0, 0, 600, Set())).ToList();
        var tasks = Enumerable.Range(0, 8).Select(i => new PlanTask($"visit-{i}", $"client-{i}", 0, i * 60, i * 60 + 30, 20)).ToList();
        var problem = new PlanningProblem(tasks, nurses, Street, Weights: PlanningWeights.HomeCare);
        var (clock, until) = Counted.Steps(0);

        // The sequence search's first plan alone: the search after it, and the routing polish,
        // would spread the work by other means.
        var rounds = new SequenceSearch(problem, tasks).Search(clock, until);

        Assert.Equal(tasks.Count, rounds.Sum(r => r.Count));
        Assert.True(rounds.Count(r => r.Count > 0) > 1, "every visit went to one nurse");
    }

    [Fact]
    public void The_routing_solver_counts_the_largest_lateness_when_it_is_weighed()
    {
        // One nurse, three visits at her office, all due at once. Doing the long visit first
        // makes the two short ones 5 and 15 minutes late (20 in all, 15 at most); doing it last
        // makes it 19 minutes late (19 in all, 19 at most). Counting only the sum, the long one
        // goes last; counting the largest too, it goes first.
        var nurse = new PlanNurse("anna", 0, 0, 0, 600, Set());
        var tasks = new[]
        {
            new PlanTask("long", "a", 0, 0, 1, 50),
            new PlanTask("short-1", "b", 0, 0, 45, 10),
            new PlanTask("short-2", "c", 0, 0, 45, 10),
        };
        // A price per nurse keeps this day on the routing solver's own search.
        var weights = new PlanningWeights(Travel: 1, Lateness: 1, MaxLateness: 10, Continuity: 0, Fairness: 0, PerNurseUsed: 1);
        var problem = new PlanningProblem(tasks, [nurse], Street, Weights: weights);

        // Wall-clock time: on three visits the solver soon finds nothing new, and a budget in
        // steps would wait for its next solution until the safety limit.
        var result = RoundPlanner.Plan(problem, new PlanningOptions(TimeSpan.FromSeconds(1)));

        Assert.StartsWith("OR-Tools", result.Stats.Engine, StringComparison.Ordinal);
        Assert.Equal("long", result.Rounds.Single().Stops[0].TaskId);
        Assert.Equal(15, result.Cost.MaxLateness, 6);
    }

    /// <summary>Where the single task could go in the plan as it stands (nurse and place), or null if nowhere.</summary>
    private static string? SingleFits(PlanningProblem day, PlanningResult result, string id)
    {
        foreach (var round in result.Rounds)
        {
            for (var at = 0; at <= round.Stops.Count; at++)
            {
                var order = Orders(result);
                order[round.NurseId].Insert(at, id);
                if (Holds(day, order))
                {
                    return $"{round.NurseId} at {at}";
                }
            }
        }

        return null;
    }

    private static string? PairFits(PlanningProblem day, PlanningResult result, string id, string other)
    {
        foreach (var a in result.Rounds)
        {
            foreach (var b in result.Rounds.Where(b => b.NurseId != a.NurseId))
            {
                for (var i = 0; i <= a.Stops.Count; i++)
                {
                    for (var j = 0; j <= b.Stops.Count; j++)
                    {
                        var order = Orders(result);
                        order[a.NurseId].Insert(i, id);
                        order[b.NurseId].Insert(j, other);
                        if (Holds(day, order))
                        {
                            return $"{a.NurseId} at {i} and {b.NurseId} at {j}";
                        }
                    }
                }
            }
        }

        return null;
    }

    private static Dictionary<string, List<string>> Orders(PlanningResult result) =>
        result.Rounds.ToDictionary(r => r.NurseId, r => r.Stops.Select(s => s.TaskId).ToList());

    /// <summary>Whether the independent checker accepts the plan with every task of the orders placed.</summary>
    private static bool Holds(PlanningProblem day, Dictionary<string, List<string>> order)
    {
        var placed = order.Values.SelectMany(o => o).ToHashSet();
        var evaluated = RoundPlanner.Evaluate(day, order.ToDictionary(x => x.Key, x => (IReadOnlyList<string>)x.Value));
        var check = PlanChecker.Check(day, evaluated);
        return check.Feasible && check.PlacedTasks == placed.Count;
    }

    private static HashSet<string> Set() => ["BasicCare"];
}

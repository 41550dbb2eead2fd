using Buurtzorg.Planning.Checking;

namespace Buurtzorg.Planning.Tests.Checking;

public sealed class PlanCheckerTests
{
    // A line of clients east of the office and one north of it:
    // 0 office (0,0), 1 at (10,0), 2 at (20,0), 3 at (0,10).
    private static readonly ITravelTimes Travel = new EuclideanTravelTimes([(0, 0), (10, 0), (20, 0), (0, 10)]);

    private static readonly PlanNurse Ann = new("ann", 0, 0, 0, 200, new HashSet<string> { "wound" }, Capacity: 10);
    private static readonly PlanNurse Bob = new("bob", 0, 0, 0, 200, new HashSet<string>(), Capacity: 10);

    private static readonly PlanTask T1 = new("t1", "c1", 1, 10, 30, 5, Load: 3);
    private static readonly PlanTask T2 = new("t2", "c2", 2, 0, 100, 5, Qualification: "wound", Load: 3);
    private static readonly PlanTask T3 = new("t3", "c3", 3, 20, 60, 10, PinnedNurse: "bob");
    private static readonly PlanTask D1 = new("d1", "c4", 3, 80, 150, 10);
    private static readonly PlanTask D2 = new("d2", "c4", 3, 80, 150, 10);

    private static PlanningProblem Problem(
        IReadOnlyList<PlanTask>? tasks = null,
        IReadOnlyList<PlanNurse>? nurses = null,
        bool hardWindows = true) =>
        new(
            tasks ?? [T1, T2, T3, D1, D2],
            nurses ?? [Ann, Bob],
            Travel,
            [new TaskLink("d1", "d2", 0, 10)],
            new PlanningWeights(HardWindows: hardWindows));

    /// <summary>
    /// Ann: t1 at 10 (10 from the office), t2 at 25 (t1 ends at 15, 10 further), d1 at 90 (t2 ends
    /// at 30, 22.36 to location 3), home at 110. Bob: t3 at 20, d2 at 90 with Ann, home at 110.
    /// </summary>
    private static readonly (string Nurse, (string Task, double Start)[] Stops)[] GoodRounds =
    [
        ("ann", [("t1", 10), ("t2", 25), ("d1", 90)]),
        ("bob", [("t3", 20), ("d2", 90)]),
    ];

    private static PlanningResult Result(
        PlanningProblem problem,
        (string Nurse, (string Task, double Start)[] Stops)[] rounds,
        params string[] unplaced)
    {
        var tasks = problem.Tasks.ToDictionary(t => t.Id);
        var planned = rounds
            .Select(r => new PlannedRound(
                r.Nurse,
                r.Stops.Select(s => new PlannedStop(
                    s.Task,
                    s.Start,
                    tasks.TryGetValue(s.Task, out var task) ? s.Start + task.DurationFor(r.Nurse) : s.Start)).ToList()))
            .ToList();
        return new PlanningResult(
            planned,
            unplaced.Select(id => new UnplacedTask(id, UnplacedReason.NoRoom, "test")).ToList(),
            new PlanCost(0, 0, 0, 0, 0, 0, 0, 0),
            new PlanningStats(TimeSpan.Zero, null, 0, "test"));
    }

    private static IEnumerable<string> Rules(PlanCheck check) => check.Violations.Select(v => v[..v.IndexOf(':', StringComparison.Ordinal)]);

    private static void AssertOnly(PlanCheck check, params string[] rules) =>
        Assert.True(
            rules.Order(StringComparer.Ordinal).SequenceEqual(Rules(check).Distinct().Order(StringComparer.Ordinal)),
            $"expected [{string.Join(", ", rules)}], got:\n{string.Join("\n", check.Violations)}");

    [Fact]
    public void A_correct_plan_passes_and_its_figures_are_recomputed_from_the_problem()
    {
        var problem = Problem();

        var check = PlanChecker.Check(problem, Result(problem, GoodRounds));

        Assert.Empty(check.Violations);
        Assert.True(check.Feasible);
        // Ann 10 + 10 + sqrt(500) + 10, Bob 10 + 0 + 10.
        Assert.Equal(50 + Math.Sqrt(500), check.Travel, 9);
        Assert.Equal(0, check.Lateness);
        Assert.Equal(0, check.MaxLateness);
        Assert.Equal(2, check.NursesUsed);
        Assert.Equal(5, check.DistinctNursesPerClient);
        Assert.Equal(5, check.PlacedTasks);
        Assert.Equal(0, check.UnplacedTasks);
    }

    [Fact]
    public void Figures_come_from_the_problem_not_from_the_cost_the_planner_claims()
    {
        var problem = Problem();
        var result = Result(problem, GoodRounds) with { Cost = new PlanCost(1, 2, 3, 4, 5, 6, 7, 8) };

        var check = PlanChecker.Check(problem, result);

        Assert.Equal(50 + Math.Sqrt(500), check.Travel, 9);
        Assert.Equal(2, check.NursesUsed);
    }

    [Fact]
    public void A_task_left_out_entirely_is_missing()
    {
        var problem = Problem();

        var check = PlanChecker.Check(problem, Result(problem, [GoodRounds[0], ("bob", [("d2", 90)])]));

        AssertOnly(check, "missing-task");
        Assert.Contains("t3", check.Violations.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_left_out_but_declared_unplaced_is_fine_and_counted()
    {
        var problem = Problem();

        var check = PlanChecker.Check(problem, Result(problem, [GoodRounds[0], ("bob", [("d2", 90)])], "t3"));

        Assert.Empty(check.Violations);
        Assert.Equal(4, check.PlacedTasks);
        Assert.Equal(1, check.UnplacedTasks);
    }

    [Fact]
    public void A_task_both_planned_and_unplaced_is_a_duplicate()
    {
        var problem = Problem();

        var check = PlanChecker.Check(problem, Result(problem, GoodRounds, "t3"));

        AssertOnly(check, "duplicate-task");
    }

    [Fact]
    public void A_task_planned_twice_is_a_duplicate()
    {
        var problem = Problem();

        // Bob does t3 again straight after: feasible in time, but it is one visit.
        var check = PlanChecker.Check(problem, Result(problem, [GoodRounds[0], ("bob", [("t3", 20), ("t3", 30), ("d2", 90)])]));

        AssertOnly(check, "duplicate-task");
    }

    [Fact]
    public void A_task_the_problem_does_not_have_is_unknown_in_a_round_or_among_the_unplaced()
    {
        var problem = Problem();

        var inRound = PlanChecker.Check(problem, Result(problem, [GoodRounds[0], ("bob", [("t3", 20), ("d2", 90), ("t9", 120)])]));
        var unplaced = PlanChecker.Check(problem, Result(problem, GoodRounds, "t9"));

        AssertOnly(inRound, "unknown-task");
        AssertOnly(unplaced, "unknown-task");
    }

    [Fact]
    public void A_round_for_a_nurse_the_problem_does_not_have_or_a_second_round_for_one_is_reported()
    {
        var problem = Problem();

        var stranger = PlanChecker.Check(problem, Result(problem, [.. GoodRounds, ("cat", [])]));
        var twice = PlanChecker.Check(problem, Result(problem, [.. GoodRounds, ("bob", [])]));

        AssertOnly(stranger, "unknown-nurse");
        AssertOnly(twice, "duplicate-round");
    }

    [Fact]
    public void A_task_given_to_a_nurse_without_its_qualification_is_reported()
    {
        var problem = Problem(nurses: [Ann with { Qualifications = new HashSet<string>() }, Bob]);

        var check = PlanChecker.Check(problem, Result(problem, GoodRounds));

        AssertOnly(check, "qualification");
        Assert.Contains("t2", check.Violations.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pinned_task_moved_to_another_nurse_is_reported()
    {
        var problem = Problem(tasks: [T1, T2, T3 with { PinnedNurse = "ann" }, D1, D2]);

        var check = PlanChecker.Check(problem, Result(problem, GoodRounds));

        AssertOnly(check, "pinned-nurse");
    }

    [Fact]
    public void Starting_before_the_window_opens_is_too_early_even_when_travel_allows_it()
    {
        var problem = Problem();

        var check = PlanChecker.Check(problem, Result(problem, [GoodRounds[0], ("bob", [("t3", 15), ("d2", 90)])]));

        AssertOnly(check, "window-start");
    }

    [Fact]
    public void Starting_after_a_hard_window_closes_is_reported()
    {
        var problem = Problem();

        var check = PlanChecker.Check(problem, Result(problem, [("ann", [("t1", 31), ("t2", 46), ("d1", 90)]), GoodRounds[1]]));

        AssertOnly(check, "window-end");
        Assert.Equal(1, check.Lateness, 9);
    }

    [Fact]
    public void Starting_after_a_soft_window_closes_is_only_counted_as_lateness()
    {
        var problem = Problem(hardWindows: false);

        var check = PlanChecker.Check(problem, Result(problem, [("ann", [("t1", 31), ("t2", 46), ("d1", 90)]), ("bob", [("t3", 64), ("d2", 90)])]));

        Assert.Empty(check.Violations);
        Assert.Equal(1 + 4, check.Lateness, 9);
        Assert.Equal(4, check.MaxLateness, 9);
    }

    [Fact]
    public void Differences_below_the_tolerance_are_not_violations()
    {
        var problem = Problem();

        var check = PlanChecker.Check(problem, Result(problem, [("ann", [("t1", 30.00005), ("t2", 45.0000), ("d1", 90)]), GoodRounds[1]]));

        Assert.Empty(check.Violations);
    }

    [Fact]
    public void Arriving_before_the_nurse_can_have_driven_from_the_previous_client_is_reported()
    {
        var problem = Problem();

        // t1 ends at 15 and client 2 is 10 away: 25 at the earliest.
        var check = PlanChecker.Check(problem, Result(problem, [("ann", [("t1", 10), ("t2", 22), ("d1", 90)]), GoodRounds[1]]));

        AssertOnly(check, "travel");
        Assert.Contains("t2", check.Violations.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Arriving_before_the_nurse_can_have_driven_from_home_after_her_shift_starts_is_reported()
    {
        var problem = Problem(nurses: [Ann, Bob with { ShiftStart = 15 }]);

        var check = PlanChecker.Check(problem, Result(problem, GoodRounds));

        AssertOnly(check, "travel");
        Assert.Contains("t3", check.Violations.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Getting_home_after_the_shift_ends_is_reported()
    {
        // Bob's d2 ends at 100 and home is 10 away.
        var problem = Problem(nurses: [Ann, Bob with { ShiftEnd = 109 }]);

        var check = PlanChecker.Check(problem, Result(problem, GoodRounds));

        AssertOnly(check, "shift-end");
    }

    [Fact]
    public void Stops_out_of_start_order_are_reported()
    {
        var problem = Problem();

        var check = PlanChecker.Check(problem, Result(problem, [GoodRounds[0], ("bob", [("d2", 90), ("t3", 20)])]));

        AssertOnly(check, "stop-order");
    }

    [Fact]
    public void An_end_that_is_not_start_plus_the_nurses_duration_is_reported()
    {
        var problem = Problem();
        var good = Result(problem, GoodRounds);
        var annStops = good.Rounds[0].Stops.ToList();
        annStops[0] = annStops[0] with { End = annStops[0].End + 1 };
        var result = good with { Rounds = [good.Rounds[0] with { Stops = annStops }, good.Rounds[1]] };

        var check = PlanChecker.Check(problem, result);

        AssertOnly(check, "end-time");
    }

    [Fact]
    public void The_duration_is_the_nurses_own_where_the_task_has_one_per_nurse()
    {
        // Ann needs 20 minutes for t1: t2 can start at 10 + 20 + 10 = 40 at the earliest.
        var problem = Problem(tasks: [T1 with { DurationByNurse = new Dictionary<string, double> { ["ann"] = 20 } }, T2, T3, D1, D2]);

        var tooSoon = PlanChecker.Check(problem, Result(problem, GoodRounds));
        var inTime = PlanChecker.Check(problem, Result(problem, [("ann", [("t1", 10), ("t2", 40), ("d1", 90)]), GoodRounds[1]]));

        AssertOnly(tooSoon, "travel");
        Assert.Empty(inTime.Violations);
    }

    [Fact]
    public void A_round_carrying_more_than_the_capacity_is_reported()
    {
        var problem = Problem(nurses: [Ann with { Capacity = 5 }, Bob]);

        var check = PlanChecker.Check(problem, Result(problem, GoodRounds));

        AssertOnly(check, "capacity");
    }

    [Fact]
    public void Both_halves_of_a_linked_visit_given_to_one_nurse_is_reported()
    {
        var problem = Problem();

        // Ann does d2 right after d1 at the same address: travel and delay are fine, the nurse is not.
        var check = PlanChecker.Check(problem, Result(problem, [("ann", [("t1", 10), ("t2", 25), ("d1", 90), ("d2", 100)]), ("bob", [("t3", 20)])]));

        AssertOnly(check, "link-same-nurse");
    }

    [Theory]
    [InlineData(101.0)]
    [InlineData(85.0)]
    public void A_linked_visit_outside_its_delay_range_is_reported(double secondStart)
    {
        var problem = Problem();

        var check = PlanChecker.Check(problem, Result(problem, [GoodRounds[0], ("bob", [("t3", 20), ("d2", secondStart)])]));

        AssertOnly(check, "link-delay");
    }

    [Fact]
    public void A_linked_visit_with_one_half_dropped_is_reported_and_with_both_dropped_is_not()
    {
        var problem = Problem();

        var oneDropped = PlanChecker.Check(problem, Result(problem, [GoodRounds[0], ("bob", [("t3", 20)])], "d2"));
        var bothDropped = PlanChecker.Check(problem, Result(problem, [("ann", [("t1", 10), ("t2", 25)]), ("bob", [("t3", 20)])], "d1", "d2"));

        AssertOnly(oneDropped, "link-split");
        Assert.Empty(bothDropped.Violations);
    }

    [Fact]
    public void A_nurse_with_an_empty_round_is_not_counted_as_used_and_drives_nowhere()
    {
        var problem = Problem(tasks: [T1, T2], nurses: [Ann, Bob]) with { Links = [] };

        var check = PlanChecker.Check(problem, Result(problem, [("ann", [("t1", 10), ("t2", 25)]), ("bob", [])]));

        Assert.Empty(check.Violations);
        Assert.Equal(1, check.NursesUsed);
        Assert.Equal(40, check.Travel, 9);
    }
}

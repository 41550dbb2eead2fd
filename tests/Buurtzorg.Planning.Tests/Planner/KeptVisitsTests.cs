using Buurtzorg.Planning.Checking;

namespace Buurtzorg.Planning.Tests.Planner;

/// <summary>
/// A visit a nurse already has is never silently taken away: it stays with her where it can, goes
/// to a qualified colleague (and the plan says from whom) where it cannot, and is otherwise
/// reported as staying with her, with why.
/// </summary>
public sealed class KeptVisitsTests
{
    private static readonly PlanningOptions Budget = PlanningOptions.Steps(1_000);

    [Fact]
    public void Visits_her_round_has_no_room_for_go_to_an_idle_qualified_colleague_and_the_plan_says_from_whom()
    {
        // Four 90-minute visits from 08:00 fit no five-hour shift: two at most.
        var nurses = new[] { Nurse("anne", end: 300), Nurse("bram", end: 600) };
        var tasks = Enumerable.Range(1, 4).Select(i => Task($"v{i}", pinned: "anne", duration: 90)).ToList();
        var problem = Problem(tasks, nurses);

        var result = RoundPlanner.Plan(problem, Budget);

        Assert.Empty(result.Unplaced);
        var check = PlanChecker.Check(problem, result);
        Assert.True(check.Feasible, string.Join(Environment.NewLine, check.Violations));
        var bram = result.Rounds.Single(r => r.NurseId == "bram").Stops.Select(s => s.TaskId).Order().ToList();
        Assert.NotEmpty(bram);
        Assert.Equal(bram, result.Moved.Select(m => m.TaskId).Order());
        Assert.All(result.Moved, m => Assert.Equal(("anne", "bram", KeepFailure.RoundFull), (m.From, m.To, m.Why)));
        Assert.Equal(2, result.Rounds.Single(r => r.NurseId == "anne").Stops.Count);
    }

    [Fact]
    public void A_visit_whose_nurse_is_not_on_shift_goes_to_a_qualified_colleague()
    {
        var problem = Problem([Task("v1", pinned: "carla")], [Nurse("bram", end: 600)]);

        var result = RoundPlanner.Plan(problem, Budget);

        Assert.Empty(result.Unplaced);
        Assert.Equal(new MovedTask("v1", "carla", "bram", KeepFailure.NotOnShift), Assert.Single(result.Moved));
        Assert.True(PlanChecker.Check(problem, result).Feasible);
    }

    [Fact]
    public void A_visit_no_colleague_can_take_stays_with_her_nurse_and_says_why()
    {
        // Anne's shift ends before the window; Bram lacks the qualification.
        var nurses = new[] { Nurse("anne", end: 120, "WoundCare"), Nurse("bram", end: 600) };
        var problem = Problem([Task("wound", pinned: "anne", start: 300, qualification: "WoundCare"), Task("other")], nurses);

        var result = RoundPlanner.Plan(problem, Budget);

        var kept = Assert.Single(result.Unplaced);
        Assert.Equal(("wound", "anne", KeepFailure.ShiftMissesWindow), (kept.TaskId, kept.KeptBy, kept.NotKept));
        Assert.Empty(result.Moved);
        Assert.True(PlanChecker.Check(problem, result).Feasible);
    }

    [Fact]
    public void A_visit_her_full_round_cannot_hold_and_no_colleague_may_do_stays_hers_as_round_full()
    {
        var nurses = new[] { Nurse("anne", end: 300, "WoundCare"), Nurse("bram", end: 600) };
        var tasks = Enumerable.Range(1, 3).Select(i => Task($"v{i}", pinned: "anne", duration: 90, qualification: "WoundCare")).ToList();
        var problem = Problem(tasks, nurses);

        var result = RoundPlanner.Plan(problem, Budget);

        var kept = Assert.Single(result.Unplaced);
        Assert.Equal(("anne", KeepFailure.RoundFull), (kept.KeptBy, kept.NotKept));
        Assert.Equal(2, result.Rounds.Single(r => r.NurseId == "anne").Stops.Count);
        Assert.True(PlanChecker.Check(problem, result).Feasible);
    }

    [Fact]
    public void Moving_a_visit_away_from_her_without_saying_so_is_a_violation()
    {
        var problem = Problem([Task("v1", pinned: "anne")], [Nurse("anne", end: 600), Nurse("bram", end: 600)]);
        var silent = new PlanningResult(
            [new PlannedRound("anne", []), new PlannedRound("bram", [new PlannedStop("v1", 60, 90)])],
            [], new PlanCost(0, 0, 0, 0, 0, 0, 1, 0), new PlanningStats(TimeSpan.Zero, null, 0, "test"));

        Assert.Contains(PlanChecker.Check(problem, silent).Violations, v => v.StartsWith("pinned-nurse", StringComparison.Ordinal));
    }

    private static PlanningProblem Problem(IReadOnlyList<PlanTask> tasks, IReadOnlyList<PlanNurse> nurses) =>
        new(tasks, nurses, new EuclideanTravelTimes([(0, 0), (1, 1)]));

    private static PlanNurse Nurse(string id, double end, params string[] qualifications) => new(id, 0, 0, 0, end, qualifications.ToHashSet());

    private static PlanTask Task(string id, string? pinned = null, double start = 60, double duration = 30, string? qualification = null) =>
        new(id, id, 1, start, start + 60, duration, qualification, pinned);
}

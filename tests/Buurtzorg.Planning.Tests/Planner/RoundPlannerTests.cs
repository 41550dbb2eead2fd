using System.Diagnostics;
using Buurtzorg.Planning.Benchmarks;
using Buurtzorg.Planning.Checking;

namespace Buurtzorg.Planning.Tests.Planner;

/// <summary>Every plan here is verified by the independent <see cref="PlanChecker"/>, never by the planner's own model.</summary>
[Collection(nameof(RoundPlannerTests))]
public sealed class RoundPlannerTests
{
    [Fact]
    public void A_team_day_with_qualifications_double_visits_and_pinned_visits_gets_a_feasible_plan_that_keeps_what_nurses_have()
    {
        var day = TeamDays.Generate(visits: 50, nurses: 6, seed: 7);

        var result = RoundPlanner.Plan(day, PlanningOptions.Steps(250));

        var check = PlanChecker.Check(day, result);
        Assert.True(check.Feasible, string.Join(Environment.NewLine, check.Violations));
        Assert.Equal(day.Tasks.Count, check.PlacedTasks + check.UnplacedTasks);
        Assert.True(check.PlacedTasks >= day.Tasks.Count * 8 / 10, $"only {check.PlacedTasks} of {day.Tasks.Count} placed: " + string.Join("; ", result.Unplaced.Select(u => u.Reason + " " + u.Explanation).Distinct()));
        foreach (var pinned in day.Tasks.Where(t => t.PinnedNurse is not null))
        {
            Assert.Contains(result.Rounds.Single(r => r.NurseId == pinned.PinnedNurse).Stops, s => s.TaskId == pinned.Id);
        }

        Assert.Equal(check.Travel, result.Cost.Travel, 3);
    }

    [Fact]
    public void The_planner_stops_at_its_time_limit_and_returns_the_best_plan_it_has()
    {
        // How fast the first plan comes is measured in tools/Buurtzorg.PlannerBench, not here.
        var day = TeamDays.Generate(visits: 50, nurses: 6, seed: 11);
        var limit = TimeSpan.FromSeconds(1.5);
        var clock = Stopwatch.StartNew();

        var result = RoundPlanner.Plan(day, new PlanningOptions(limit));

        Assert.NotNull(result.Stats.FirstFeasibleAfter);
        Assert.True(clock.Elapsed < limit + TimeSpan.FromSeconds(1), $"took {clock.Elapsed} for a limit of {limit}");
        Assert.True(result.Stats.Improvements > 0);
        Assert.True(PlanChecker.Check(day, result).Feasible);
    }

    [Fact]
    public void A_visit_no_nurse_on_shift_is_qualified_for_is_reported_with_that_reason_and_the_rest_is_planned()
    {
        var day = TeamDays.Generate(visits: 12, nurses: 3, seed: 3);
        var impossible = day.Tasks[0] with { Id = "palliatief", Qualification = "PalliativeCare", PinnedNurse = null };
        var problem = day with { Tasks = [.. day.Tasks.Skip(1), impossible], Links = [.. day.TaskLinks.Where(l => l.First != day.Tasks[0].Id && l.Second != day.Tasks[0].Id)] };

        var result = RoundPlanner.Plan(problem, PlanningOptions.Steps(1_000));

        var unplaced = Assert.Single(result.Unplaced, u => u.TaskId == "palliatief");
        Assert.Equal(UnplacedReason.NoQualifiedNurse, unplaced.Reason);
        Assert.Contains("PalliativeCare", unplaced.Explanation, StringComparison.Ordinal);
        Assert.True(PlanChecker.Check(problem, result).Feasible);
    }

    [Fact]
    public void A_double_visit_with_one_qualified_nurse_is_reported_as_a_whole()
    {
        var nurses = new[] { Nurse("a", "WoundCare"), Nurse("b") };
        var tasks = new[] { Task("w1", "WoundCare"), Task("w2", "WoundCare"), Task("basic") };
        var problem = new PlanningProblem(tasks, nurses, new EuclideanTravelTimes([(0, 0), (1, 1)]), [new TaskLink("w1", "w2")]);

        var result = RoundPlanner.Plan(problem, PlanningOptions.Steps(1_000));

        Assert.Equal(["w1", "w2"], result.Unplaced.Select(u => u.TaskId).Order());
        Assert.All(result.Unplaced, u => Assert.Equal(UnplacedReason.NoSecondNurse, u.Reason));
        Assert.True(PlanChecker.Check(problem, result).Feasible);
    }

    [Theory]
    [InlineData("C101")]
    [InlineData("R101")]
    [InlineData("RC201")]
    public void Solomon_plans_are_feasible_with_hard_windows_and_capacity(string name)
    {
        var instance = SolomonInstance.Read(BenchmarkData.SolomonFile(name));
        var problem = instance.ToProblem();

        var result = RoundPlanner.Plan(problem, PlanningOptions.Steps(30_000));

        var check = PlanChecker.Check(problem, result);
        Assert.True(check.Feasible, string.Join(Environment.NewLine, check.Violations));
        Assert.Empty(result.Unplaced);
        Assert.InRange(check.NursesUsed, 1, instance.VehicleCount);
    }

    [Fact]
    public void When_not_every_visit_fits_the_planner_spends_its_time_placing_as_many_as_it_can()
    {
        // C101 needs ten vehicles; with six, a third of its customers cannot be served.
        var full = SolomonInstance.Read(BenchmarkData.SolomonFile("C101")).ToProblem();
        var problem = full with { Nurses = [.. full.Nurses.Take(6)] };
        var limit = TimeSpan.FromSeconds(2);

        var result = RoundPlanner.Plan(problem, new PlanningOptions(limit));

        var check = PlanChecker.Check(problem, result);
        Assert.True(check.Feasible, string.Join(Environment.NewLine, check.Violations));
        Assert.NotEmpty(result.Unplaced);
        // The first plan's share is a twentieth of the limit; a planner that answered with the
        // plan it had then (as it did, once, with nearly every visit left out) stops long before this.
        Assert.True(result.Stats.Elapsed >= limit / 2, $"answered after {result.Stats.Elapsed} of {limit}, with {result.Unplaced.Count} visits unplaced");
    }

    [Theory]
    [InlineData("team day")] // double visits: the sequence search, polished by the routing solver
    [InlineData("RC201")] // the routing solver's first plan, the route minimiser, string removals
    public async Task A_budget_in_steps_gives_the_same_plan_however_busy_the_machine_is(string day)
    {
        var (problem, budget) = day == "RC201"
            ? (SolomonInstance.Read(BenchmarkData.SolomonFile(day)).ToProblem(), PlanningOptions.Steps(5_000))
            : (TeamDays.Generate(visits: 50, nurses: 6, seed: 7), PlanningOptions.Steps(250));
        var quiet = RoundPlanner.Plan(problem, budget);

        // Again, with another planning beside it competing for the same cores.
        using var stop = new CancellationTokenSource();
        var beside = System.Threading.Tasks.Task.Run(() => RoundPlanner.Plan(TeamDays.Generate(visits: 60, nurses: 6, seed: 11), new PlanningOptions(TimeSpan.FromSeconds(30), stop.Token)));
        var busy = RoundPlanner.Plan(problem, budget);
        await stop.CancelAsync();
        await beside;

        static string Routes(PlanningResult result) => string.Join(" | ", result.Rounds.Select(r => $"{r.NurseId}: {string.Join(",", r.Stops.Select(s => s.TaskId))}"));
        Assert.Equal(Routes(quiet), Routes(busy));
        Assert.Equal(quiet.Stats.Elapsed, busy.Stats.Elapsed);
    }

    [Fact]
    public void Mankowska_double_services_keep_their_delays_and_go_to_two_different_qualified_staff()
    {
        var problem = MankowskaInstance.Read(BenchmarkData.MankowskaFile("InstanzCPLEX_HCSRP_25_1")).ToProblem();

        var result = RoundPlanner.Plan(problem, PlanningOptions.Steps(1_000));

        var check = PlanChecker.Check(problem, result);
        Assert.True(check.Feasible, string.Join(Environment.NewLine, check.Violations));
        Assert.Empty(result.Unplaced);
        Assert.NotEmpty(problem.TaskLinks);
    }

    private static PlanNurse Nurse(string id, params string[] qualifications) => new(id, 0, 0, 0, 600, qualifications.ToHashSet());

    private static PlanTask Task(string id, string? qualification = null) => new(id, id, 1, 60, 300, 30, qualification);
}

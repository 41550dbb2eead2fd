using Buurtzorg.Planning.Benchmarks;
using Buurtzorg.Planning.Checking;

namespace Buurtzorg.Planning.Tests.Planner;

/// <summary>Ruin and recreate by string removals, checked by the independent <see cref="PlanChecker"/>.</summary>
public sealed class StringRemovalSearchTests
{
    [Fact]
    public void From_a_round_per_visit_it_finds_the_best_known_plan_of_C101_with_every_visit_once_inside_its_window()
    {
        // C101: 100 customers in clusters; the best known (and optimal) plan is 10 vehicles, 828.94.
        var problem = Solomon("C101");
        var oneEach = problem.Tasks.Select((_, i) => new List<int> { i }).ToList();

        var (clock, until) = Counted.Steps(60_000);

        var rounds = new StringRemovalSearch(new AlikeDay(problem, problem.Tasks), problem.Cost, problem.Nurses.Count).Improve(oneEach, clock, until);

        var check = Check(problem, rounds);
        Assert.True(check.Feasible, string.Join(Environment.NewLine, check.Violations));
        Assert.Equal(problem.Tasks.Count, check.PlacedTasks);
        Assert.Equal(10, check.NursesUsed);
        Assert.InRange(check.Travel, 828.93, 828.94 * 1.01);
    }

    [Fact]
    public void It_never_hands_back_a_plan_dearer_than_the_one_it_was_given()
    {
        var problem = Solomon("RC101");
        var day = new AlikeDay(problem, problem.Tasks);
        var (minimizing, minimized) = Counted.Steps(25_000);
        var start = new RouteMinimizer(day).Minimize([.. problem.Tasks.Select((_, i) => new List<int> { i })], minimizing, minimized);
        var before = Check(problem, start);
        var (clock, until) = Counted.Steps(6_000);

        var rounds = new StringRemovalSearch(day, problem.Cost, problem.Nurses.Count).Improve(start, clock, until);

        var after = Check(problem, rounds);
        Assert.True(after.Feasible, string.Join(Environment.NewLine, after.Violations));
        Assert.Equal(problem.Tasks.Count, after.PlacedTasks);
        Assert.True((after.NursesUsed, after.Travel).CompareTo((before.NursesUsed, before.Travel + 1e-6)) <= 0, $"{after.NursesUsed}/{after.Travel} after {before.NursesUsed}/{before.Travel}");
    }

    [Fact]
    public void It_is_used_only_where_every_nurse_is_alike_windows_are_hard_and_only_travel_and_nurses_count()
    {
        var solomon = Solomon("C101");
        var teamDay = TeamDays.Generate(visits: 20, nurses: 3, seed: 5);

        Assert.True(AlikeDay.Describes(solomon, solomon.Tasks));
        Assert.False(AlikeDay.Describes(teamDay, teamDay.Tasks));
        Assert.False(AlikeDay.Describes(solomon with { Weights = solomon.Cost with { HardWindows = false } }, solomon.Tasks));
        Assert.False(AlikeDay.Describes(solomon with { Weights = solomon.Cost with { Fairness = 0.2 } }, solomon.Tasks));
    }

    /// <summary>A Solomon instance with a nurse for every visit, so that no start is short of rounds.</summary>
    private static PlanningProblem Solomon(string name)
    {
        var instance = SolomonInstance.Read(BenchmarkData.SolomonFile(name)).ToProblem();
        return instance with { Nurses = [.. Enumerable.Range(0, instance.Tasks.Count).Select(v => instance.Nurses[0] with { Id = $"v{v}" })] };
    }

    private static PlanCheck Check(PlanningProblem problem, List<List<int>> rounds)
    {
        var order = problem.Nurses.Select((n, v) => (n.Id, Tasks: (IReadOnlyList<string>)[.. (v < rounds.Count ? rounds[v] : []).Select(t => problem.Tasks[t].Id)]))
            .ToDictionary(x => x.Id, x => x.Tasks);
        return PlanChecker.Check(problem, RoundPlanner.Evaluate(problem, order));
    }
}

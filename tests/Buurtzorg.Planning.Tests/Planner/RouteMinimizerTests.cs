using Buurtzorg.Planning.Benchmarks;
using Buurtzorg.Planning.Checking;

namespace Buurtzorg.Planning.Tests.Planner;

/// <summary>Taking rounds away, checked by the independent <see cref="PlanChecker"/>.</summary>
public sealed class RouteMinimizerTests
{
    [Fact]
    public void From_a_round_per_visit_it_gets_near_the_fewest_rounds_known_with_every_visit_placed_once_inside_its_window()
    {
        // R101: 100 customers, tight windows; the best known plan uses 19 vehicles.
        var instance = SolomonInstance.Read(BenchmarkData.SolomonFile("R101")).ToProblem();
        var problem = instance with { Nurses = [.. Enumerable.Range(0, instance.Tasks.Count).Select(v => instance.Nurses[0] with { Id = $"v{v}" })] };
        var oneEach = problem.Tasks.Select((_, i) => new List<int> { i }).ToList();
        var (clock, until) = Counted.Steps(55_000);

        var rounds = new RouteMinimizer(new AlikeDay(problem, problem.Tasks)).Minimize(oneEach, clock, until);

        var order = problem.Nurses.Select((n, v) => (n.Id, Tasks: (IReadOnlyList<string>)[.. rounds[v].Select(t => problem.Tasks[t].Id)]))
            .ToDictionary(x => x.Id, x => x.Tasks);
        var check = PlanChecker.Check(problem, RoundPlanner.Evaluate(problem, order));
        Assert.True(check.Feasible, string.Join(Environment.NewLine, check.Violations));
        Assert.Equal(problem.Tasks.Count, check.PlacedTasks);
        Assert.InRange(check.NursesUsed, 19, 22);
    }
}

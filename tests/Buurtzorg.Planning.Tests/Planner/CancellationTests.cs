using System.Diagnostics;
using Buurtzorg.Planning.Checking;

namespace Buurtzorg.Planning.Tests.Planner;

/// <summary>A planning given thirty seconds that nobody waits for any more ends at once, with a feasible plan.</summary>
[Collection(nameof(RoundPlannerTests))]
public sealed class CancellationTests
{
    [Theory]
    [InlineData(11)] // no double visits: the routing solver's own search, stopped through CancelSearch
    [InlineData(7)] // double visits: the sequence search first, then the solver
    public async Task A_cancelled_planning_stops_long_before_its_time_limit_with_a_feasible_plan(int seed)
    {
        var day = TeamDays.Generate(visits: 60, nurses: 6, seed: seed);
        using var cancel = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var planning = Task.Run(() => RoundPlanner.Plan(day, new PlanningOptions(TimeSpan.FromSeconds(30), cancel.Token)));

        cancel.CancelAfter(TimeSpan.FromSeconds(1));
        // Thirty seconds of thinking would run past this wait; a planning that heard the cancel ends well within it.
        var result = await planning.WaitAsync(TimeSpan.FromSeconds(15));

        Console.WriteLine($"seed {seed}: planning ended {clock.Elapsed.TotalSeconds:0.00} s after it began, cancelled at 1 s");
        var check = PlanChecker.Check(day, result);
        Assert.True(check.Feasible, string.Join(Environment.NewLine, check.Violations));
        Assert.Equal(day.Tasks.Count, check.PlacedTasks + check.UnplacedTasks);
    }
}

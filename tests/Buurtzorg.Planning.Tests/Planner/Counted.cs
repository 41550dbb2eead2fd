namespace Buurtzorg.Planning.Tests.Planner;

/// <summary>
/// Budgets in steps, so a search does the same work on any machine (see <see cref="PlanningClock"/>).
/// Each figure was set to about what the search did in the time these tests used to give it.
/// </summary>
internal static class Counted
{
    public static (PlanningClock Clock, TimeSpan Until) Steps(int steps) =>
        (PlanningClock.Start(PlanningOptions.Steps(steps)), PlanningOptions.Step * steps);
}

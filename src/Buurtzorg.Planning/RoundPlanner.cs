namespace Buurtzorg.Planning;

/// <summary>How long the planner may take, and who wants to hear of each better plan on the way.</summary>
public sealed record PlanningOptions(TimeSpan TimeLimit, Action<PlanningResult>? OnImproved = null);

/// <summary>Proposes each nurse's round for a day; see <see cref="PlanningWeights"/> for what it weighs.</summary>
public static class RoundPlanner
{
    public static PlanningResult Plan(PlanningProblem problem, PlanningOptions options) =>
        throw new NotImplementedException("The OR-Tools model lands in the next commit.");
}

namespace Buurtzorg.PlannerBench;

/// <summary>What the published-instances run does (<see cref="PlannerBenchCommand"/>): time limits per family, which family, whether to run the plain OR-Tools model beside the planner, and the instance files.</summary>
internal sealed record BenchOptions(double SolomonSeconds, double MankowskaSeconds, string? Only, bool Baseline, IReadOnlyList<string> Files);

/// <summary>What team-day does: how many visits and nurses a generated day has, how many days, and the planner's limit per day.</summary>
internal sealed record TeamDayOptions(int Visits, int Nurses, int Days, double PlanSeconds);

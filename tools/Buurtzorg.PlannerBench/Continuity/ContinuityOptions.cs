namespace Buurtzorg.PlannerBench.Continuity;

/// <summary>
/// What a continuity run does (<see cref="PlannerBenchCommand"/>): how many teams and days, the
/// planner's time per team day, the continuity weights to compare, the seed of the region and its
/// disturbances, and how many teams run at once.
/// </summary>
internal sealed record ContinuityOptions(int Teams, int Days, double Seconds, IReadOnlyList<double> Weights, int Seed, int Threads, QualificationMix Qualifications, double HandMoves);

/// <summary>
/// How nurses' qualifications are drawn. <see cref="Region"/>: as the demo region's nurses, every
/// one giving medication and dressing wounds. <see cref="TeamDay"/>: as TeamDayBench, basic care
/// and one to three specialisms at random, which leaves some shifts without anyone for the
/// medication round.
/// </summary>
internal enum QualificationMix
{
    Region = 1,
    TeamDay = 2,
}

using System.Diagnostics;

namespace Buurtzorg.Planning;

/// <summary>
/// The time a planning has used, which every phase of the search compares with its own deadline.
/// Once the planning is cancelled its time reads as spent, so each phase stops at its next look at
/// the clock and the planner answers with the best plan it has, as it does at the time limit.
/// </summary>
public sealed class PlanningClock
{
    private static readonly TimeSpan Spent = TimeSpan.FromDays(1);
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    private PlanningClock(CancellationToken cancellation) => Cancellation = cancellation;

    public CancellationToken Cancellation { get; }

    public TimeSpan Elapsed => Cancellation.IsCancellationRequested ? Spent : _watch.Elapsed;

    public static PlanningClock Start(CancellationToken cancellation = default) => new(cancellation);
}

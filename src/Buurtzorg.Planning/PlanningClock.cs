using System.Diagnostics;

namespace Buurtzorg.Planning;

/// <summary>
/// The time a planning has used, which every phase of the search compares with its own deadline.
/// Once the planning is cancelled its time reads as spent, so each phase stops at its next look at
/// the clock and the planner answers with the best plan it has, as it does at the time limit.
/// A counting clock (<see cref="PlanningOptions.Steps"/>) reads no watch: each look at it moves it
/// on by one step, and the searches look at it at fixed points of their (seeded) work, so the same
/// problem gets the same plan on any machine, however busy.
/// </summary>
public sealed class PlanningClock
{
    private static readonly TimeSpan Spent = TimeSpan.FromDays(1);
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private long _looks;

    private PlanningClock(CancellationToken cancellation, bool counting) => (Cancellation, Counting) = (cancellation, counting);

    public CancellationToken Cancellation { get; }

    /// <summary>Whether this clock counts looks (steps) rather than reading a watch.</summary>
    public bool Counting { get; }

    public TimeSpan Elapsed => Cancellation.IsCancellationRequested ? Spent
        : Counting ? PlanningOptions.Step * Interlocked.Increment(ref _looks)
        : _watch.Elapsed;

    public static PlanningClock Start(CancellationToken cancellation = default) => new(cancellation, counting: false);

    public static PlanningClock Start(PlanningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.Cancellation, options.Counted);
    }
}

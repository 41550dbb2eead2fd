using Buurtzorg.Chaos.Http;
using Buurtzorg.Chaos.Load;

namespace Buurtzorg.Chaos.Checks;

public sealed record Totals(
    int Requests,
    int ActionTries,
    int Reads,
    int Probes,
    int Actions,
    int Acknowledged,
    int Refused,
    int Unanswered,
    int LostAcknowledged,
    int AppliedTwice,
    int IndeterminateApplied,
    int IndeterminateNotApplied,
    int RefusedButApplied)
{
    public static Totals Of(IReadOnlyList<Attempt> attempts, IReadOnlyList<ActionRecord> actions) => new(
        attempts.Count,
        attempts.Count(a => a.Purpose == Purpose.Action),
        attempts.Count(a => a.Purpose == Purpose.Read),
        attempts.Count(a => a.Purpose == Purpose.Probe),
        actions.Count,
        actions.Count(a => a.End == ActionEnd.Acknowledged),
        actions.Count(a => a.End == ActionEnd.Refused),
        actions.Count(a => a.End == ActionEnd.NoAnswer),
        actions.Count(a => a.End == ActionEnd.Acknowledged && a.Effect == Effect.NotApplied),
        actions.Count(a => a.Effect == Effect.AppliedTwice),
        actions.Count(a => a.End == ActionEnd.NoAnswer && a.Effect is Effect.Applied or Effect.AppliedTwice),
        actions.Count(a => a.End == ActionEnd.NoAnswer && a.Effect == Effect.NotApplied),
        actions.Count(a => a.End == ActionEnd.Refused && a.Effect is Effect.Applied or Effect.AppliedTwice));
}

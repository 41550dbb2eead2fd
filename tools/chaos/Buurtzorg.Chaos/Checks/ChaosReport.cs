using Buurtzorg.Chaos.Faults;
using Buurtzorg.Chaos.Http;
using Buurtzorg.Chaos.Load;

namespace Buurtzorg.Chaos.Checks;

/// <summary>Everything the run found, as printed and as written to the JSON report.</summary>
public sealed record ChaosReport(
    string Mode,
    DateTimeOffset StartedAt,
    double Seconds,
    int Hosts,
    int Seed,
    Totals Totals,
    IReadOnlyDictionary<string, Totals> ByKind,
    IReadOnlyList<WindowFigures> Windows,
    IReadOnlyList<Recovery> Recoveries,
    IReadOnlyList<WatcherResult> Watchers,
    IReadOnlyList<Goal> Goals,
    bool CorrectnessPassed,
    IReadOnlyList<string> CorrectnessFailures,
    IReadOnlyList<ActionProblem> Problems,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyDictionary<string, string> Definitions)
{
    public static ChaosReport Build(
        ChaosOptions options,
        IReadOnlyList<Attempt> attempts,
        IReadOnlyList<ActionRecord> actions,
        IReadOnlyList<FaultRecord> faults,
        IReadOnlyList<WatcherResult> watchers,
        double loadStarted,
        double loadEnded)
    {
        var windows = Window.Of(loadStarted, loadEnded, faults);
        var figures = windows.Select(w => WindowFigures.Of(w, attempts, actions)).ToList();
        var recoveries = windows.Where(w => w.Fault is not null).Select(w => Recovery.Of(w, attempts, options.Hosts)).ToList();
        var totals = Totals.Of(attempts, actions);
        var failures = new List<string>();
        if (totals.LostAcknowledged > 0)
        {
            failures.Add($"{totals.LostAcknowledged} acknowledged actions are not in the final state");
        }

        if (totals.AppliedTwice > 0)
        {
            failures.Add($"{totals.AppliedTwice} actions took effect more than once");
        }

        failures.AddRange(watchers.Where(w => !w.Converged).Select(w => $"the {w.Kind} watcher on host {w.Host} did not converge: {w.Difference}"));
        return new ChaosReport(
            options.Mode,
            RunClock.StartedAt,
            Math.Round(RunClock.Now, 1),
            options.Hosts,
            options.Seed,
            totals,
            actions.GroupBy(a => a.Kind.ToString()).ToDictionary(g => g.Key, g => Totals.Of([], [.. g])),
            figures,
            recoveries,
            watchers,
            Goal.For(windows, figures, recoveries, attempts),
            failures.Count == 0,
            failures,
            [.. actions.Where(ActionProblem.IsProblem).Select(ActionProblem.Of)],
            global::Buurtzorg.Chaos.Timeline.All,
            new Dictionary<string, string>
            {
                ["recovery"] = Recovery.Definition,
                ["failed action"] = "An action that got no 2xx: refused with a 4xx, or no final answer before its 30 s deadline (a 500 is final; connection errors, timeouts and 502/503/504 are tried again).",
                ["window"] = "The baseline before the first fault, then each fault from its start to the next fault's. Requests and actions count in the window they ended in.",
                ["latency"] = "An action's: from its first try to its final answer (or its deadline); a try's: one request.",
                ["lost acknowledged"] = "A 2xx came back, and the final state does not have the effect.",
                ["applied twice"] = "The final state has the action's uniquely marked payload (a name, a sign or a rating) more than once.",
                ["indeterminate"] = "No final answer; the final state says whether it took effect.",
                ["refused but applied"] = "The user was told no (a 4xx, typically 409/404 to a retry of a try that had taken effect), and it had taken effect.",
            });
    }
}

public sealed record WatcherResult(int Host, string Kind, bool Converged, int Reconnects, int Events, string? Difference);

/// <summary>One action whose outcome is wrong or worth a look, with its key to find its tries in the history.</summary>
public sealed record ActionProblem(string Key, string Kind, string User, string Method, string Path, double Started, int Attempts, int? Status, ActionEnd End, Effect Effect)
{
    public static bool IsProblem(ActionRecord a) =>
        (a.End == ActionEnd.Acknowledged && a.Effect == Effect.NotApplied)
        || a.Effect == Effect.AppliedTwice
        || (a.End == ActionEnd.Refused && a.Effect == Effect.Applied);

    public static ActionProblem Of(ActionRecord a) =>
        new(a.Key, a.Kind.ToString(), a.User, a.Method, a.Path, Math.Round(a.Started, 2), a.Attempts, a.Status, a.End, a.Effect);
}

using Buurtzorg.Chaos.Faults;
using Buurtzorg.Chaos.Http;

namespace Buurtzorg.Chaos.Checks;

/// <summary>An availability or latency goal of issue 15, measured in one fault's window; printed with PASS/FAIL, never the exit code's business.</summary>
public sealed record Goal(string Window, string What, string Measured, string Limit, bool Passed)
{
    private const double MostFailedPercent = 1;
    private const double MostP99Seconds = 10;
    private const double MostRecoverySeconds = 5;
    private const double MostSecondsAfterDatabase = 2;

    public static IReadOnlyList<Goal> For(IReadOnlyList<Window> windows, IReadOnlyList<WindowFigures> figures, IReadOnlyList<Recovery> recoveries, IReadOnlyList<Attempt> attempts)
    {
        var goals = new List<Goal>();
        for (var i = 0; i < windows.Count; i++)
        {
            var (window, figure) = (windows[i], figures[i]);
            // The first window is the baseline; each later one is a fault's, in order.
            var recovery = i > 0 ? recoveries[i - 1] : null;
            if (window.Fault is { } fault && fault.Kind.IsKill())
            {
                goals.Add(new Goal(window.Name, "failed actions", $"{figure.FailedPercent:F2} % ({figure.FailedActions} of {figure.Actions})", $"<= {MostFailedPercent} %", figure.FailedPercent <= MostFailedPercent));
                goals.Add(new Goal(window.Name, "action latency p99", Seconds(figure.ActionP99Seconds), $"<= {MostP99Seconds} s", figure.ActionP99Seconds <= MostP99Seconds));
                goals.Add(new Goal(window.Name, "recovery (all hosts 2xx)", Seconds(recovery?.AllHostsSeconds), $"<= {MostRecoverySeconds} s", recovery?.AllHostsSeconds <= MostRecoverySeconds));
            }
            else if (window.Fault is { } database && database.Kind.IsDatabase())
            {
                var failures = attempts.Where(a => window.Holds(a.EndedAt) && a.Failed).ToList();
                var other = failures.Count(a => a is not { Status: 503, RetryAfterSeconds: not null });
                goals.Add(new Goal(window.Name, "failures only 503 with Retry-After", $"{other} of {failures.Count} failed requests were something else ({figure.Failures.GetValueOrDefault("500")} were 500)", "0", other == 0));
                goals.Add(new Goal(window.Name, "serving after the database is back", Seconds(recovery?.AfterDatabaseSeconds), $"<= {MostSecondsAfterDatabase} s", recovery?.AfterDatabaseSeconds <= MostSecondsAfterDatabase));
            }
        }

        return goals;
    }

    private static string Seconds(double? value) => value is { } v ? $"{v:F2} s" : "never";
}

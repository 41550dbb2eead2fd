using Buurtzorg.Chaos.Faults;
using Buurtzorg.Chaos.Http;
using Buurtzorg.Chaos.Load;

namespace Buurtzorg.Chaos.Checks;

/// <summary>
/// A stretch of the run: the baseline before the first fault, then each fault from the moment
/// it was applied until the next one (its recovery and the settle time after it). Requests and
/// actions count in the window in which they ended, so one in flight when a fault hit counts
/// in that fault's window.
/// </summary>
public sealed record Window(string Name, double From, double To, FaultRecord? Fault)
{
    public bool Holds(double at) => at >= From && at < To;

    public static IReadOnlyList<Window> Of(double loadStarted, double loadEnded, IReadOnlyList<FaultRecord> faults)
    {
        var windows = new List<Window> { new("baseline", loadStarted, faults.Count > 0 ? faults[0].At : loadEnded, null) };
        for (var i = 0; i < faults.Count; i++)
        {
            windows.Add(new Window($"{i + 1}. {faults[i].Name}", faults[i].At, i + 1 < faults.Count ? faults[i + 1].At : loadEnded, faults[i]));
        }

        return windows;
    }
}

public sealed record WindowFigures(
    string Window,
    double From,
    double To,
    int Requests,
    IReadOnlyDictionary<string, int> Failures,
    int Actions,
    int FailedActions,
    double FailedPercent,
    double? ActionP99Seconds,
    double? ActionMaxSeconds,
    double? TryP99Seconds,
    double? TryMaxSeconds)
{
    public static WindowFigures Of(Window window, IReadOnlyList<Attempt> attempts, IReadOnlyList<ActionRecord> actions)
    {
        var answered = attempts.Where(a => window.Holds(a.EndedAt)).ToList();
        var ended = actions.Where(a => window.Holds(a.Ended)).ToList();
        var failed = ended.Count(a => a.End != ActionEnd.Acknowledged);
        var tries = answered.Where(a => a.Purpose == Purpose.Action).Select(a => a.LatencyMs / 1000).ToList();
        var latencies = ended.Select(a => a.LatencySeconds).ToList();
        return new WindowFigures(
            window.Name,
            Math.Round(window.From, 2),
            Math.Round(window.To, 2),
            answered.Count,
            answered.Where(a => a.Failed).GroupBy(FailureName).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            ended.Count,
            failed,
            ended.Count == 0 ? 0 : Math.Round(100.0 * failed / ended.Count, 2),
            Percentile(latencies, 0.99),
            latencies.Count == 0 ? null : Math.Round(latencies.Max(), 3),
            Percentile(tries, 0.99),
            tries.Count == 0 ? null : Math.Round(tries.Max(), 3));
    }

    /// <summary>500 and 503 apart, and a 503 with Retry-After apart from one without: the database goal tells them apart.</summary>
    public static string FailureName(Attempt attempt) => attempt switch
    {
        { Status: 503, RetryAfterSeconds: not null } => "503 with Retry-After",
        { Status: 503 } => "503 without Retry-After",
        { Status: { } status } => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => $"no answer ({attempt.Error})",
    };

    /// <summary>Nearest rank.</summary>
    private static double? Percentile(List<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        return Math.Round(values[Math.Clamp((int)Math.Ceiling(fraction * values.Count) - 1, 0, values.Count - 1)], 3);
    }
}

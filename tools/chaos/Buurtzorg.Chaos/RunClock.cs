using System.Diagnostics;

namespace Buurtzorg.Chaos;

/// <summary>One clock for the whole run: every attempt, fault and event is placed on it in seconds.</summary>
public static class RunClock
{
    private static readonly Stopwatch Watch = Stopwatch.StartNew();

    public static readonly DateTimeOffset StartedAt = DateTimeOffset.UtcNow;

    public static double Now => Watch.Elapsed.TotalSeconds;
}

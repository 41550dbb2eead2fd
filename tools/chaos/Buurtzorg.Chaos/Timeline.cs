using System.Collections.Concurrent;

namespace Buurtzorg.Chaos;

/// <summary>What happened when (hosts started, killed, restarted by themselves, faults), printed as it happens and kept for the report.</summary>
public static class Timeline
{
    private static readonly ConcurrentQueue<TimelineEntry> Entries = new();

    public static IReadOnlyList<TimelineEntry> All => [.. Entries];

    public static void Note(string what)
    {
        var entry = new TimelineEntry(Math.Round(RunClock.Now, 2), what);
        Entries.Enqueue(entry);
        Console.WriteLine($"[{entry.At,7:F1} s] {what}");
    }
}

public sealed record TimelineEntry(double At, string What);

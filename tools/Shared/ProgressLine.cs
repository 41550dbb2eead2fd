using System.Diagnostics;
using System.Globalization;

namespace Buurtzorg.Tools;

/// <summary>
/// Progress of a long run on stderr, so stdout stays what scripts read: "teams 120/850, 14%,
/// 1m12s elapsed, ~6m10s left". A line every couple of seconds or every 5 %, whichever comes
/// first, and the last one, never one per item: 850 teams would otherwise be 850 lines.
/// Safe to call from parallel workers.
/// </summary>
internal sealed class ProgressLine(string what, int total, TextWriter? output = null, TimeSpan? every = null) : IProgress<int>
{
    private readonly TextWriter _output = output ?? Console.Error;
    private readonly TimeSpan _every = every ?? TimeSpan.FromSeconds(2);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private TimeSpan? _lastAt;
    private int _lastPercent = -100;
    private int _done;

    /// <summary>One more item is done.</summary>
    public void Step()
    {
        // Under the lock, so two workers finishing together never print their counts backwards.
        lock (_lock)
        {
            Report(++_done);
        }
    }

    /// <summary><paramref name="value"/> items are done in all.</summary>
    public void Report(int value)
    {
        lock (_lock)
        {
            var elapsed = _clock.Elapsed;
            var percent = total == 0 ? 100 : (int)(100L * value / total);
            if (value < total && _lastAt is { } last && elapsed - last < _every && percent < _lastPercent + 5)
            {
                return;
            }

            (_lastAt, _lastPercent) = (elapsed, percent);
            var left = value == 0 || value >= total ? "" : $", ~{Duration(elapsed * ((double)(total - value) / value))} left";
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what} {value}/{total}, {percent}%, {Duration(elapsed)} elapsed{left}"));
        }
    }

    private static string Duration(TimeSpan span) => span.TotalMinutes >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m{span.Seconds:00}s")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:F0}s");
}

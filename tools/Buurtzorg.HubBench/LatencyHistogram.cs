using System.Diagnostics;

namespace Buurtzorg.HubBench;

/// <summary>
/// Latencies in microseconds, counted in log-linear buckets (64 per power of two, under 1%
/// error): millions of deliveries cost a fixed few kilobytes and no lock, where a list of every
/// sample would itself become load on the machine being measured. The maximum is kept exactly.
/// </summary>
public sealed class LatencyHistogram
{
    private const int Linear = 128;
    private const int PerPowerOfTwo = 64;
    private readonly long[] _counts = new long[Linear + (64 * PerPowerOfTwo)];
    private long _count;
    private long _max;

    public long Count => Interlocked.Read(ref _count);

    public double MaxMilliseconds => Interlocked.Read(ref _max) / 1000.0;

    public void RecordTicks(long stopwatchTicks) => RecordMicroseconds(Math.Max(0, stopwatchTicks) * 1_000_000 / Stopwatch.Frequency);

    public void RecordMicroseconds(long microseconds)
    {
        Interlocked.Increment(ref _counts[Index(microseconds)]);
        Interlocked.Increment(ref _count);
        var max = Interlocked.Read(ref _max);
        while (microseconds > max)
        {
            var seen = Interlocked.CompareExchange(ref _max, microseconds, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>The latency below which a fraction <paramref name="quantile"/> of the samples fall, in milliseconds; NaN without samples.</summary>
    public double Percentile(double quantile)
    {
        var count = Count;
        if (count == 0)
        {
            return double.NaN;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(quantile * count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return Math.Min(Middle(i), Interlocked.Read(ref _max)) / 1000.0;
            }
        }

        return MaxMilliseconds;
    }

    private static int Index(long value)
    {
        if (value < Linear)
        {
            return (int)value;
        }

        var shift = (int)(63 - long.LeadingZeroCount(value)) - 6;
        var top = value >> shift;
        return Linear + ((shift - 1) * PerPowerOfTwo) + (int)(top - PerPowerOfTwo);
    }

    private static double Middle(int index)
    {
        if (index < Linear)
        {
            return index;
        }

        var shift = ((index - Linear) / PerPowerOfTwo) + 1;
        var top = ((index - Linear) % PerPowerOfTwo) + PerPowerOfTwo;
        return (top << shift) + ((1L << shift) / 2.0);
    }
}

using System.Diagnostics;
using System.Globalization;

namespace Buurtzorg.HubBench;

/// <summary>
/// Where the machine stands during a run: this process's CPU and the whole machine's (other
/// processes compete for the same cores), and the longest queue of work the thread pool had
/// waiting (events and requests queued inside the process when the CPU cannot keep up).
/// </summary>
public sealed class MachineLoad
{
    public sealed record Figures(double ProcessCpu, double MachineCpu, long MaxThreadPoolQueue, double PeakWorkingSetMiB);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private readonly TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly (long Busy, long Total)? _machineAtStart = MachineTicks();
    private long _maxQueue;
    private long _peakWorkingSet;

    private MachineLoad() => _sampler = Sample();

    public static MachineLoad Start() => new();

    public Figures Stop()
    {
        _stop.Cancel();
        var elapsed = Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart).TotalSeconds;
        var machine = double.NaN;
        if (_machineAtStart is { } start && MachineTicks() is { } end && end.Total > start.Total)
        {
            machine = (double)(end.Busy - start.Busy) / (end.Total - start.Total);
        }

        return new Figures(cpu / elapsed / Environment.ProcessorCount, machine, Interlocked.Read(ref _maxQueue), Interlocked.Read(ref _peakWorkingSet) / 1048576.0);
    }

    private async Task Sample()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                _maxQueue = Math.Max(_maxQueue, ThreadPool.PendingWorkItemCount);
                _peakWorkingSet = Math.Max(_peakWorkingSet, Environment.WorkingSet);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The machine's busy and total CPU ticks from /proc/stat; null where there is none.</summary>
    private static (long Busy, long Total)? MachineTicks()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
            var total = fields.Take(8).Sum();
            return (total - idle, total);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

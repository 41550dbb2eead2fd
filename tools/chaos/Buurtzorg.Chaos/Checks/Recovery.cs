using Buurtzorg.Chaos.Http;

namespace Buurtzorg.Chaos.Checks;

/// <summary>How long a fault kept the cluster from serving; see <see cref="Definition"/>.</summary>
public sealed record Recovery(
    string Fault,
    int? Host,
    double At,
    double? FirstSuccessSeconds,
    double? AllHostsSeconds,
    double? AfterDatabaseSeconds,
    double? FaultedHostSeconds,
    IReadOnlyList<int> NotRecovered,
    string? Note)
{
    public const string Definition =
        "A request fails when it gets a 5xx or no answer (refused, reset, 10 s timeout; probes 5 s). All requests count: " +
        "actions' tries, reads and the probes that ask every host for the team twice a second. Within a fault's window " +
        "(from the fault to the next one; requests sent in it and answered before the next fault), a host has recovered at the end of its first 2xx sent after its last failed " +
        "request, or at the fault if it never failed. 'first 2xx' = fault -> end of the first 2xx of any request sent after " +
        "the fault. 'all hosts 2xx' = fault -> the last of the hosts to recover, leaving out the host the fault hit " +
        "(killed or stopped); that host is timed apart: from its restart (or SIGCONT) to the end of its first 2xx. " +
        "For database faults, 'after the database' = the database accepting connections again -> all hosts recovered.";

    public static Recovery Of(Window window, IReadOnlyList<Attempt> attempts, int hosts)
    {
        var fault = window.Fault!;
        // Sent after the fault and answered before the next one: a request the next fault cut off says nothing of this one.
        var sent = attempts.Where(a => window.Holds(a.At) && a.EndedAt < window.To).OrderBy(a => a.At).ToList();
        var live = Enumerable.Range(1, hosts).Where(h => h != fault.Host).ToList();
        var recoveredAt = new Dictionary<int, double?>();
        foreach (var host in live)
        {
            var onHost = sent.Where(a => a.Host == host).ToList();
            var lastFailure = onHost.LastOrDefault(a => a.Failed);
            recoveredAt[host] = lastFailure is null
                ? fault.At
                : onHost.FirstOrDefault(a => a.Succeeded && a.At > lastFailure.At)?.EndedAt;
        }

        var notRecovered = recoveredAt.Where(p => p.Value is null).Select(p => p.Key).ToList();
        var allAt = notRecovered.Count == 0 && recoveredAt.Count > 0 ? recoveredAt.Values.Max() : null;
        var first = sent.Where(a => a.Succeeded && live.Contains(a.Host)).Select(a => a.EndedAt).DefaultIfEmpty(double.NaN).Min();
        var faultedBackFrom = fault.CauseEndedAt;
        var faulted = fault.Host is { } h && faultedBackFrom is { } from
            ? sent.FirstOrDefault(a => a.Host == h && a.At >= from && a.Succeeded)?.EndedAt - from
            : null;
        return new Recovery(
            fault.Name,
            fault.Host,
            Math.Round(fault.At, 2),
            double.IsNaN(first) ? null : Round(first - fault.At),
            allAt is { } all ? Round(all - fault.At) : null,
            allAt is { } after && fault.DatabaseBackAt is { } back ? Round(Math.Max(0, after - back)) : null,
            faulted is { } f ? Round(f) : null,
            notRecovered,
            fault.Note);
    }

    private static double Round(double seconds) => Math.Round(seconds, 2);
}

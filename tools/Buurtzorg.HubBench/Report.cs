using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace Buurtzorg.HubBench;

/// <summary>One block of lines to paste into docs/benchmarks.md: figure, anchor, ratio, machine, command.</summary>
public static class Report
{
    public static string Block(BenchOptions o, StreamResult? host, StreamResult? anchor)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        var shape = o.OneTeam
            ? $"all {o.Connections:N0} connections watching one team"
            : $"{o.Connections:N0} connections in {o.Teams:N0} teams of about {o.GroupSize}";
        Line($"### Live stream: {shape}, {o.Rate:N0} changes/s ({DateTime.UtcNow:yyyy-MM-dd})");
        text.AppendLine();
        Line($"**Command:** `{o.Command}`");
        Line($"**Load:** {shape}, each a real SignalR connection over its own WebSocket watching its team (WatchTeam); claims and releases over HTTP at a fixed {o.Rate:N0}/s spread round robin over the teams for {o.Seconds:N0} s after {o.Warmup:N0} s of warm-up; {o.CatchUpPerTeam} page a team also reads `schedule/changes?since=` after each event, as nurse.js does. One signed-in nurse per team; {o.ClientsPerTeam} clients a team with one visit a day each.");
        Line($"**Host:** the real host in the bench's process, {(o.Postgres is null ? "embedded SQLite in a temporary folder" : "PostgreSQL")}. **Anchor:** a bare ASP.NET Core SignalR hub in the same process after the host stopped (no Orleans, no database, no sign-in), same connections, groups, message and rate.");
        Line($"**Machine:** {Machine()}");
        text.AppendLine();
        text.AppendLine("| | host | bare hub (anchor) | host / anchor |");
        text.AppendLine("|---|---|---|---|");
        Row(text, "HTTP answer of a change → its event on every watcher, p50 / p99 / max ms", host?.Event, anchor?.Event);
        Row(text, "HTTP request of a change sent → its event on every watcher (the answer can lag the event), p50 / p99 / max ms", host?.EventFromRequest, anchor?.EventFromRequest);
        Row(text, "HTTP answer of a change → the page's catch-up read that covers it done, p50 / p99 / max ms", host?.CatchUp, anchor?.CatchUp);
        Row(text, "catch-up read itself, p50 / p99 / max ms", host?.CatchUpRead, anchor?.CatchUpRead);
        Row(text, "change HTTP request → answer, p50 / p99 / max ms", host?.Change, anchor?.Change);
        Line($"| deliveries/s (offered {o.Rate * o.Connections / o.Teams:N0}) | {Rate(host)} | {Rate(anchor)} | **{Ratio(host?.DeliveriesPerSecond, anchor?.DeliveriesPerSecond)}** |");
        Line($"| events lost: watcher-versions never heard / versions no watcher heard (of versions made) | {Lost(host)} | {Lost(anchor)} | |");
        Line($"| changes timed / skipped (all visits busy) / failed / no new version | {Changes(host)} | {Changes(anchor)} | |");
        Line($"| CPU: process / whole machine; max thread-pool queue; peak working set | {Load(host)} | {Load(anchor)} | |");
        Line($"| events heard before their change's HTTP answer was read (timed as 0 ms) | {Early(host)} | {Early(anchor)} | |");
        Line($"| last event heard after the last change was answered; connections dropped | {Drain(host)} | {Drain(anchor)} | |");
        text.AppendLine();
        foreach (var (name, result) in new[] { ("host", host), ("anchor", anchor) })
        {
            if (result is { ErrorKinds.Length: > 0 })
            {
                Line($"Errors ({name}): {result.ErrorKinds}.");
            }

            if (result is { LostSample.Length: > 0 })
            {
                Line($"Lost ({name}), first few: {result.LostSample}.");
            }
        }

        if (host is not null)
        {
            Line($"Goals: p99 change → event ≤ 50 ms: {(host.Event.Percentile(0.99) <= 50 ? "met" : "not met")} ({host.Event.Percentile(0.99):F1} ms); deliveries ≥ 0.7 of the anchor: {Met(host.DeliveriesPerSecond / anchor?.DeliveriesPerSecond >= 0.7, anchor is not null)}; 0 events lost: {(host.LostDeliveries == 0 ? "met" : "not met")}.");
            Line($"Saturation: {Saturation(host)}");
        }

        return text.ToString();
    }

    private static string Met(bool met, bool known) => !known ? "no anchor run" : met ? "met" : "not met";

    private static void Row(StringBuilder text, string name, LatencyHistogram? host, LatencyHistogram? anchor) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Latency(host)} | {Latency(anchor)} | {Ratio(host?.Percentile(0.99), anchor?.Percentile(0.99))} (p99) |");

    private static string Latency(LatencyHistogram? h) => h is null ? "–" : h.Count == 0 ? "no samples" :
        string.Create(CultureInfo.InvariantCulture, $"{h.Percentile(0.5):F1} / {h.Percentile(0.99):F1} / {h.MaxMilliseconds:F1} (n={h.Count:N0})");

    private static string Ratio(double? a, double? b) => a is { } x && b is { } y && y > 0 && !double.IsNaN(x) && !double.IsNaN(y) ? string.Create(CultureInfo.InvariantCulture, $"{x / y:F2}") : "–";

    private static string Rate(StreamResult? r) => r is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{r.DeliveriesPerSecond:N0} ({r.Deliveries:N0} in all)");

    private static string Lost(StreamResult? r) => r is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{r.LostDeliveries:N0} / {r.VersionsNoneSaw:N0} (of {r.VersionsProduced:N0})");

    private static string Changes(StreamResult? r) => r is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{r.ChangesTimed:N0} / {r.ChangesSkipped:N0} / {r.ChangeErrors:N0} / {r.ChangesWithoutNewVersion:N0}");

    private static string Early(StreamResult? r) => r is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{r.EventsBeforeAnswer:N0}");

    private static string Load(StreamResult? r) => r is null ? "–" : string.Create(CultureInfo.InvariantCulture,
        $"{r.Machine.ProcessCpu:P0} / {r.Machine.MachineCpu:P0}; {r.Machine.MaxThreadPoolQueue:N0}; {r.Machine.PeakWorkingSetMiB:N0} MiB");

    private static string Drain(StreamResult? r) => r is null ? "–" : string.Create(CultureInfo.InvariantCulture,
        $"{r.DrainSeconds:F2} s; {r.Disconnects}");

    /// <summary>Where the run says the machine gave out first, in the order the signs appear.</summary>
    private static string Saturation(StreamResult r)
    {
        var signs = new List<string>();
        if (r.Machine.MachineCpu >= 0.9)
        {
            signs.Add(string.Create(CultureInfo.InvariantCulture, $"the CPU (machine {r.Machine.MachineCpu:P0} busy, this process {r.Machine.ProcessCpu:P0})"));
        }

        if (r.Machine.MaxThreadPoolQueue > 1000)
        {
            signs.Add(string.Create(CultureInfo.InvariantCulture, $"work queued in the thread pool (up to {r.Machine.MaxThreadPoolQueue:N0} items)"));
        }

        if (r.ChangesSkipped > 0)
        {
            signs.Add(string.Create(CultureInfo.InvariantCulture, $"the changes themselves ({r.ChangesSkipped:N0} skipped: every visit of a team still had a change in flight)"));
        }

        if (r.DrainSeconds > 1)
        {
            signs.Add(string.Create(CultureInfo.InvariantCulture, $"events queued in the host (the last one heard {r.DrainSeconds:F1} s after the last change was answered)"));
        }

        return signs.Count == 0 ? "none seen (machine CPU below 90 %, no queue, every change offered, the last event within 1 s of the last answer)." : string.Join("; ", signs) + ".";
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : null;
        var gib = memory is null ? "?" : (long.Parse(memory, CultureInfo.InvariantCulture) / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {gib} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, Release, {(GCSettings.IsServerGC ? "server" : "workstation")} GC; the bench's connections run in the same process as the server they measure, on the same cores.");
    }
}

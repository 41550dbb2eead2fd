using System.Globalization;

namespace Buurtzorg.Chaos.Checks;

public static class ReportPrinter
{
    public static void Print(ChaosReport report, TextWriter output)
    {
        var t = report.Totals;
        output.WriteLine();
        output.WriteLine($"==== Buurtzorg chaos run ({report.Mode}): {report.Hosts} hosts, {report.Seconds:F0} s, seed {report.Seed}");
        output.WriteLine($"requests: {t.Requests} (action tries {t.ActionTries}, reads {t.Reads}, probes {t.Probes})");
        output.WriteLine($"actions: {t.Actions}; acknowledged {t.Acknowledged}, refused {t.Refused}, no answer {t.Unanswered}");
        output.WriteLine($"lost acknowledged: {t.LostAcknowledged}   applied twice: {t.AppliedTwice}   indeterminate: {t.IndeterminateApplied} applied, {t.IndeterminateNotApplied} not applied   refused but applied: {t.RefusedButApplied}");

        output.WriteLine();
        Table(output, ["kind", "actions", "acked", "refused", "no answer", "lost acked", "applied twice", "indet. applied", "indet. not", "refused but applied"],
            report.ByKind.Select(p => new[] { p.Key, N(p.Value.Actions), N(p.Value.Acknowledged), N(p.Value.Refused), N(p.Value.Unanswered), N(p.Value.LostAcknowledged), N(p.Value.AppliedTwice), N(p.Value.IndeterminateApplied), N(p.Value.IndeterminateNotApplied), N(p.Value.RefusedButApplied) }));

        output.WriteLine();
        Table(output, ["window", "from s", "to s", "requests", "actions", "failed", "action p99/max s", "try p99/max s", "failed requests"],
            report.Windows.Select(w => new[]
            {
                w.Window, F(w.From), F(w.To), N(w.Requests), N(w.Actions), $"{w.FailedActions} ({w.FailedPercent:F2} %)",
                $"{F(w.ActionP99Seconds)}/{F(w.ActionMaxSeconds)}", $"{F(w.TryP99Seconds)}/{F(w.TryMaxSeconds)}",
                w.Failures.Count == 0 ? "-" : string.Join(", ", w.Failures.Select(f => $"{f.Key}: {f.Value}")),
            }));

        output.WriteLine();
        Table(output, ["fault", "host", "at s", "first 2xx s", "all hosts 2xx s", "after database s", "faulted host back s", "not recovered"],
            report.Recoveries.Select(r => new[]
            {
                r.Fault, r.Host?.ToString(CultureInfo.InvariantCulture) ?? "-", F(r.At), F(r.FirstSuccessSeconds), F(r.AllHostsSeconds),
                F(r.AfterDatabaseSeconds), F(r.FaultedHostSeconds), r.NotRecovered.Count == 0 ? "-" : string.Join(",", r.NotRecovered),
            }));
        foreach (var note in report.Recoveries.Where(r => r.Note is not null))
        {
            output.WriteLine($"  {note.Fault} at {note.At:F1} s: {note.Note}");
        }

        output.WriteLine();
        Table(output, ["host", "watcher", "converged", "reconnects", "events", "difference"],
            report.Watchers.Select(w => new[] { N(w.Host), w.Kind, w.Converged ? "yes" : "NO", N(w.Reconnects), N(w.Events), w.Difference ?? "-" }));

        output.WriteLine();
        output.WriteLine("goals (reported, not failing the run):");
        foreach (var goal in report.Goals)
        {
            output.WriteLine($"  {(goal.Passed ? "PASS" : "FAIL")}  {goal.Window}: {goal.What} {goal.Measured} (goal {goal.Limit})");
        }

        if (report.Problems.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"actions to look at ({report.Problems.Count}; their tries are in the history by key):");
            foreach (var p in report.Problems.Take(20))
            {
                output.WriteLine($"  {p.Kind} {p.Method} {p.Path} key {p.Key}: {p.End} ({p.Status?.ToString(CultureInfo.InvariantCulture) ?? "no status"}) after {p.Attempts} tries, {p.Effect}");
            }
        }

        output.WriteLine();
        output.WriteLine("definitions:");
        foreach (var (name, text) in report.Definitions)
        {
            output.WriteLine($"  {name}: {text}");
        }

        output.WriteLine();
        output.WriteLine(report.CorrectnessPassed
            ? "CORRECTNESS PASS: nothing acknowledged was lost, nothing took effect twice, every watcher converged"
            : $"CORRECTNESS FAIL: {string.Join("; ", report.CorrectnessFailures)}");
    }

    private static void Table(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
        foreach (var row in all)
        {
            output.WriteLine("  " + string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double? value) => value?.ToString("F2", CultureInfo.InvariantCulture) ?? "-";
}

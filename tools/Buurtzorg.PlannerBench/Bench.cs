using System.Diagnostics;
using System.Globalization;
using Buurtzorg.Planning;
using Buurtzorg.Planning.Benchmarks;
using Buurtzorg.Planning.Checking;
using Buurtzorg.Tools;

namespace Buurtzorg.PlannerBench;

/// <summary>How one solver did on one instance: the checker's verdict, or why there is none.</summary>
internal sealed record Outcome(PlanCheck? Check, string? Note, double Seconds)
{
    public bool Failed => Check is { Feasible: false } || (Note is not null && Note != Bench.NotImplemented);
}

/// <summary>What the totals line adds up for one solver over one family.</summary>
internal sealed class Totals
{
    public int ExtraVehicles { get; set; }

    public List<double> Gaps { get; } = [];

    public int Compared { get; set; }

    public int Failures { get; set; }

    public int Incomplete { get; set; }
}

internal static class Bench
{
    public const string NotImplemented = "not implemented";
    private const string None = "–";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly Dictionary<string, object> BestKnownCache = new(StringComparer.Ordinal);

    public static int Run(BenchOptions options)
    {
        var files = options.Files.Count > 0 ? options.Files.Select(Path.GetFullPath).ToList() : DefaultFiles();
        var solomon = new List<string>();
        var mankowska = new List<string>();
        foreach (var file in files)
        {
            switch (KindOf(file))
            {
                case "solomon":
                    solomon.Add(file);
                    break;
                case "mankowska":
                    mankowska.Add(file);
                    break;
                default:
                    throw new ArgumentException($"{file} is neither a Solomon nor a Mankowska instance");
            }
        }

        var failures = new List<string>();
        Console.WriteLine($"Planner bench, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores; every plan verified by PlanChecker.");
        Console.WriteLine();
        var totalFailures = 0;
        if ((options.Only is null or "solomon") && solomon.Count > 0)
        {
            totalFailures += RunSolomon(solomon, TimeSpan.FromSeconds(options.SolomonSeconds), options.Baseline, failures);
        }

        if ((options.Only is null or "mankowska") && mankowska.Count > 0)
        {
            totalFailures += RunMankowska(mankowska, TimeSpan.FromSeconds(options.MankowskaSeconds), failures);
        }

        if (failures.Count > 0)
        {
            Console.WriteLine("### Failures");
            Console.WriteLine();
            failures.ForEach(line => Console.WriteLine(line));
            Console.WriteLine();
        }

        return totalFailures > 0 ? 1 : 0;
    }

    private static int RunSolomon(List<string> files, TimeSpan limit, bool baseline, List<string> failures)
    {
        var header = new List<string> { "Instance", "Vehicles", "Distance", "BK vehicles", "BK distance", "Vehicle gap", "Distance gap %", "Seconds" };
        if (baseline)
        {
            header.AddRange(["Plain OR-Tools vehicles", "Plain distance", "Plain vehicle gap", "Plain distance gap %", "Plain seconds"]);
        }

        var planner = new Totals();
        var plain = new Totals();
        var rows = new List<string[]>();
        var progress = new ProgressLine("Solomon instances", files.Count);
        foreach (var file in files.OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal))
        {
            progress.Report(rows.Count);
            var instance = SolomonInstance.Read(file);
            var problem = instance.ToProblem();
            var best = BestKnownFor(file, "best_known.csv", BestKnown.ReadSolomon).GetValueOrDefault(instance.Name);
            Console.Error.WriteLine($"{instance.Name}: round planner, {limit.TotalSeconds:0.#} s");
            var row = new List<string> { instance.Name };
            row.AddRange(SolomonCells(instance.Name, "planner", RunPlanner(problem, limit), best, planner, failures));
            row.InsertRange(3, [best is null ? None : best.Vehicles.ToString(Invariant), best is null ? None : best.Distance.ToString("F2", Invariant)]);
            if (baseline)
            {
                Console.Error.WriteLine($"{instance.Name}: plain OR-Tools, {limit.TotalSeconds:0.#} s");
                var outcome = Measure(problem, () => PlainOrTools.Solve(problem, limit));
                row.AddRange(SolomonCells(instance.Name, "plain OR-Tools", outcome, best, plain, failures));
            }

            rows.Add([.. row]);
        }

        progress.Report(rows.Count);

        Console.WriteLine($"### Solomon VRPTW ({limit.TotalSeconds:0.#} s per run)");
        Console.WriteLine();
        PrintTable(header, rows);
        Console.WriteLine();
        Console.WriteLine($"- Round planner: {SolomonTotals(planner)}");
        if (baseline)
        {
            Console.WriteLine($"- Plain OR-Tools: {SolomonTotals(plain)}");
        }

        Console.WriteLine();
        return planner.Failures + plain.Failures;
    }

    /// <summary>Vehicles, distance, vehicle gap, distance gap, seconds; the best-known columns are the caller's.</summary>
    private static string[] SolomonCells(string name, string solver, Outcome outcome, SolomonBestKnown? best, Totals totals, List<string> failures)
    {
        var seconds = outcome.Seconds.ToString("F1", Invariant);
        if (outcome.Check is not { } check)
        {
            if (outcome.Failed)
            {
                totals.Failures++;
                failures.Add($"- {name}, {solver}: {outcome.Note}");
            }

            return [outcome.Note ?? None, None, None, None, seconds];
        }

        var mark = "";
        if (!check.Feasible)
        {
            totals.Failures++;
            mark = " ✗";
            failures.AddRange(Describe(name, solver, check));
        }

        var vehicles = check.NursesUsed.ToString(Invariant);
        var distance = check.Travel.ToString("F2", Invariant) + mark;
        if (check.UnplacedTasks > 0)
        {
            totals.Incomplete++;
            return [$"{vehicles} ({check.UnplacedTasks} unplaced)", distance, None, None, seconds];
        }

        if (best is null || !check.Feasible)
        {
            return [vehicles, distance, None, None, seconds];
        }

        var extra = check.NursesUsed - best.Vehicles;
        totals.Compared++;
        totals.ExtraVehicles += extra;
        var gap = None;
        if (extra == 0)
        {
            var percent = (check.Travel - best.Distance) / best.Distance * 100;
            totals.Gaps.Add(percent);
            gap = percent.ToString("+0.00;-0.00;0.00", Invariant);
        }

        return [vehicles, distance, extra.ToString("+0;-0;0", Invariant), gap, seconds];
    }

    private static string SolomonTotals(Totals totals)
    {
        var meanGap = totals.Gaps.Count > 0 ? totals.Gaps.Average().ToString("+0.00;-0.00;0.00", Invariant) + " %" : None;
        var text = $"{totals.ExtraVehicles:+0;-0;0} vehicles in total over best-known on {totals.Compared} instance(s); mean distance gap {meanGap} where the vehicle count matches ({totals.Gaps.Count} instance(s))";
        if (totals.Incomplete > 0)
        {
            text += $"; {totals.Incomplete} left customers unplaced";
        }

        if (totals.Failures > 0)
        {
            text += $"; {totals.Failures} failed";
        }

        return text;
    }

    private static int RunMankowska(List<string> files, TimeSpan limit, List<string> failures)
    {
        var totals = new Totals();
        var rows = new List<string[]>();
        var progress = new ProgressLine("Mankowska instances", files.Count);
        foreach (var file in files.OrderBy(f => MankowskaInstance.Read(f).NodeCount))
        {
            progress.Report(rows.Count);
            var instance = MankowskaInstance.Read(file);
            var problem = instance.ToProblem();
            var best = BestKnownFor(file, "brkga_best.csv", BestKnown.ReadMankowska).GetValueOrDefault(instance.Name);
            Console.Error.WriteLine($"{instance.Name}: round planner, {limit.TotalSeconds:0.#} s");
            var outcome = RunPlanner(problem, limit);
            var seconds = outcome.Seconds.ToString("F1", Invariant);
            var bestCell = best is null ? None : best.BestCost.ToString("F2", Invariant);
            if (outcome.Check is not { } check)
            {
                if (outcome.Failed)
                {
                    totals.Failures++;
                    failures.Add($"- {instance.Name}, planner: {outcome.Note}");
                }

                rows.Add([instance.Name, outcome.Note ?? None, bestCell, None, None, seconds]);
                continue;
            }

            var mark = "";
            if (!check.Feasible)
            {
                totals.Failures++;
                mark = " ✗";
                failures.AddRange(Describe(instance.Name, "planner", check));
            }

            var objective = MankowskaInstance.PaperObjective(check);
            var gap = None;
            if (best is not null && check.Feasible && check.UnplacedTasks == 0)
            {
                var percent = (objective - best.BestCost) / best.BestCost * 100;
                totals.Gaps.Add(percent);
                gap = percent.ToString("+0.00;-0.00;0.00", Invariant);
            }
            else if (check.UnplacedTasks > 0)
            {
                totals.Incomplete++;
            }

            rows.Add([instance.Name, objective.ToString("F2", Invariant) + mark, bestCell, gap, $"{check.PlacedTasks}/{check.UnplacedTasks}", seconds]);
        }

        progress.Report(rows.Count);

        Console.WriteLine($"### Mankowska et al. 2014 HHCRSP ({limit.TotalSeconds:0.#} s per run; objective = (distance + tardiness + max tardiness) / 3)");
        Console.WriteLine();
        PrintTable(["Instance", "Paper objective", "BRKGA best", "Gap %", "Placed/unplaced", "Seconds"], rows);
        Console.WriteLine();
        var meanGap = totals.Gaps.Count > 0 ? totals.Gaps.Average().ToString("+0.00;-0.00;0.00", Invariant) + " %" : None;
        var line = $"- Round planner: mean gap to the BRKGA's best {meanGap} over {totals.Gaps.Count} instance(s)";
        if (totals.Incomplete > 0)
        {
            line += $"; {totals.Incomplete} left tasks unplaced (not compared)";
        }

        if (totals.Failures > 0)
        {
            line += $"; {totals.Failures} failed";
        }

        Console.WriteLine(line);
        Console.WriteLine();
        return totals.Failures;
    }

    private static Outcome RunPlanner(PlanningProblem problem, TimeSpan limit) =>
        Measure(problem, () => RoundPlanner.Plan(problem, new PlanningOptions(limit)));

    private static Outcome Measure(PlanningProblem problem, Func<PlanningResult> solve)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var result = solve();
            var seconds = clock.Elapsed.TotalSeconds;
            return new Outcome(PlanChecker.Check(problem, result), null, seconds);
        }
        catch (NotImplementedException)
        {
            return new Outcome(null, NotImplemented, clock.Elapsed.TotalSeconds);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One instance failing must not hide the others' results.
            return new Outcome(null, $"error: {e.GetType().Name}: {e.Message}", clock.Elapsed.TotalSeconds);
        }
    }

    private static IEnumerable<string> Describe(string name, string solver, PlanCheck check)
    {
        const int Shown = 20;
        yield return $"- {name}, {solver}: {check.Violations.Count} violation(s)";
        foreach (var violation in check.Violations.Take(Shown))
        {
            yield return $"  - {violation}";
        }

        if (check.Violations.Count > Shown)
        {
            yield return $"  - … and {check.Violations.Count - Shown} more";
        }
    }

    private static IReadOnlyDictionary<string, T> BestKnownFor<T>(string instanceFile, string csvName, Func<string, IReadOnlyDictionary<string, T>> read)
    {
        var csv = Path.Combine(Path.GetDirectoryName(instanceFile) ?? ".", csvName);
        if (!BestKnownCache.TryGetValue(csv, out var table))
        {
            BestKnownCache[csv] = table = File.Exists(csv) ? read(csv) : new Dictionary<string, T>();
        }

        return (IReadOnlyDictionary<string, T>)table;
    }

    private static string? KindOf(string file)
    {
        if (!File.Exists(file))
        {
            throw new ArgumentException($"no such file: {file}");
        }

        var lines = File.ReadLines(file).Select(l => l.Trim()).Where(l => l.Length > 0).Take(10).ToList();
        if (lines.FirstOrDefault() == "nbNodes")
        {
            return "mankowska";
        }

        return lines.Any(l => l.StartsWith("VEHICLE", StringComparison.OrdinalIgnoreCase)) ? "solomon" : null;
    }

    private static List<string> DefaultFiles()
    {
        var root = RepositoryRoot() ?? throw new ArgumentException("no instance files given and no Buurtzorg.sln found above this program or the current folder");
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
        var directory = Directory.Exists(shared) ? shared : Path.Combine(root, "tests", "Buurtzorg.Planning.Tests", "Data");
        Console.Error.WriteLine($"instances from {directory}");
        return Directory.EnumerateFiles(directory, "*.txt", SearchOption.AllDirectories)
            .Where(f => KindOf(f) is not null)
            .ToList();
    }

    private static string? RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Buurtzorg.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    private static void PrintTable(IReadOnlyList<string> header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        string Line(IReadOnlyList<string> cells) => "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";
        Console.WriteLine(Line(header));
        Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        rows.ForEach(r => Console.WriteLine(Line(r)));
    }
}

using System.Globalization;
using Buurtzorg.Planning.Checking;

namespace Buurtzorg.Planning.Benchmarks;

/// <summary>
/// A home health care routing and scheduling instance of Mankowska, Meisel &amp; Bierwirth (2014).
/// Nodes are numbered from 0: node 0 is the start depot, node <see cref="NodeCount"/> - 1 the end
/// depot, the ones between are patients. Services and staff are numbered from 0 too.
/// </summary>
/// <param name="Name">The file name without its extension.</param>
/// <param name="NodeCount">Start depot, patients and end depot.</param>
/// <param name="StaffCount">Staff members.</param>
/// <param name="ServiceCount">Service types.</param>
/// <param name="Requires">[node][service]: whether the node needs that service.</param>
/// <param name="DoubleServiceNodes">The patients needing two services by two staff members, as node numbers from 0 (the file counts them from 1).</param>
/// <param name="Qualified">[staff][service]: whether the staff member may give that service.</param>
/// <param name="Distances">[from][to] travel time, which is also the distance the paper's objective counts.</param>
/// <param name="ProcessingTimes">[node][staff][service]: how long that staff member takes for that service there.</param>
/// <param name="MinDelay">Per node: the least time between the starts of its two services.</param>
/// <param name="MaxDelay">Per node: the most time between the starts of its two services.</param>
/// <param name="Earliest">Per node: the earliest start.</param>
/// <param name="Latest">Per node: the latest start before tardiness counts.</param>
public sealed record MankowskaInstance(
    string Name,
    int NodeCount,
    int StaffCount,
    int ServiceCount,
    IReadOnlyList<IReadOnlyList<bool>> Requires,
    IReadOnlyList<int> DoubleServiceNodes,
    IReadOnlyList<IReadOnlyList<bool>> Qualified,
    IReadOnlyList<IReadOnlyList<double>> Distances,
    IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>> ProcessingTimes,
    IReadOnlyList<double> MinDelay,
    IReadOnlyList<double> MaxDelay,
    IReadOnlyList<double> Earliest,
    IReadOnlyList<double> Latest)
{
    /// <summary>The paper has no end of the working day; this is late enough never to bind.</summary>
    public const double ShiftEnd = 1e6;

    public int PatientCount => NodeCount - 2;

    public int EndDepot => NodeCount - 1;

    public static MankowskaInstance Read(string path)
    {
        var sections = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        List<double>? current = null;
        var currentKey = "";
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (char.IsLetter(line[0]))
            {
                if (sections.ContainsKey(line))
                {
                    throw new FormatException($"{path}: section {line} appears twice");
                }

                sections[line] = current = [];
                currentKey = line;
                continue;
            }

            if (current is null)
            {
                throw new FormatException($"{path}: numbers before the first section: '{line}'");
            }

            foreach (var token in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                current.Add(double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw new FormatException($"{path}: '{token}' in section {currentKey} is not a number"));
            }
        }

        List<double> Section(string key, int expected)
        {
            if (!sections.TryGetValue(key, out var values))
            {
                throw new FormatException($"{path}: no section {key}");
            }

            if (expected >= 0 && values.Count != expected)
            {
                throw new FormatException($"{path}: section {key} has {values.Count} values, expected {expected}");
            }

            return values;
        }

        var nodes = (int)Section("nbNodes", 1)[0];
        var staff = (int)Section("nbVehi", 1)[0];
        var services = (int)Section("nbServi", 1)[0];
        if (nodes < 3 || staff < 1 || services < 1)
        {
            throw new FormatException($"{path}: {nodes} nodes, {staff} staff, {services} services is not an instance");
        }

        var requires = Rows(Section("r", nodes * services), services, v => v != 0);
        var qualified = Rows(Section("a", staff * services), services, v => v != 0);
        var distances = Rows(Section("d", nodes * nodes), nodes, v => v);
        var p = Section("p", nodes * staff * services);
        var processing = Enumerable.Range(0, nodes)
            .Select(node => (IReadOnlyList<IReadOnlyList<double>>)Enumerable.Range(0, staff)
                .Select(k => (IReadOnlyList<double>)p.GetRange(((node * staff) + k) * services, services).ToArray())
                .ToArray())
            .ToArray();

        var doubleNodes = new List<int>();
        foreach (var oneBased in Section("DS", -1))
        {
            var node = (int)oneBased - 1;
            if (node < 1 || node > nodes - 2)
            {
                throw new FormatException($"{path}: DS names node {oneBased} (counted from 1), which is not a patient");
            }

            var needed = requires[node].Count(r => r);
            if (needed != 2)
            {
                throw new FormatException($"{path}: double-service node {oneBased} (counted from 1) needs {needed} services, not 2");
            }

            doubleNodes.Add(node);
        }

        return new MankowskaInstance(
            Path.GetFileNameWithoutExtension(path),
            nodes,
            staff,
            services,
            requires,
            doubleNodes,
            qualified,
            distances,
            processing,
            Section("mind", nodes).ToArray(),
            Section("maxd", nodes).ToArray(),
            Section("e", nodes).ToArray(),
            Section("l", nodes).ToArray());
    }

    /// <summary>
    /// One task per (patient, required service); a double service's two tasks linked, the lower
    /// service first. Windows are soft: the paper charges tardiness rather than forbidding it, and
    /// with travel, total and largest lateness weighed 1 each the weighted cost ranks plans as the
    /// paper's objective does.
    /// </summary>
    public PlanningProblem ToProblem()
    {
        var staffIds = Enumerable.Range(0, StaffCount).Select(k => $"n{k}").ToArray();
        var tasks = new List<PlanTask>();
        var links = new List<TaskLink>();
        var doubles = DoubleServiceNodes.ToHashSet();
        for (var node = 1; node <= PatientCount; node++)
        {
            var client = node.ToString(CultureInfo.InvariantCulture);
            var nodeTasks = new List<string>();
            for (var s = 0; s < ServiceCount; s++)
            {
                if (!Requires[node][s])
                {
                    continue;
                }

                var byStaff = new Dictionary<string, double>(StringComparer.Ordinal);
                var shortest = double.PositiveInfinity;
                for (var k = 0; k < StaffCount; k++)
                {
                    var minutes = ProcessingTimes[node][k][s];
                    byStaff[staffIds[k]] = minutes;
                    if (Qualified[k][s])
                    {
                        shortest = Math.Min(shortest, minutes);
                    }
                }

                // Nobody qualified: the planner will leave the task unplaced, the duration is moot.
                var duration = double.IsPositiveInfinity(shortest) ? byStaff.Values.Min() : shortest;
                var id = $"{node}-{s}";
                tasks.Add(new PlanTask(id, client, node, Earliest[node], Latest[node], duration, $"s{s}", DurationByNurse: byStaff));
                nodeTasks.Add(id);
            }

            if (doubles.Contains(node))
            {
                links.Add(new TaskLink(nodeTasks[0], nodeTasks[1], MinDelay[node], MaxDelay[node]));
            }
        }

        var nurses = Enumerable.Range(0, StaffCount)
            .Select(k => new PlanNurse(
                staffIds[k],
                0,
                EndDepot,
                Earliest[0],
                ShiftEnd,
                Enumerable.Range(0, ServiceCount).Where(s => Qualified[k][s]).Select(s => $"s{s}").ToHashSet()))
            .ToList();

        var matrix = new double[NodeCount, NodeCount];
        for (var from = 0; from < NodeCount; from++)
        {
            for (var to = 0; to < NodeCount; to++)
            {
                matrix[from, to] = Distances[from][to];
            }
        }

        var weights = new PlanningWeights(Travel: 1, Lateness: 1, MaxLateness: 1, Continuity: 0, Fairness: 0, PerNurseUsed: 0, HardWindows: false);
        return new PlanningProblem(tasks, nurses, new MatrixTravelTimes(matrix), links, weights);
    }

    /// <summary>The paper's objective, (distance + total tardiness + largest tardiness) / 3, from the checker's own figures.</summary>
    public static double PaperObjective(PlanCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return (check.Travel + check.Lateness + check.MaxLateness) / 3;
    }

    private static IReadOnlyList<IReadOnlyList<T>> Rows<T>(List<double> values, int width, Func<double, T> convert) =>
        values.Chunk(width).Select(row => (IReadOnlyList<T>)row.Select(convert).ToArray()).ToArray();
}

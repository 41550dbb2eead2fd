using System.Globalization;

namespace Buurtzorg.Planning.Benchmarks;

/// <summary>A Solomon instance's best-known solution: fewest vehicles first, then shortest distance.</summary>
public sealed record SolomonBestKnown(string Instance, int Vehicles, double Distance);

/// <summary>
/// The BRKGA's results on a Mankowska instance over its runs, with the instance's size as that
/// source counts it. Costs are the paper's objective, (distance + tardiness + largest tardiness) / 3.
/// </summary>
/// <param name="Instance">The instance's file name without its extension.</param>
/// <param name="Patients">Patients in the instance.</param>
/// <param name="Staff">Staff members.</param>
/// <param name="ServiceTypes">Service types.</param>
/// <param name="DoubleServicePatients">Patients needing a double service.</param>
/// <param name="Runs">Runs the best and mean are over.</param>
/// <param name="BestCost">The best run's objective.</param>
/// <param name="BestDistance">The best run's travel distance.</param>
/// <param name="BestTardiness">The best run's total tardiness.</param>
/// <param name="BestMaxTardiness">The best run's largest tardiness.</param>
/// <param name="MeanCost">The mean objective over the runs.</param>
public sealed record MankowskaBestKnown(
    string Instance,
    int Patients,
    int Staff,
    int ServiceTypes,
    int DoubleServicePatients,
    int Runs,
    double BestCost,
    double BestDistance,
    double BestTardiness,
    double BestMaxTardiness,
    double MeanCost);

/// <summary>
/// Reads the reference results that sit beside the benchmark instances. Both are keyed by
/// instance name without a file extension, case-insensitively, to match
/// <see cref="SolomonInstance.Name"/> and <see cref="MankowskaInstance.Name"/>.
/// </summary>
public static class BestKnown
{
    public static IReadOnlyDictionary<string, SolomonBestKnown> ReadSolomon(string path) =>
        ReadCsv(path, row => new SolomonBestKnown(
            row.Name("instance"),
            row.Int("bks_vehicles"),
            row.Double("bks_distance")));

    public static IReadOnlyDictionary<string, MankowskaBestKnown> ReadMankowska(string path) =>
        ReadCsv(path, row => new MankowskaBestKnown(
            row.Name("instance"),
            row.Int("patients"),
            row.Int("staff"),
            row.Int("service_types"),
            row.Int("double_service_patients"),
            row.Int("runs"),
            row.Double("best_cost"),
            row.Double("best_dist"),
            row.Double("best_tard"),
            row.Double("best_tmax"),
            row.Double("mean_cost")));

    private static Dictionary<string, T> ReadCsv<T>(string path, Func<Row, T> read)
    {
        var lines = File.ReadAllLines(path).Where(line => line.Trim().Length > 0).ToList();
        if (lines.Count == 0)
        {
            throw new FormatException($"{path}: no header");
        }

        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        var result = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var row = new Row(path, header, line.Split(',').Select(v => v.Trim()).ToArray());
            if (!result.TryAdd(row.Name("instance"), read(row)))
            {
                throw new FormatException($"{path}: instance {row.Name("instance")} appears twice");
            }
        }

        return result;
    }

    private sealed class Row(string path, string[] header, string[] values)
    {
        public string Name(string column) => Path.GetFileNameWithoutExtension(Text(column));

        public int Int(string column) => int.TryParse(Text(column), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{path}: {column} '{Text(column)}' is not a whole number");

        public double Double(string column) => double.TryParse(Text(column), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{path}: {column} '{Text(column)}' is not a number");

        private string Text(string column)
        {
            var index = Array.IndexOf(header, column);
            if (index < 0)
            {
                throw new FormatException($"{path}: no column {column}");
            }

            return index < values.Length ? values[index] : throw new FormatException($"{path}: a row has no {column}");
        }
    }
}

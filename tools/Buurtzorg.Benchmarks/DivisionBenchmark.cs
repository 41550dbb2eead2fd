using Buurtzorg.Contracts.Geography;
using System.Diagnostics;
using System.Globalization;
using Buurtzorg.Grains.Teams.Division;

namespace Buurtzorg.Benchmarks;

/// <summary>
/// Team cell division against the simple baseline (split on the median longitude), on generated
/// teams of 13 nurses: continuity kept (visits and bonds whose nurse and client stay together),
/// compactness (mean distance of clients to their new team's centre) and balance (each half's
/// share of the demand against its share of the contract hours).
/// </summary>
internal static class DivisionBenchmark
{
    public static int Run(int teams, int seed)
    {
        var random = new Random(seed);
        var inputs = Enumerable.Range(0, teams).Select(_ => GenerateTeam(random)).ToList();

        var baseline = inputs.Select(TeamDivision.MedianLongitudeSplit).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{teams} generated teams of 13 nurses (3-6 without visits, 16-32 contract hours), 40-60 clients each; balance rule ±{TeamDivision.BalanceTolerance:P0}"));
        Console.WriteLine("| method | visits kept | bonds kept | mean client distance to team centre | mean gap | max gap | within ±15 % | ms per division |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        Print("median longitude (baseline)", baseline, double.NaN);
        Run("no balance rule (continuity, then compactness)", 1.0);
        Run("cell division, balance rule ±10 %", 0.10);
        var divided = Run("cell division, balance rule ±15 % (the rule)", TeamDivision.BalanceTolerance);

        var comparable = divided.Zip(baseline).Where(p => p.Second.Balanced).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gap: |demand share − contract-hour share| of a half. Where the baseline is balanced ({comparable.Count} of {teams}), the division kept less continuity than it in {comparable.Count(p => p.First.Quality.VisitsKept < p.Second.Quality.VisitsKept)}."));
        return 0;

        List<Division> Run(string method, double tolerance)
        {
            var stopwatch = Stopwatch.StartNew();
            var divisions = inputs.Select(input => TeamDivision.Divide(input, tolerance)).ToList();
            Print(method, divisions, stopwatch.Elapsed.TotalMilliseconds / teams);
            return divisions;
        }
    }

    private static void Print(string method, List<Division> divisions, double milliseconds)
    {
        var visits = divisions.Sum(d => d.Quality.VisitsKept) / (double)divisions.Sum(d => d.Quality.VisitsTotal);
        var bonds = divisions.Sum(d => d.Quality.BondsKept) / (double)divisions.Sum(d => d.Quality.BondsTotal);
        var spread = divisions.Average(d => d.Quality.MeanClientSpreadKm);
        var meanGap = divisions.Average(d => d.Quality.Imbalance);
        var maxGap = divisions.Max(d => d.Quality.Imbalance);
        var within = divisions.Count(d => d.Quality.Imbalance <= TeamDivision.BalanceTolerance + 1e-9) / (double)divisions.Count;
        var time = double.IsNaN(milliseconds) ? "–" : milliseconds.ToString("F1", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {method} | {visits:P1} | {bonds:P1} | {spread:F2} km | {meanGap:P1} | {maxGap:P1} | {within:P1} | {time} |"));
    }

    /// <summary>
    /// A neighbourhood of about 4 by 3 km. Clients live in 3-5 clusters (streets, flats); each
    /// client sees 2-4 nurses of the team over four weeks, mostly nurses living nearby (weight
    /// falling off with distance), sometimes anyone (holidays, weekends). 3-6 nurses have no visits
    /// in the window (new, back from leave, on nights), and one client in ten has had none yet
    /// (just taken in). Contract hours 16-32 a week; a client asks either short daily visits
    /// (1-3 a day of 10-20 minutes) or long rare ones (1-3 a week of 30-60 minutes).
    /// </summary>
    private static DivisionInput GenerateTeam(Random random)
    {
        var centre = new GeoPoint(52.0907, 5.1214);
        GeoPoint Near(GeoPoint p, double latSpread, double lonSpread) =>
            new(p.Latitude + (random.NextDouble() - 0.5) * latSpread, p.Longitude + (random.NextDouble() - 0.5) * lonSpread);

        var nurses = Enumerable.Range(0, 13).Select(_ => new DivisionNurse(Guid.NewGuid(), Near(centre, 0.03, 0.06), 4 * random.Next(4, 9))).ToList();
        var visiting = nurses.Skip(random.Next(3, 7)).ToList();
        var clusters = Enumerable.Range(0, random.Next(3, 6)).Select(_ => Near(centre, 0.027, 0.06)).ToList();
        var clients = Enumerable.Range(0, random.Next(40, 61))
            .Select(_ => new DivisionClient(
                Guid.NewGuid(),
                Near(clusters[random.Next(clusters.Count)], 0.006, 0.01),
                random.NextDouble() < 0.6 ? 7 * random.Next(1, 4) * random.Next(10, 21) / 60.0 : random.Next(1, 4) * random.Next(30, 61) / 60.0))
            .ToList();

        var bonds = new List<CareBond>();
        foreach (var client in clients.Where(_ => random.NextDouble() >= 0.1))
        {
            var weights = visiting.Select(n => Math.Exp(-n.Home.KmTo(client.Address) / 1.0)).ToArray();
            foreach (var nurse in Enumerable.Range(0, random.Next(2, 5)).Select(_ => random.NextDouble() < 0.2
                         ? visiting[random.Next(visiting.Count)]
                         : visiting[Pick(weights, random)]).Distinct())
            {
                bonds.Add(new CareBond(nurse.Id, client.Id, random.Next(2, 21)));
            }
        }

        return new DivisionInput(nurses, clients, bonds);
    }

    private static int Pick(double[] weights, Random random)
    {
        var target = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target <= 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}

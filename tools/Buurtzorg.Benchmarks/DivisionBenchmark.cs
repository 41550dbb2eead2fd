using Buurtzorg.Contracts.Geography;
using System.Diagnostics;
using System.Globalization;
using Buurtzorg.Grains.Teams.Division;

namespace Buurtzorg.Benchmarks;

/// <summary>
/// Team cell division against the simple baseline (split on the median longitude), on generated
/// teams of 13 nurses: continuity kept (visits and bonds whose nurse and client stay together)
/// and compactness (mean distance of clients to their new team's centre).
/// </summary>
internal static class DivisionBenchmark
{
    public static int Run(string[] args)
    {
        var teams = IntArgument(args, "--teams", 200);
        var random = new Random(IntArgument(args, "--seed", 13));
        var inputs = Enumerable.Range(0, teams).Select(_ => GenerateTeam(random)).ToList();

        var baseline = inputs.Select(TeamDivision.MedianLongitudeSplit).ToList();
        var stopwatch = Stopwatch.StartNew();
        var divided = inputs.Select(TeamDivision.Divide).ToList();
        var perTeam = stopwatch.Elapsed.TotalMilliseconds / teams;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{teams} generated teams of 13 nurses, 40-60 clients each"));
        Console.WriteLine("| method | visits kept | bonds kept | mean client distance to team centre |");
        Console.WriteLine("|---|---|---|---|");
        Print("median longitude (baseline)", baseline);
        Print("cell division", divided);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"worse than baseline on continuity: {divided.Zip(baseline).Count(p => p.First.Quality.VisitsKept < p.Second.Quality.VisitsKept)} of {teams}; {perTeam:F1} ms per division"));
        return 0;
    }

    private static void Print(string method, List<Division> divisions)
    {
        var visits = divisions.Sum(d => d.Quality.VisitsKept) / (double)divisions.Sum(d => d.Quality.VisitsTotal);
        var bonds = divisions.Sum(d => d.Quality.BondsKept) / (double)divisions.Sum(d => d.Quality.BondsTotal);
        var spread = divisions.Average(d => d.Quality.MeanClientSpreadKm);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {method} | {visits:P1} | {bonds:P1} | {spread:F2} km |"));
    }

    /// <summary>
    /// A neighbourhood of about 4 by 3 km. Clients live in 3-5 clusters (streets, flats); each
    /// client sees 2-4 nurses of the team over four weeks, mostly nurses living nearby (weight
    /// falling off with distance), sometimes anyone (holidays, weekends).
    /// </summary>
    private static DivisionInput GenerateTeam(Random random)
    {
        var centre = new GeoPoint(52.0907, 5.1214);
        GeoPoint Near(GeoPoint p, double latSpread, double lonSpread) =>
            new(p.Latitude + (random.NextDouble() - 0.5) * latSpread, p.Longitude + (random.NextDouble() - 0.5) * lonSpread);

        var nurses = Enumerable.Range(0, 13).Select(_ => new DivisionNurse(Guid.NewGuid(), Near(centre, 0.03, 0.06))).ToList();
        var clusters = Enumerable.Range(0, random.Next(3, 6)).Select(_ => Near(centre, 0.027, 0.06)).ToList();
        var clients = Enumerable.Range(0, random.Next(40, 61))
            .Select(_ => new DivisionClient(Guid.NewGuid(), Near(clusters[random.Next(clusters.Count)], 0.006, 0.01)))
            .ToList();

        var bonds = new List<CareBond>();
        foreach (var client in clients)
        {
            var weights = nurses.Select(n => Math.Exp(-n.Home.KmTo(client.Address) / 1.0)).ToArray();
            foreach (var nurse in Enumerable.Range(0, random.Next(2, 5)).Select(_ => random.NextDouble() < 0.2
                         ? nurses[random.Next(nurses.Count)]
                         : nurses[Pick(weights, random)]).Distinct())
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

    private static int IntArgument(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

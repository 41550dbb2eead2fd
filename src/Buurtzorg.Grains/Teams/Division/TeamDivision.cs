using Buurtzorg.Contracts.Geography;
namespace Buurtzorg.Grains.Teams.Division;

/// <summary>
/// Divides a team that grew past twelve nurses into two, like a cell.
///
/// Method: every way of putting ⌈n/2⌉ of the n nurses in the first half is tried (for 13 nurses
/// that is C(13,7) = 1,716 candidates, a few milliseconds). For each, every client goes with the
/// half whose nurses visited them most (ties, and clients nobody visited yet, go to the half
/// whose nurses live nearest); this maximises the continuity kept for that choice of nurses.
/// Among the candidates that keep at least 95% of the best continuity found, and never less
/// than the simple split on the median longitude, the most compact one (smallest mean distance
/// of clients to their team's centre) wins. Continuity comes first because it is what clients
/// notice; compactness decides among nearly equal choices. Larger teams, which the twelve-nurse
/// rule never produces, fall back to a pairwise-swap search from the geographic split.
/// </summary>
public static class TeamDivision
{
    private const double ContinuityTolerance = 0.95;
    private const int ExhaustiveLimit = 60_000;

    public static Division Divide(DivisionInput input)
    {
        if (input.Nurses.Count < 2)
        {
            throw new ArgumentException("A team needs at least two nurses to divide.", nameof(input));
        }

        var model = new Model(input);
        var baseline = MedianLongitudeSplit(input);
        var floor = baseline.Quality.VisitsKept;
        var firstSize = (input.Nurses.Count + 1) / 2;

        var candidates = Binomial(input.Nurses.Count, firstSize) <= ExhaustiveLimit
            ? Combinations(input.Nurses.Count, firstSize)
            : SwapSearch(model, firstSize);

        var evaluated = candidates.Select(model.Evaluate).ToList();
        var best = evaluated.Max(e => e.Quality.VisitsKept);
        var threshold = Math.Min(best, Math.Max(floor, (int)Math.Ceiling(best * ContinuityTolerance)));
        return evaluated
            .Where(e => e.Quality.VisitsKept >= threshold)
            .MinBy(e => e.Quality.MeanClientSpreadKm)!;
    }

    /// <summary>
    /// The baseline: nurses split at the median longitude of their homes, clients at the median
    /// longitude of their addresses, west and east.
    /// </summary>
    public static Division MedianLongitudeSplit(DivisionInput input)
    {
        var firstSize = (input.Nurses.Count + 1) / 2;
        var westNurses = input.Nurses.OrderBy(n => n.Home.Longitude).ThenBy(n => n.Id).Take(firstSize).Select(n => n.Id).ToHashSet();
        var westClientCount = (int)Math.Round(input.Clients.Count * (double)firstSize / input.Nurses.Count);
        var westClients = input.Clients.OrderBy(c => c.Address.Longitude).ThenBy(c => c.Id).Take(westClientCount).Select(c => c.Id).ToHashSet();
        return new Model(input).Describe(westNurses, westClients);
    }

    private static IEnumerable<bool[]> SwapSearch(Model model, int firstSize)
    {
        var order = Enumerable.Range(0, model.NurseCount).OrderBy(i => model.NurseHome(i).Longitude).ThenBy(model.NurseId).ToArray();
        var inFirst = new bool[model.NurseCount];
        foreach (var i in order.Take(firstSize))
        {
            inFirst[i] = true;
        }

        var current = model.Evaluate(inFirst);
        yield return (bool[])inFirst.Clone();
        for (var improved = true; improved;)
        {
            improved = false;
            for (var a = 0; a < inFirst.Length && !improved; a++)
            {
                for (var b = 0; b < inFirst.Length && !improved; b++)
                {
                    if (!inFirst[a] || inFirst[b])
                    {
                        continue;
                    }

                    (inFirst[a], inFirst[b]) = (false, true);
                    var candidate = model.Evaluate(inFirst);
                    if (Better(candidate.Quality, current.Quality))
                    {
                        current = candidate;
                        improved = true;
                        yield return (bool[])inFirst.Clone();
                    }
                    else
                    {
                        (inFirst[a], inFirst[b]) = (true, false);
                    }
                }
            }
        }
    }

    private static bool Better(DivisionQuality candidate, DivisionQuality current) =>
        candidate.VisitsKept > current.VisitsKept
        || (candidate.VisitsKept == current.VisitsKept && candidate.MeanClientSpreadKm < current.MeanClientSpreadKm - 1e-9);

    private static IEnumerable<bool[]> Combinations(int n, int k)
    {
        var chosen = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            var mask = new bool[n];
            foreach (var i in chosen)
            {
                mask[i] = true;
            }

            yield return mask;

            var position = k - 1;
            while (position >= 0 && chosen[position] == n - k + position)
            {
                position--;
            }

            if (position < 0)
            {
                yield break;
            }

            chosen[position]++;
            for (var j = position + 1; j < k; j++)
            {
                chosen[j] = chosen[j - 1] + 1;
            }
        }
    }

    private static long Binomial(int n, int k)
    {
        long result = 1;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }

    /// <summary>The team as index arrays, so each of the candidates is evaluated without lookups.</summary>
    private sealed class Model
    {
        private readonly DivisionInput _input;
        private readonly Dictionary<Guid, int> _nurseIndex;
        private readonly int[][] _visitsByClient; // [client][nurse]

        public Model(DivisionInput input)
        {
            _input = input;
            _nurseIndex = input.Nurses.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i);
            var clientIndex = input.Clients.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i);
            _visitsByClient = [.. input.Clients.Select(_ => new int[input.Nurses.Count])];
            foreach (var bond in input.Bonds)
            {
                if (_nurseIndex.TryGetValue(bond.NurseId, out var n) && clientIndex.TryGetValue(bond.ClientId, out var c))
                {
                    _visitsByClient[c][n] += bond.Visits;
                }
            }
        }

        public int NurseCount => _input.Nurses.Count;

        public GeoPoint NurseHome(int index) => _input.Nurses[index].Home;

        public Guid NurseId(int index) => _input.Nurses[index].Id;

        public Division Evaluate(bool[] nurseInFirst)
        {
            var firstHomes = Centre(_input.Nurses.Where((_, i) => nurseInFirst[i]).Select(n => n.Home));
            var secondHomes = Centre(_input.Nurses.Where((_, i) => !nurseInFirst[i]).Select(n => n.Home));
            var clientsInFirst = new HashSet<Guid>();
            for (var c = 0; c < _input.Clients.Count; c++)
            {
                int first = 0, second = 0;
                for (var n = 0; n < nurseInFirst.Length; n++)
                {
                    if (nurseInFirst[n])
                    {
                        first += _visitsByClient[c][n];
                    }
                    else
                    {
                        second += _visitsByClient[c][n];
                    }
                }

                var address = _input.Clients[c].Address;
                if (first > second || (first == second && address.KmTo(firstHomes) <= address.KmTo(secondHomes)))
                {
                    clientsInFirst.Add(_input.Clients[c].Id);
                }
            }

            return Describe([.. _input.Nurses.Where((_, i) => nurseInFirst[i]).Select(n => n.Id)], clientsInFirst);
        }

        public Division Describe(HashSet<Guid> nursesInFirst, HashSet<Guid> clientsInFirst)
        {
            var first = new TeamHalf(
                [.. _input.Nurses.Where(n => nursesInFirst.Contains(n.Id)).Select(n => n.Id)],
                [.. _input.Clients.Where(c => clientsInFirst.Contains(c.Id)).Select(c => c.Id)]);
            var second = new TeamHalf(
                [.. _input.Nurses.Where(n => !nursesInFirst.Contains(n.Id)).Select(n => n.Id)],
                [.. _input.Clients.Where(c => !clientsInFirst.Contains(c.Id)).Select(c => c.Id)]);

            int visitsKept = 0, visitsTotal = 0, bondsKept = 0, bondsTotal = 0;
            foreach (var bond in _input.Bonds.Where(b => b.Visits > 0 && _nurseIndex.ContainsKey(b.NurseId)))
            {
                visitsTotal += bond.Visits;
                bondsTotal++;
                if (nursesInFirst.Contains(bond.NurseId) == clientsInFirst.Contains(bond.ClientId))
                {
                    visitsKept += bond.Visits;
                    bondsKept++;
                }
            }

            return new Division(first, second, new DivisionQuality(visitsKept, visitsTotal, bondsKept, bondsTotal, MeanSpread(clientsInFirst)));
        }

        private double MeanSpread(HashSet<Guid> clientsInFirst)
        {
            if (_input.Clients.Count == 0)
            {
                return 0;
            }

            var firstClients = _input.Clients.Where(c => clientsInFirst.Contains(c.Id)).Select(c => c.Address).ToList();
            var secondClients = _input.Clients.Where(c => !clientsInFirst.Contains(c.Id)).Select(c => c.Address).ToList();
            var total = Spread(firstClients) + Spread(secondClients);
            return total / _input.Clients.Count;
        }

        private static double Spread(List<GeoPoint> points)
        {
            if (points.Count == 0)
            {
                return 0;
            }

            var centre = Centre(points);
            return points.Sum(p => p.KmTo(centre));
        }

        private static GeoPoint Centre(IEnumerable<GeoPoint> points)
        {
            double latitude = 0, longitude = 0;
            var count = 0;
            foreach (var p in points)
            {
                latitude += p.Latitude;
                longitude += p.Longitude;
                count++;
            }

            return count == 0 ? default : new GeoPoint(latitude / count, longitude / count);
        }
    }
}

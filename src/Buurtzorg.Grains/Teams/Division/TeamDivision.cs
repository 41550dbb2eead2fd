using Buurtzorg.Contracts.Geography;

namespace Buurtzorg.Grains.Teams.Division;

/// <summary>
/// Divides a team that grew past twelve nurses into two teams that can each carry on alone.
///
/// Balance is a rule, not a preference: each half's demand (its clients' care hours a week) must
/// be within <see cref="BalanceTolerance"/>, 15 % of the team's demand, of what its nurses' share
/// of the team's contract hours would carry. A half with 45 % of the contract hours takes 30-60 %
/// of the demand. Without the rule, nurses who happened to have no recent visits all went to one
/// half and that half got almost no clients.
///
/// Within the rule, continuity first, then compactness. Every way of putting ⌈n/2⌉ of the n
/// nurses in the first half is tried (for 13 nurses C(13,7) = 1,716 candidates). For each, a
/// client goes with the half whose nurses visited them most. Clients neither half has a claim on
/// (never visited, or visited equally by both) go by geography, to the half whose visited clients
/// (or, lacking those, whose nurses' homes) are nearer; then as many of them as it takes to bring
/// demand within the tolerance change sides, those nearest the border first. Only if they are not
/// enough do visited clients move, those losing fewest visits per hour of demand first. Among the
/// balanced candidates (the median-longitude baseline is one of them, when it is balanced), those
/// keeping at least 95 % of the best continuity found, and never less than the baseline, are
/// kept; the most compact wins (smallest mean distance of clients to their team's centre; then
/// nurses living nearest their new team's clients, which is what places nurses without visits).
/// If no candidate is balanced (a team with almost no demand), the least imbalanced one is
/// returned with <see cref="Division.Balanced"/> false. Larger teams, which the twelve-nurse rule
/// never produces, fall back to a pairwise-swap search from the geographic split.
/// </summary>
public static class TeamDivision
{
    /// <summary>How far a half's share of the demand may lie from its share of the contract hours (a fraction of the team's demand).</summary>
    public const double BalanceTolerance = 0.15;

    private const double ContinuityTolerance = 0.95;
    private const int ExhaustiveLimit = 60_000;

    // Shares are sums of doubles: a division exactly at the tolerance must count as within it.
    private const double Epsilon = 1e-9;

    public static Division Divide(DivisionInput input) => Divide(input, BalanceTolerance);

    /// <summary>As <see cref="Divide(DivisionInput)"/> with another tolerance; the benchmark measures what the rule costs.</summary>
    public static Division Divide(DivisionInput input, double balanceTolerance)
    {
        if (input.Nurses.Count < 2)
        {
            throw new ArgumentException("A team needs at least two nurses to divide.", nameof(input));
        }

        var model = new Model(input, balanceTolerance);
        var firstSize = (input.Nurses.Count + 1) / 2;
        var (baselineNurses, baselineClients) = model.MedianLongitudeSplit(firstSize);
        var baseline = model.Measure(baselineNurses, baselineClients);

        var candidates = (Binomial(input.Nurses.Count, firstSize) <= ExhaustiveLimit
                ? Combinations(input.Nurses.Count, firstSize)
                : SwapSearch(model, firstSize))
            .Select(model.Evaluate)
            .Append(baseline)
            .ToList();
        var balanced = candidates.Where(model.IsBalanced).ToList();
        if (balanced.Count == 0)
        {
            return model.Describe(candidates
                .OrderBy(c => c.Quality.Imbalance)
                .ThenByDescending(c => c.Quality.VisitsKept)
                .ThenBy(c => c.Quality.MeanClientSpreadKm)
                .First());
        }

        var floor = model.IsBalanced(baseline) ? baseline.Quality.VisitsKept : 0;
        var best = balanced.Max(c => c.Quality.VisitsKept);
        var threshold = Math.Min(best, Math.Max(floor, (int)Math.Ceiling(best * ContinuityTolerance)));
        return model.Describe(balanced
            .Where(c => c.Quality.VisitsKept >= threshold)
            .OrderBy(c => c.Quality.MeanClientSpreadKm)
            .ThenBy(c => c.MeanNurseDistanceKm)
            .First());
    }

    /// <summary>
    /// The baseline: nurses split at the median longitude of their homes, clients at the median
    /// longitude of their addresses, west and east, in proportion to the nurses.
    /// </summary>
    public static Division MedianLongitudeSplit(DivisionInput input)
    {
        var model = new Model(input, BalanceTolerance);
        var (nurses, clients) = model.MedianLongitudeSplit((input.Nurses.Count + 1) / 2);
        return model.Describe(model.Measure(nurses, clients));
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
                    if (model.Better(candidate, current))
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

    /// <summary>One way to divide, as masks over the nurses and clients (true: first half), with its quality.</summary>
    private sealed record Candidate(bool[] Nurses, bool[] Clients, DivisionQuality Quality, double MeanNurseDistanceKm);

    /// <summary>The team as index arrays, so each of the candidates is evaluated without lookups.</summary>
    private sealed class Model
    {
        private readonly DivisionInput _input;
        private readonly double _tolerance;
        private readonly double[] _hours;
        private readonly double _totalHours;
        private readonly double[] _demand;
        private readonly double _totalDemand;
        private readonly int[][] _visitsByClient; // [client][nurse]
        private readonly (int Nurse, int Client, int Visits)[] _bonds;

        public Model(DivisionInput input, double tolerance)
        {
            _input = input;
            _tolerance = tolerance;
            _hours = [.. input.Nurses.Select(n => Math.Max(0, n.ContractHoursPerWeek))];
            if (_hours.Sum() <= 0)
            {
                // Only shares matter: with no contract known, every nurse counts alike.
                Array.Fill(_hours, 1);
            }

            _totalHours = _hours.Sum();
            _demand = [.. input.Clients.Select(c => Math.Max(0, c.DemandHoursPerWeek))];
            _totalDemand = _demand.Sum();

            var nurseIndex = input.Nurses.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i);
            var clientIndex = input.Clients.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i);
            _visitsByClient = [.. input.Clients.Select(_ => new int[input.Nurses.Count])];
            foreach (var bond in input.Bonds)
            {
                if (bond.Visits > 0 && nurseIndex.TryGetValue(bond.NurseId, out var n) && clientIndex.TryGetValue(bond.ClientId, out var c))
                {
                    _visitsByClient[c][n] += bond.Visits;
                }
            }

            _bonds = [.. _visitsByClient.SelectMany((visits, c) => visits.Select((v, n) => (n, c, v)).Where(b => b.v > 0))];
        }

        public int NurseCount => _input.Nurses.Count;

        public GeoPoint NurseHome(int index) => _input.Nurses[index].Home;

        public Guid NurseId(int index) => _input.Nurses[index].Id;

        public bool IsBalanced(Candidate candidate) => candidate.Quality.Imbalance <= _tolerance + Epsilon;

        public bool Better(Candidate candidate, Candidate current)
        {
            var (excess, currentExcess) = (Excess(candidate), Excess(current));
            if (Math.Abs(excess - currentExcess) > Epsilon)
            {
                return excess < currentExcess;
            }

            return candidate.Quality.VisitsKept > current.Quality.VisitsKept
                || (candidate.Quality.VisitsKept == current.Quality.VisitsKept && candidate.Quality.MeanClientSpreadKm < current.Quality.MeanClientSpreadKm - Epsilon);
        }

        public (bool[] Nurses, bool[] Clients) MedianLongitudeSplit(int firstSize)
        {
            var nurses = new bool[_input.Nurses.Count];
            foreach (var i in Enumerable.Range(0, nurses.Length).OrderBy(i => _input.Nurses[i].Home.Longitude).ThenBy(i => _input.Nurses[i].Id).Take(firstSize))
            {
                nurses[i] = true;
            }

            var clients = new bool[_input.Clients.Count];
            var westClientCount = (int)Math.Round(clients.Length * (double)firstSize / nurses.Length);
            foreach (var i in Enumerable.Range(0, clients.Length).OrderBy(i => _input.Clients[i].Address.Longitude).ThenBy(i => _input.Clients[i].Id).Take(westClientCount))
            {
                clients[i] = true;
            }

            return (nurses, clients);
        }

        public Candidate Evaluate(bool[] nurseInFirst)
        {
            var clientCount = _input.Clients.Count;
            var inFirst = new bool[clientCount];
            var margin = new int[clientCount];
            var free = new List<int>();
            var firstDemand = 0.0;
            var firstVisited = new List<GeoPoint>();
            var secondVisited = new List<GeoPoint>();
            for (var c = 0; c < clientCount; c++)
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

                margin[c] = Math.Abs(first - second);
                if (first == second)
                {
                    free.Add(c);
                    continue;
                }

                inFirst[c] = first > second;
                if (inFirst[c])
                {
                    firstDemand += _demand[c];
                    firstVisited.Add(_input.Clients[c].Address);
                }
                else
                {
                    secondVisited.Add(_input.Clients[c].Address);
                }
            }

            // A half that keeps no visited client (its nurses had no visits) is where its nurses live.
            var firstAnchor = firstVisited.Count > 0 ? Centre(firstVisited) : Homes(nurseInFirst, first: true);
            var secondAnchor = secondVisited.Count > 0 ? Centre(secondVisited) : Homes(nurseInFirst, first: false);
            var leaning = _input.Clients.Select(c => c.Address.KmTo(secondAnchor) - c.Address.KmTo(firstAnchor)).ToArray();

            var contractShare = ContractShare(nurseInFirst);
            free.Sort((a, b) => leaning[b].CompareTo(leaning[a]));
            var cut = Cut(free, firstDemand, contractShare, byGeography: free.Count(c => leaning[c] >= 0));
            foreach (var c in free.Take(cut))
            {
                inFirst[c] = true;
                firstDemand += _demand[c];
            }

            Rebalance(inFirst, margin, leaning, firstDemand, contractShare);
            return Measure(nurseInFirst, inFirst);
        }

        public Candidate Measure(bool[] nurseInFirst, bool[] clientInFirst)
        {
            int visitsKept = 0, visitsTotal = 0, bondsKept = 0, bondsTotal = 0;
            foreach (var (nurse, client, visits) in _bonds)
            {
                visitsTotal += visits;
                bondsTotal++;
                if (nurseInFirst[nurse] == clientInFirst[client])
                {
                    visitsKept += visits;
                    bondsKept++;
                }
            }

            var firstClients = _input.Clients.Where((_, c) => clientInFirst[c]).Select(c => c.Address).ToList();
            var secondClients = _input.Clients.Where((_, c) => !clientInFirst[c]).Select(c => c.Address).ToList();
            var (firstCentre, secondCentre) = (Centre(firstClients), Centre(secondClients));
            var spread = _input.Clients.Count == 0 ? 0
                : (firstClients.Sum(p => p.KmTo(firstCentre)) + secondClients.Sum(p => p.KmTo(secondCentre))) / _input.Clients.Count;

            // A half without clients has no centre; its nurses are measured to their own homes' centre.
            var firstPlace = firstClients.Count > 0 ? firstCentre : Homes(nurseInFirst, first: true);
            var secondPlace = secondClients.Count > 0 ? secondCentre : Homes(nurseInFirst, first: false);
            var nurseDistance = _input.Nurses.Select((n, i) => n.Home.KmTo(nurseInFirst[i] ? firstPlace : secondPlace)).Average();

            var contractShare = ContractShare(nurseInFirst);
            var firstDemand = _demand.Where((_, c) => clientInFirst[c]).Sum();
            // With no demand at all there is nothing to balance: the shares are taken as equal.
            var demandShare = _totalDemand > 0 ? firstDemand / _totalDemand : contractShare;
            return new Candidate(
                nurseInFirst,
                clientInFirst,
                new DivisionQuality(visitsKept, visitsTotal, bondsKept, bondsTotal, spread, demandShare, contractShare),
                nurseDistance);
        }

        public Division Describe(Candidate candidate)
        {
            var first = new TeamHalf(
                [.. _input.Nurses.Where((_, i) => candidate.Nurses[i]).Select(n => n.Id)],
                [.. _input.Clients.Where((_, c) => candidate.Clients[c]).Select(c => c.Id)]);
            var second = new TeamHalf(
                [.. _input.Nurses.Where((_, i) => !candidate.Nurses[i]).Select(n => n.Id)],
                [.. _input.Clients.Where((_, c) => !candidate.Clients[c]).Select(c => c.Id)]);
            return new Division(first, second, candidate.Quality, IsBalanced(candidate));
        }

        /// <summary>
        /// How many of the free clients, in order of leaning to the first half, go to it: of the
        /// cuts that balance the halves the one nearest the geographic cut, else the least
        /// imbalanced (visited clients then make up the rest).
        /// </summary>
        private int Cut(List<int> free, double firstDemand, double contractShare, int byGeography)
        {
            var gaps = new double[free.Count + 1];
            gaps[0] = Gap(firstDemand, contractShare);
            for (var i = 0; i < free.Count; i++)
            {
                firstDemand += _demand[free[i]];
                gaps[i + 1] = Gap(firstDemand, contractShare);
            }

            var cuts = Enumerable.Range(0, gaps.Length);
            var balanced = cuts.Where(k => Math.Abs(gaps[k]) <= _tolerance + Epsilon).ToList();
            return balanced.Count > 0
                ? balanced.MinBy(k => Math.Abs(k - byGeography))
                : cuts.OrderBy(k => Math.Abs(gaps[k])).ThenBy(k => Math.Abs(k - byGeography)).First();
        }

        /// <summary>
        /// Moves clients out of the half with too much demand until it is within the tolerance:
        /// those losing fewest visits per hour of demand first, then those nearest the other half,
        /// never so far that the other half ends above it. If that cannot reach the tolerance, one
        /// client at a time as long as the gap shrinks, so the result is as near as it gets.
        /// </summary>
        private void Rebalance(bool[] inFirst, int[] margin, double[] leaning, double firstDemand, double contractShare)
        {
            var gap = Gap(firstDemand, contractShare);
            if (Math.Abs(gap) <= _tolerance + Epsilon)
            {
                return;
            }

            var fromFirst = gap > 0;
            var sign = fromFirst ? 1 : -1;
            var movable = Enumerable.Range(0, inFirst.Length)
                .Where(c => inFirst[c] == fromFirst && _demand[c] > 0)
                .OrderBy(c => margin[c] / _demand[c])
                .ThenBy(c => sign * leaning[c])
                .ToList();
            foreach (var c in movable)
            {
                if (sign * gap <= _tolerance + Epsilon)
                {
                    return;
                }

                var after = gap - (sign * _demand[c] / _totalDemand);
                if (sign * after >= -_tolerance - Epsilon)
                {
                    inFirst[c] = !fromFirst;
                    gap = after;
                }
            }

            while (Math.Abs(gap) > _tolerance + Epsilon)
            {
                var (best, bestGap) = (-1, Math.Abs(gap) - Epsilon);
                foreach (var c in movable.Where(c => inFirst[c] == fromFirst))
                {
                    var after = Math.Abs(gap - (sign * _demand[c] / _totalDemand));
                    if (after < bestGap)
                    {
                        (best, bestGap) = (c, after);
                    }
                }

                if (best < 0)
                {
                    return;
                }

                inFirst[best] = !fromFirst;
                gap -= sign * _demand[best] / _totalDemand;
            }
        }

        private double Excess(Candidate candidate) => Math.Max(0, candidate.Quality.Imbalance - _tolerance);

        private double Gap(double firstDemand, double contractShare) =>
            _totalDemand > 0 ? (firstDemand / _totalDemand) - contractShare : 0;

        private double ContractShare(bool[] nurseInFirst) => _hours.Where((_, i) => nurseInFirst[i]).Sum() / _totalHours;

        private GeoPoint Homes(bool[] nurseInFirst, bool first) =>
            Centre(_input.Nurses.Where((_, i) => nurseInFirst[i] == first).Select(n => n.Home));
    }
}

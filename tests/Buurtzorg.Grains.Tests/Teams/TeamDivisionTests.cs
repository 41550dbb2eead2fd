using Buurtzorg.Contracts.Geography;
using Buurtzorg.Grains.Teams.Division;
using CsCheck;

namespace Buurtzorg.Grains.Tests.Teams;

public sealed class TeamDivisionTests
{
    private static readonly GeoPoint Utrecht = new(52.0907, 5.1214);

    private const double Tolerance = TeamDivision.BalanceTolerance;

    /// <summary>
    /// A team of 13 nurses (16-32 contract hours) around one neighbourhood, 0-60 clients asking
    /// 0.25-10 hours a week, random visit history in which 0-6 of the nurses have no visits.
    /// </summary>
    private static readonly Gen<DivisionInput> Teams =
        from nurseSpots in Gen.Select(Gen.Double[-0.02, 0.02], Gen.Double[-0.03, 0.03]).Array[13]
        from hours in Gen.Int[16, 32].Array[13]
        from withoutVisits in Gen.Int[0, 6]
        from clientSpots in Gen.Select(Gen.Double[-0.02, 0.02], Gen.Double[-0.03, 0.03]).Array[0, 60]
        from demand in Gen.Double[0.25, 10].Array[60]
        from bonds in Gen.Select(Gen.Int[0, 59], Gen.Int[0, 12], Gen.Int[1, 20]).Array[0, 120]
        select Build(
            nurseSpots,
            clientSpots,
            [.. bonds.Where(b => b.Item2 >= withoutVisits)],
            hours: [.. hours.Select(h => (double)h)],
            demand: demand);

    [Fact]
    public void Every_nurse_and_client_ends_in_exactly_one_half_and_neither_half_exceeds_twelve()
    {
        Teams.Sample(input =>
        {
            var division = TeamDivision.Divide(input);

            var nurses = division.First.NurseIds.Concat(division.Second.NurseIds).ToList();
            var clients = division.First.ClientIds.Concat(division.Second.ClientIds).ToList();
            Assert.Equal(input.Nurses.Select(n => n.Id).Order(), nurses.Order());
            Assert.Equal(input.Clients.Select(c => c.Id).Order(), clients.Order());
            Assert.Equal([6, 7], new[] { division.First.NurseIds.Count, division.Second.NurseIds.Count }.Order());
        }, iter: 200);
    }

    /// <summary>
    /// Balance is a rule that continuity cannot buy off, so the division can no longer promise
    /// the baseline's continuity when the baseline is itself out of balance: keeping it would mean
    /// an unviable team. Where the baseline is balanced it is one of the candidates, so the
    /// promise stands.
    /// </summary>
    [Fact]
    public void Where_the_median_longitude_split_is_balanced_the_division_keeps_at_least_its_continuity()
    {
        var compared = 0;
        Teams.Sample(input =>
        {
            var division = TeamDivision.Divide(input);
            var baseline = TeamDivision.MedianLongitudeSplit(input);
            Assert.Equal(baseline.Quality.VisitsTotal, division.Quality.VisitsTotal);
            if (!baseline.Balanced)
            {
                return;
            }

            Interlocked.Increment(ref compared);
            Assert.True(division.Quality.VisitsKept >= baseline.Quality.VisitsKept,
                $"kept {division.Quality.VisitsKept} visits, the baseline {baseline.Quality.VisitsKept}");
        }, iter: 200);

        // The comparison must not pass by never being made.
        Assert.True(compared >= 50, $"only {compared} balanced baselines");
    }

    /// <summary>
    /// Feasible is known in two ways: the baseline is balanced, or no client asks more than twice
    /// the tolerance (then clients can be moved one by one into the band from either side).
    /// Otherwise the division is at least no further out than the baseline.
    /// </summary>
    [Fact]
    public void A_division_is_within_the_tolerance_whenever_some_division_is_and_otherwise_no_worse_than_the_baseline()
    {
        Teams.Sample(input =>
        {
            var division = TeamDivision.Divide(input);
            var baseline = TeamDivision.MedianLongitudeSplit(input);
            var total = input.Clients.Sum(c => c.DemandHoursPerWeek);
            var fine = total > 0 && input.Clients.All(c => c.DemandHoursPerWeek <= 2 * Tolerance * total);

            AssertShares(input, division);
            if (baseline.Balanced || fine)
            {
                Assert.True(division.Balanced, $"out by {division.Quality.Imbalance:P1}, baseline {baseline.Quality.Imbalance:P1}");
                Assert.True(division.Quality.Imbalance <= Tolerance + 1e-9);
            }
            else
            {
                Assert.True(division.Balanced || division.Quality.Imbalance <= baseline.Quality.Imbalance + 1e-9);
            }
        }, iter: 200);
    }

    /// <summary>
    /// The demo's Monday: seven nurses had the visits, six had none. The six must not become a
    /// team without clients; here a division keeping every visit and meeting the rule exists, and
    /// it is the one chosen.
    /// </summary>
    [Fact]
    public void Nurses_without_visits_still_get_demand_in_proportion_to_their_contract_hours()
    {
        double[] hours = [24, 32, 16, 28, 24, 20, 32, 16, 16, 20, 24, 28, 32];
        double[] demand = [3.5, 1.2, 7, 2.3, 4.7, 0.5, 5, 3, 2, 6, 1.5, 4, 2.5];
        var nurseSpots = Enumerable.Range(0, 13).Select(i => (0.001 * (i % 5), 0.002 * i - 0.012)).ToArray();
        var clientSpots = Enumerable.Range(0, 13).Select(i => (0.0015 * (i % 4), 0.0018 * i - 0.011)).ToArray();
        // One visit each, by nurses 0-6; client 12 has had none yet.
        var bonds = Enumerable.Range(0, 12).Select(c => (c, c % 7, 1)).ToArray();
        var input = Build(nurseSpots, clientSpots, bonds, hours, demand);

        var division = TeamDivision.Divide(input);

        Assert.True(division.Balanced);
        AssertShares(input, division);
        Assert.All(new[] { division.First, division.Second }, half => Assert.NotEmpty(half.ClientIds));
        Assert.Equal(1.0, division.Quality.ContinuityKept);
    }

    [Fact]
    public void A_team_without_visit_history_divides_by_geography_and_demand_with_nurses_beside_their_clients()
    {
        // Seven nurses live west, six east; twenty clients in a street west, twenty east.
        var nurseSpots = Enumerable.Range(0, 13).Select(i => i < 7 ? (0.001 * i, -0.025) : (0.001 * i, 0.025)).ToArray();
        var clientSpots = Enumerable.Range(0, 40).Select(i => i < 20 ? (0.0005 * i, -0.02) : (0.0005 * i, 0.02)).ToArray();
        var input = Build(nurseSpots, clientSpots, [], hours: [.. Enumerable.Repeat(24.0, 13)], demand: [.. Enumerable.Repeat(3.0, 40)]);

        var division = TeamDivision.Divide(input);

        Assert.True(division.Balanced);
        var west = division.First.ClientIds.Contains(input.Clients[0].Id) ? division.First : division.Second;
        Assert.Equal(input.Clients.Take(20).Select(c => c.Id).Order(), west.ClientIds.Order());
        Assert.Equal(input.Nurses.Take(7).Select(n => n.Id).Order(), west.NurseIds.Order());
    }

    [Fact]
    public void A_team_with_too_little_demand_to_balance_gets_the_least_imbalanced_division_and_says_so()
    {
        var nurseSpots = Enumerable.Range(0, 13).Select(i => (0.0, 0.002 * i)).ToArray();
        var input = Build(nurseSpots, [(0.0, 0.01)], [], hours: [.. Enumerable.Repeat(24.0, 13)], demand: [2.5]);

        var division = TeamDivision.Divide(input);

        Assert.False(division.Balanced);
        var withClient = division.First.ClientIds.Count == 1 ? division.First : division.Second;
        Assert.Equal(7, withClient.NurseIds.Count);
        Assert.Equal(6.0 / 13, division.Quality.Imbalance, 9);
    }

    [Fact]
    public void Two_neighbourhoods_whose_nurses_each_visit_their_own_clients_come_apart_whole()
    {
        // West: nurses 0-6 visit clients 0-19; east: nurses 7-12 visit clients 20-39. But the
        // west nurses live spread out, so a split on longitude alone would cut through them.
        var nurseSpots = Enumerable.Range(0, 13).Select(i => i < 7 ? (0.0, -0.02 + 0.006 * i) : (0.0, 0.03 + 0.001 * i)).ToArray();
        var clientSpots = Enumerable.Range(0, 40).Select(i => i < 20 ? (0.001 * i, -0.01) : (0.001 * i, 0.035)).ToArray();
        var bonds = Enumerable.Range(0, 40).SelectMany(c => new[]
        {
            (c, c < 20 ? c % 7 : 7 + c % 6, 10),
            (c, c < 20 ? (c + 1) % 7 : 7 + (c + 1) % 6, 4),
        }).ToArray();
        var input = Build(nurseSpots, clientSpots, bonds);

        var division = TeamDivision.Divide(input);

        Assert.Equal(1.0, division.Quality.ContinuityKept);
        var west = division.First.NurseIds.Count == 7 ? division.First : division.Second;
        Assert.Equal(input.Nurses.Take(7).Select(n => n.Id).Order(), west.NurseIds.Order());
        Assert.Equal(input.Clients.Take(20).Select(c => c.Id).Order(), west.ClientIds.Order());
        Assert.True(TeamDivision.MedianLongitudeSplit(input).Quality.ContinuityKept < 1.0);
    }

    /// <summary>Each half's demand share against its contract-hour share, computed here from the input alone.</summary>
    private static void AssertShares(DivisionInput input, Division division)
    {
        var demand = input.Clients.ToDictionary(c => c.Id, c => c.DemandHoursPerWeek);
        var hours = input.Nurses.ToDictionary(n => n.Id, n => n.ContractHoursPerWeek);
        var (totalDemand, totalHours) = (demand.Values.Sum(), hours.Values.Sum());
        foreach (var half in new[] { division.First, division.Second })
        {
            var demandShare = totalDemand > 0 ? half.ClientIds.Sum(c => demand[c]) / totalDemand : half.NurseIds.Sum(n => hours[n]) / totalHours;
            var gap = Math.Abs(demandShare - (half.NurseIds.Sum(n => hours[n]) / totalHours));
            Assert.Equal(division.Quality.Imbalance, gap, 9);
            if (division.Balanced)
            {
                Assert.True(gap <= Tolerance + 1e-9, $"a half {gap:P1} out");
            }
        }
    }

    private static DivisionInput Build(
        (double, double)[] nurseSpots,
        (double, double)[] clientSpots,
        (int Client, int Nurse, int Visits)[] bonds,
        double[]? hours = null,
        double[]? demand = null)
    {
        var nurses = nurseSpots.Select((s, i) => new DivisionNurse(Id(1, i), At(s), hours?[i] ?? 24)).ToList();
        var clients = clientSpots.Select((s, i) => new DivisionClient(Id(2, i), At(s), demand?[i] ?? 3)).ToList();
        var careBonds = bonds
            .Where(b => b.Client < clients.Count)
            .Select(b => new CareBond(nurses[b.Nurse].Id, clients[b.Client].Id, b.Visits))
            .ToList();
        return new DivisionInput(nurses, clients, careBonds);
    }

    private static GeoPoint At((double Lat, double Lon) offset) => new(Utrecht.Latitude + offset.Lat, Utrecht.Longitude + offset.Lon);

    private static Guid Id(int kind, int index) => new(index, (short)kind, 0, new byte[8]);
}

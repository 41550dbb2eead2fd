using Buurtzorg.Contracts.Geography;
using Buurtzorg.Grains.Teams.Division;
using CsCheck;

namespace Buurtzorg.Grains.Tests.Teams;

public sealed class TeamDivisionTests
{
    private static readonly GeoPoint Utrecht = new(52.0907, 5.1214);

    /// <summary>A team of 13 nurses around one neighbourhood, 0-60 clients, random visit history.</summary>
    private static readonly Gen<DivisionInput> Teams =
        from nurseSpots in Gen.Select(Gen.Double[-0.02, 0.02], Gen.Double[-0.03, 0.03]).Array[13]
        from clientSpots in Gen.Select(Gen.Double[-0.02, 0.02], Gen.Double[-0.03, 0.03]).Array[0, 60]
        from bonds in Gen.Select(Gen.Int[0, 59], Gen.Int[0, 12], Gen.Int[1, 20]).Array[0, 120]
        select Build(nurseSpots, clientSpots, bonds);

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

    [Fact]
    public void The_division_keeps_at_least_the_continuity_of_the_median_longitude_split()
    {
        Teams.Sample(input =>
        {
            var division = TeamDivision.Divide(input);
            var baseline = TeamDivision.MedianLongitudeSplit(input);

            Assert.True(division.Quality.VisitsKept >= baseline.Quality.VisitsKept,
                $"kept {division.Quality.VisitsKept} visits, the baseline {baseline.Quality.VisitsKept}");
            Assert.Equal(baseline.Quality.VisitsTotal, division.Quality.VisitsTotal);
        }, iter: 200);
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

    private static DivisionInput Build((double, double)[] nurseSpots, (double, double)[] clientSpots, (int Client, int Nurse, int Visits)[] bonds)
    {
        var nurses = nurseSpots.Select((s, i) => new DivisionNurse(Id(1, i), At(s))).ToList();
        var clients = clientSpots.Select((s, i) => new DivisionClient(Id(2, i), At(s))).ToList();
        var careBonds = bonds
            .Where(b => b.Client < clients.Count)
            .Select(b => new CareBond(nurses[b.Nurse].Id, clients[b.Client].Id, b.Visits))
            .ToList();
        return new DivisionInput(nurses, clients, careBonds);
    }

    private static GeoPoint At((double Lat, double Lon) offset) => new(Utrecht.Latitude + offset.Lat, Utrecht.Longitude + offset.Lon);

    private static Guid Id(int kind, int index) => new(index, (short)kind, 0, new byte[8]);
}

using Buurtzorg.Contracts.Capacity;

namespace Buurtzorg.Demo;

/// <summary>
/// The demo's past: a freshly generated region has only this week, so its trend chart would be one
/// point. This makes up the <see cref="Weeks"/> weeks before it from each team's present figures,
/// marked <see cref="WeekFigures.Generated"/> so the page can say they are not measured: a
/// caseload that grew towards today's, productivity wandering around it, and a team at twelve
/// nurses that grew into them.
/// </summary>
public static class DemoHistory
{
    public const int Weeks = 12;

    public static IReadOnlyList<WeekFigures> Before(TeamCapacity team, DateOnly thisWeek, int seed)
    {
        var random = new Random(seed);
        var contractPerNurse = team.Nurses > 0 ? team.SupplyHoursPerWeek / team.Nurses : 0;
        return [.. Enumerable.Range(1, Weeks).Reverse().Select(ago =>
        {
            // The full team took its last two nurses on some weeks ago; the others were stable.
            var nurses = team.Nurses >= 12 ? team.Nurses - (ago > 8 ? 2 : ago > 4 ? 1 : 0) : team.Nurses;
            var supply = Math.Round(contractPerNurse * nurses);
            var demand = Math.Round(team.DemandHoursPerWeek * (1 - 0.015m * ago) * Jitter(random, 0.03m), 1);
            var visits = Math.Round(demand * Jitter(random, 0.06m), 1);
            return new WeekFigures(thisWeek.AddDays(-7 * ago), nurses, supply, demand, visits, Generated: true);
        })];
    }

    private static decimal Jitter(Random random, decimal spread) => 1 + spread * (decimal)(random.NextDouble() * 2 - 1);
}

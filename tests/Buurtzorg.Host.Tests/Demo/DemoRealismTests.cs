using System.Text.RegularExpressions;
using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Buurtzorg.Host.Tests.Infrastructure.EventuallyExtensions;

namespace Buurtzorg.Host.Tests.Demo;

/// <summary>
/// The seeded demo looks like a Buurtzorg neighbourhood a nurse would recognise: shifts that hold
/// the care the plans ask, or the capacity page says which part of the day they do not.
/// </summary>
public sealed class DemoRealismTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_visit_of_the_first_two_weeks_fits_a_shift_of_its_team_or_is_reported_uncovered_and_supply_is_contract_hours()
    {
        using var file = new TempSqliteFile();
        await using var host = await TestHost.StartSecureOnSqlite(file.Path, BuurtzorgApp.DemoFlag);
        var grains = host.App.Services.GetRequiredService<IGrainFactory>();
        var teams = new List<TeamSnapshot>();
        foreach (var listing in await grains.GetGrain<ITeamDirectoryGrain>(0).List())
        {
            teams.Add((await grains.GetGrain<ITeamGrain>(listing.Id).Get())!);
        }

        Assert.Equal(4, teams.Count);
        var nurses = new Dictionary<Guid, List<NurseRecord>>();
        foreach (var team in teams)
        {
            nurses[team.Id] = [.. await Task.WhenAll(team.Nurses.Select(async n => (await grains.GetGrain<INurseGrain>(n.NurseId).Get())!))];
        }

        var overview = await Eventually(
            () => grains.GetGrain<ICapacityRollupGrain>(CapacityRollup.Nation).GetOverview().AsTask(),
            o => o.Teams.Count == teams.Count && o.Teams.All(t =>
                t.SupplyHoursPerWeek == nurses[t.TeamId].Sum(n => n.Profile.ContractHoursPerWeek) && t.Coverage.Sum(c => c.DemandHoursPerWeek) > 0));

        var today = Grains.DutchCalendar.Today(TimeProvider.System);
        foreach (var team in teams)
        {
            var rota = nurses[team.Id];
            var figures = overview.Teams.Single(t => t.TeamId == team.Id);
            output.WriteLine($"{team.Name}: {rota.Count} nurses, {team.ClientIds.Count} clients, supply {figures.SupplyHoursPerWeek} h (for clients {figures.DirectCareHoursPerWeek}), demand {figures.DemandHoursPerWeek} h; "
                + string.Join("; ", figures.Coverage.Select(c => $"{c.Part} {c.DemandHoursPerWeek}/{c.DirectCareHoursPerWeek} uncovered {c.UncoveredHoursPerWeek}{(c.Short ? " SHORT" : "")}")));

            // Contracts of 16-32 hours, a rota close to the contract, supply exactly the contracts.
            Assert.All(rota, n => Assert.InRange(n.Profile.ContractHoursPerWeek, 16, 32));
            Assert.All(rota, n => Assert.InRange(n.Profile.WeeklyAvailability.Sum(s => (decimal)(s.To - s.From).TotalHours) - n.Profile.ContractHoursPerWeek, -3, 3));
            Assert.Equal(rota.Sum(n => n.Profile.ContractHoursPerWeek), figures.SupplyHoursPerWeek);

            // Mornings, afternoons and evenings on every day of the week, weekends included.
            foreach (var day in Enum.GetValues<DayOfWeek>())
            {
                foreach (var (from, to) in new[] { (7, 12), (12, 17), (17, 22) })
                {
                    Assert.Contains(rota, n => n.Profile.WeeklyAvailability.Any(s => s.Day == day && s.From.Hour < to && s.To.Hour >= from + 1));
                }
            }

            // Direct client time near the ~60 % of contract hours Buurtzorg reports.
            Assert.InRange(figures.DemandHoursPerWeek / figures.SupplyHoursPerWeek, 0.45m, 0.65m);

            var visits = (await grains.GetGrain<ITeamScheduleGrain>(team.Id).GetVisits(today, today.AddDays(ScheduleHorizon.Days - 1))).Visits
                .Where(v => v.Status != VisitStatus.Cancelled).ToList();
            Assert.Equal(ScheduleHorizon.Days, visits.Select(v => v.Date).Distinct().Count());

            // Each visit fits a shift of enough qualified nurses of its team, or its hours are in
            // the uncovered hours of its part of the day, which then reads as short.
            var uncovered = new decimal[4];
            foreach (var visit in visits.Where(v => !Fits(rota, v)))
            {
                uncovered[(int)PartsOfDay.Of(visit.WindowStart.AddMinutes((visit.WindowEnd - visit.WindowStart).TotalMinutes / 2))] += visit.DurationMinutes * visit.NursesNeeded / 60m / 2;
            }

            foreach (var part in figures.Coverage)
            {
                Assert.Equal(Math.Round(uncovered[(int)part.Part], 1), part.UncoveredHoursPerWeek);
                Assert.True(part.UncoveredHoursPerWeek == 0 || part.Short);
            }

            // One trip per client per time slot: no two visits of a client on a day that one
            // nurse could have made as one (windows sharing room for both, same nurses, one specialism).
            foreach (var day in visits.GroupBy(v => (v.ClientId, v.Date)))
            {
                var list = day.ToList();
                for (var i = 0; i < list.Count; i++)
                {
                    for (var j = i + 1; j < list.Count; j++)
                    {
                        Assert.False(Joinable(list[i], list[j]), $"two visits of one client at {list[i].Date} {list[i].WindowStart}-{list[i].WindowEnd} and {list[j].WindowStart}-{list[j].WindowEnd}");
                    }
                }
            }

            // Addresses with their city's postcodes, and no two clients of the team with one name.
            var clients = await Task.WhenAll(team.ClientIds.Select(async id => (await grains.GetGrain<IClientGrain>(id).Get())!));
            Assert.Equal(clients.Length, clients.Select(c => c.Details.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(clients.Where(c => c.Details.Address.City == "Utrecht"), c => Assert.Matches(new Regex("^35[0-9]{2} [A-Z]{2}$"), c.Details.Address.Postcode));
        }

        Assert.Contains(teams, t => t.Name.Contains("Utrecht", StringComparison.Ordinal));
        Assert.Equal(overview.Teams.Sum(t => t.SupplyHoursPerWeek), overview.Nation.SupplyHoursPerWeek);
    }

    private static bool Fits(List<NurseRecord> rota, Visit visit) =>
        rota.Count(n => (visit.RequiredQualification is not { } q || n.Profile.Qualifications.Contains(q))
            && n.Profile.WeeklyAvailability.Any(s =>
                s.Day == visit.Date.DayOfWeek
                && (Min(s.To, visit.WindowEnd) - Max(s.From, visit.WindowStart)).TotalMinutes >= visit.DurationMinutes
                && Max(s.From, visit.WindowStart) < Min(s.To, visit.WindowEnd))) >= visit.NursesNeeded;

    private static bool Joinable(Visit a, Visit b)
    {
        Qualification?[] specialisms = [.. new[] { a.RequiredQualification, b.RequiredQualification }.Where(q => q is not null and not Qualification.BasicCare).Distinct()];
        var (from, to) = (Max(a.WindowStart, b.WindowStart), Min(a.WindowEnd, b.WindowEnd));
        return a.NursesNeeded == b.NursesNeeded && specialisms.Length <= 1 && from < to && (to - from).TotalMinutes >= a.DurationMinutes + b.DurationMinutes;
    }

    private static TimeOnly Max(TimeOnly a, TimeOnly b) => a > b ? a : b;

    private static TimeOnly Min(TimeOnly a, TimeOnly b) => a < b ? a : b;
}

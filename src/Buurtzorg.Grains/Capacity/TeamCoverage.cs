using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Grains.Capacity;

/// <summary>
/// A team's coverage per part of the day, from its nurses' rota and the visits of the schedule's
/// horizon. A visit is covered when enough nurses with its qualification work long enough inside
/// its window on its weekday, the same test a claim makes (leave aside: the rota is what a team
/// plans with, leave comes and goes).
/// </summary>
public static class TeamCoverage
{
    public static IReadOnlyList<PartOfDayCoverage> Of(IReadOnlyCollection<NurseSupply> nurses, IReadOnlyCollection<VisitNeed> needs)
    {
        const decimal Weeks = ScheduleHorizon.Days / 7m;
        var demand = new decimal[4];
        var uncovered = new decimal[4];
        foreach (var need in needs)
        {
            var part = (int)PartOf(need);
            var hours = need.DurationMinutes * need.NursesNeeded * need.Count / 60m / Weeks;
            demand[part] += hours;
            if (!Covered(nurses, need))
            {
                uncovered[part] += hours;
            }
        }

        var rostered = new decimal[4];
        foreach (var nurse in nurses)
        {
            // A nurse available for more hours than her contract works only her contract: her
            // hours in each part are scaled down, so wider availability adds no supply.
            var available = nurse.WeeklyAvailability.Sum(s => Hours(s.From, s.To));
            var scale = available > nurse.ContractHoursPerWeek && available > 0 ? nurse.ContractHoursPerWeek / available : 1m;
            foreach (var part in PartsOfDay.All)
            {
                rostered[(int)part] += nurse.WeeklyAvailability.Sum(s => PartsOfDay.Overlap(s.From, s.To, part)) * scale;
            }
        }

        return [.. PartsOfDay.All.Select(p => new PartOfDayCoverage(p, Round(demand[(int)p]), Round(rostered[(int)p]), Round(uncovered[(int)p])))];
    }

    /// <summary>The part of the day a visit counts in: where the middle of its window falls.</summary>
    public static PartOfDay PartOf(VisitNeed need) =>
        PartsOfDay.Of(need.WindowStart.AddMinutes((need.WindowEnd - need.WindowStart).TotalMinutes / 2));

    public static bool Covered(IEnumerable<NurseSupply> nurses, VisitNeed need) =>
        nurses.Count(n => (need.RequiredQualification is not { } q || n.Qualifications.Contains(q))
            && n.WeeklyAvailability.Any(slot =>
            {
                var from = slot.From > need.WindowStart ? slot.From : need.WindowStart;
                var to = slot.To < need.WindowEnd ? slot.To : need.WindowEnd;
                return slot.Day == need.Day && from < to && (to - from).TotalMinutes >= need.DurationMinutes;
            })) >= need.NursesNeeded;

    private static decimal Hours(TimeOnly from, TimeOnly to) => (decimal)(to - from).TotalHours;

    private static decimal Round(decimal hours) => Math.Round(hours, 1);
}

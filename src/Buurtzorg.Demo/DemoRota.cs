using Buurtzorg.Contracts.Nurses;

namespace Buurtzorg.Demo;

/// <summary>
/// A team's weekly rota as a Buurtzorg team makes it: every day of the week, weekends too, at
/// least three nurses in the morning (07:00-12:30), one in the afternoon (12:30-17:00) and one in
/// the evening (17:00-22:30); the hours left over go to where most care is asked, weekday
/// a fourth nurse every morning and a fifth on weekdays first, then a second evening and
/// afternoon nurse. Each nurse works at most one shift a day and about her contract hours, and
/// keeps to one part of the day in a run of days where her hours allow.
/// </summary>
public static class DemoRota
{
    public sealed record Shift(string Name, TimeOnly From, TimeOnly To)
    {
        public decimal Hours => (decimal)(To - From).TotalHours;
    }

    public static readonly Shift Morning = new("ochtend", new(7, 0), new(12, 30));
    public static readonly Shift Afternoon = new("middag", new(12, 30), new(17, 0));
    public static readonly Shift Evening = new("avond", new(17, 0), new(22, 30));

    /// <summary>How far a nurse's rota may go past her contract: a 16-hour contract takes three 5.5-hour shifts.</summary>
    public const decimal Slack = 1.5m;

    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly DayOfWeek[] Weekdays = Week[..5];

    /// <summary>The availability of each nurse, in the order of <paramref name="contractHours"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<AvailabilitySlot>> Make(IReadOnlyList<decimal> contractHours)
    {
        var slots = contractHours.Select(_ => new List<AvailabilitySlot>()).ToList();
        var left = contractHours.ToArray();
        foreach (var (day, shift) in Wanted())
        {
            Assign(day, shift);
        }

        // Hours still left (a big team, long contracts) fill the week in turn until nobody can
        // take another shift: each nurse ends within a shift's slack of her contract.
        for (var assigned = true; assigned;)
        {
            assigned = false;
            foreach (var day in Week)
            {
                foreach (var shift in (Shift[])[Morning, Afternoon, Evening])
                {
                    assigned |= Assign(day, shift);
                }
            }
        }

        return [.. slots.Select(s => (IReadOnlyList<AvailabilitySlot>)[.. s.OrderBy(x => (int)x.Day == 0 ? 7 : (int)x.Day).ThenBy(x => x.From)])];

        bool CanTake(int nurse, DayOfWeek day, Shift shift) =>
            left[nurse] + Slack >= shift.Hours && !slots[nurse].Exists(s => s.Day == day);

        // Clients see few nurses only if nurses keep to a part of the day and work days in a row:
        // the nurse who worked this shift the day before takes it, else one who works it on
        // another day, else the one with most hours left, so that the rota still fills evenly.
        bool Assign(DayOfWeek day, Shift shift)
        {
            var candidates = Enumerable.Range(0, left.Length).Where(n => CanTake(n, day, shift)).ToList();
            if (candidates.Count == 0)
            {
                return false;
            }

            var yesterday = Week[(Array.IndexOf(Week, day) + 6) % 7];
            var nurse = candidates
                .OrderBy(n => slots[n].Exists(s => s.Day == yesterday && s.From == shift.From) ? 0 : 1)
                .ThenBy(n => slots[n].Exists(s => s.From == shift.From) ? 0 : 1)
                .ThenByDescending(n => left[n])
                .ThenBy(n => n)
                .First();
            slots[nurse].Add(new AvailabilitySlot(day, shift.From, shift.To));
            left[nurse] -= shift.Hours;
            return true;
        }
    }

    /// <summary>
    /// The shifts in the order a team fills them: first what every day needs, then extra hands
    /// where the care is. About three in five care hours fall in the morning (washing, dressing,
    /// medication, wounds), so most shifts are mornings; afternoons and evenings follow.
    /// </summary>
    private static IEnumerable<(DayOfWeek Day, Shift Shift)> Wanted()
    {
        foreach (var day in Week)
        {
            yield return (day, Morning);
            yield return (day, Morning);
            yield return (day, Morning);
            yield return (day, Afternoon);
            yield return (day, Evening);
        }

        foreach (var day in Week)
        {
            yield return (day, Morning);
        }

        foreach (var day in Weekdays)
        {
            yield return (day, Morning);
        }

        foreach (var day in Week)
        {
            yield return (day, Evening);
            yield return (day, Afternoon);
        }
    }
}

using Buurtzorg.Contracts.CarePlans;

namespace Buurtzorg.Grains.Visits;

/// <summary>One time an intervention is due: its date, its number that day, and its time window.</summary>
public readonly record struct Occurrence(DateOnly Date, int Index, TimeOnly WindowStart, TimeOnly WindowEnd);

/// <summary>
/// Turns an intervention's schedule into dated occurrences. "n times a day" puts n visits on
/// every day, splitting the window into n equal parts (the whole window for each if a part is
/// shorter than the visit). "n times a week" spreads them evenly from Monday (3x: Monday,
/// Wednesday, Friday), more than one a day splitting that day's window the same way.
/// </summary>
public static class VisitPattern
{
    public static IEnumerable<Occurrence> Occurrences(InterventionSchedule schedule, DateOnly from, int days)
    {
        var to = from.AddDays(days - 1);
        if (schedule.Period == SchedulePeriod.Day)
        {
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                for (var i = 0; i < schedule.TimesPerPeriod; i++)
                {
                    yield return At(schedule, date, i, schedule.TimesPerPeriod);
                }
            }

            yield break;
        }

        var offsets = Enumerable.Range(0, schedule.TimesPerPeriod).Select(i => i * 7 / schedule.TimesPerPeriod).ToArray();
        for (var monday = MondayOf(from); monday <= to; monday = monday.AddDays(7))
        {
            foreach (var day in offsets.Distinct())
            {
                var date = monday.AddDays(day);
                if (date < from || date > to)
                {
                    continue;
                }

                var that = offsets.Count(o => o == day);
                for (var i = 0; i < that; i++)
                {
                    yield return At(schedule, date, i, that);
                }
            }
        }
    }

    private static Occurrence At(InterventionSchedule schedule, DateOnly date, int index, int count)
    {
        var length = (schedule.WindowEnd - schedule.WindowStart).TotalMinutes;
        var part = length / count;
        if (count == 1 || part < schedule.DurationMinutes)
        {
            return new Occurrence(date, index, schedule.WindowStart, schedule.WindowEnd);
        }

        return new Occurrence(
            date,
            index,
            schedule.WindowStart.AddMinutes(Math.Round(part * index)),
            schedule.WindowStart.AddMinutes(Math.Round(part * (index + 1))));
    }

    private static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}

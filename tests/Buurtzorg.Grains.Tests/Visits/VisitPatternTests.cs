using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Grains.Visits;

namespace Buurtzorg.Grains.Tests.Visits;

public sealed class VisitPatternTests
{
    private static readonly DateOnly Wednesday = new(2026, 12, 2);

    private static InterventionSchedule Schedule(int times, SchedulePeriod period, string from = "07:00", string to = "22:00", int minutes = 15) =>
        new(times, period, TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), minutes, null, false);

    [Fact]
    public void Twice_a_day_gives_two_visits_every_day_in_the_two_halves_of_the_window()
    {
        var occurrences = VisitPattern.Occurrences(Schedule(2, SchedulePeriod.Day), Wednesday, 14).ToList();

        Assert.Equal(28, occurrences.Count);
        Assert.Equal(14, occurrences.Select(o => o.Date).Distinct().Count());
        Assert.Equal([(new TimeOnly(7, 0), new TimeOnly(14, 30)), (new TimeOnly(14, 30), new TimeOnly(22, 0))],
            occurrences.Take(2).Select(o => (o.WindowStart, o.WindowEnd)));
    }

    [Fact]
    public void Three_times_a_week_falls_on_monday_wednesday_and_friday_within_the_horizon()
    {
        var occurrences = VisitPattern.Occurrences(Schedule(3, SchedulePeriod.Week), Wednesday, 14).ToList();

        Assert.All(occurrences, o => Assert.Contains(o.Date.DayOfWeek, new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday }));
        // Wed 2, Fri 4, Mon 7, Wed 9, Fri 11, Mon 14 December; the horizon ends Tuesday the 15th.
        Assert.Equal([2, 4, 7, 9, 11, 14], occurrences.Select(o => o.Date.Day));
    }

    [Fact]
    public void When_the_parts_of_a_window_are_shorter_than_the_visit_each_visit_gets_the_whole_window()
    {
        var occurrences = VisitPattern.Occurrences(Schedule(3, SchedulePeriod.Day, "08:00", "09:00", minutes: 30), Wednesday, 1).ToList();

        Assert.Equal(3, occurrences.Count);
        Assert.All(occurrences, o => Assert.Equal((new TimeOnly(8, 0), new TimeOnly(9, 0)), (o.WindowStart, o.WindowEnd)));
        Assert.Equal([0, 1, 2], occurrences.Select(o => o.Index));
    }
}

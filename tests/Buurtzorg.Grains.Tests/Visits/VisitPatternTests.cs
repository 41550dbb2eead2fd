using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Contracts.Nurses;
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

    private static Intervention Care(string description, int times, SchedulePeriod period, string from, string to, int minutes, Qualification? qualification, bool twoNurses = false) =>
        new(Guid.NewGuid(), InterventionCategory.TreatmentsAndProcedures, 50, description,
            new InterventionSchedule(times, period, TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), minutes, qualification, twoNurses),
            Performer.Team, null);

    [Fact]
    public void Interventions_due_at_one_client_in_one_time_slot_are_one_visit()
    {
        var stockingsOn = Care("Steunkousen aantrekken", 1, SchedulePeriod.Day, "07:30", "10:00", 15, Qualification.BasicCare);
        var medication = Care("Medicatie aanreiken", 3, SchedulePeriod.Day, "07:30", "21:30", 10, Qualification.InjectionsAndMedication);
        var stockingsOff = Care("Steunkousen uittrekken", 1, SchedulePeriod.Day, "20:00", "22:00", 10, Qualification.BasicCare);

        var visits = VisitPattern.Visits([stockingsOn, medication, stockingsOff], Wednesday, 1).ToList();

        // Morning: stockings and medication in one trip; afternoon: medication; evening: medication and stockings off.
        Assert.Equal(3, visits.Count);
        var morning = visits[0];
        Assert.Equal((new TimeOnly(7, 30), new TimeOnly(10, 0), 25, Qualification.InjectionsAndMedication), (morning.WindowStart, morning.WindowEnd, morning.DurationMinutes, morning.RequiredQualification));
        Assert.Equal(new[] { stockingsOn.Id, medication.Id }.Order(), new[] { morning.Lead.Id }.Concat(morning.With.Select(i => i.Id)).Order());
        var evening = visits[2];
        Assert.Equal((new TimeOnly(20, 0), new TimeOnly(21, 30), 20), (evening.WindowStart, evening.WindowEnd, evening.DurationMinutes));
        Assert.Equal(stockingsOn.Schedule.DurationMinutes + medication.Schedule.DurationMinutes * 3 + stockingsOff.Schedule.DurationMinutes, visits.Sum(v => v.DurationMinutes));
    }

    [Fact]
    public void A_double_visit_two_specialisms_or_a_window_too_short_for_both_stay_apart()
    {
        var wound = Care("Wond verzorgen", 7, SchedulePeriod.Week, "09:00", "13:00", 30, Qualification.WoundCare);
        var insulin = Care("Insuline spuiten", 1, SchedulePeriod.Day, "09:00", "12:00", 15, Qualification.DiabetesCare);
        var hoist = Care("Douchen met tillift", 1, SchedulePeriod.Day, "09:00", "12:00", 30, Qualification.BasicCare, twoNurses: true);
        var shortWindow = Care("Oogdruppels", 1, SchedulePeriod.Day, "09:00", "09:20", 10, null);
        var stockings = Care("Steunkousen aantrekken", 1, SchedulePeriod.Day, "09:00", "09:20", 15, Qualification.BasicCare);

        Assert.Equal(2, VisitPattern.Visits([wound, insulin], Wednesday, 1).Count());
        Assert.Equal(2, VisitPattern.Visits([wound, hoist], Wednesday, 1).Count());
        Assert.Equal(2, VisitPattern.Visits([shortWindow, stockings], Wednesday, 1).Count());
        var joined = Assert.Single(VisitPattern.Visits([wound, stockings with { Schedule = stockings.Schedule with { WindowEnd = new TimeOnly(11, 0) } }], Wednesday, 1));
        Assert.Equal((45, Qualification.WoundCare), (joined.DurationMinutes, joined.RequiredQualification));
    }
}

using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains.Visits;

namespace Buurtzorg.Grains.Tests.Visits;

public sealed class RoundTimetableTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);

    [Fact]
    public void Without_an_order_visits_follow_their_windows_each_starting_when_the_previous_ends()
    {
        var wide = Visit("08:00", "12:00", 45);
        var tight = Visit("08:00", "09:00", 30);
        var later = Visit("10:00", "11:00", 20);

        var (stops, warnings) = RoundTimetable.Work([later, wide, tight], []);

        Assert.Equal([tight.Id, wide.Id, later.Id], stops.Select(s => s.Visit.Id));
        Assert.Equal(["08:00", "08:30", "10:00"], stops.Select(s => s.PlannedStart.ToString("HH:mm")));
        Assert.Equal(new TimeOnly(9, 15), stops[1].PlannedEnd);
        Assert.Empty(warnings);
    }

    [Fact]
    public void An_order_that_runs_past_a_window_or_a_fixed_start_that_overlaps_is_kept_with_the_minutes()
    {
        var first = Visit("08:00", "12:00", 60);
        var second = Visit("08:00", "09:00", 20);
        var third = Visit("09:00", "12:00", 15);

        var (stops, warnings) = RoundTimetable.Work([first, second, third],
            [new(first.Id, null), new(second.Id, null), new(third.Id, new TimeOnly(9, 10))]);

        Assert.Equal(["08:00", "09:00", "09:10"], stops.Select(s => s.PlannedStart.ToString("HH:mm")));
        Assert.True(stops[2].StartFixed);
        Assert.Equal(
            [new RoundWarning(second.Id, RoundWarningKind.Late, 20), new RoundWarning(third.Id, RoundWarningKind.Overlap, 10)],
            warnings);
    }

    [Fact]
    public void A_fixed_start_before_the_window_opens_is_early_and_a_reported_visit_keeps_its_real_times()
    {
        var early = Visit("10:00", "11:00", 30);
        var reported = Visit("07:00", "08:00", 30) with
        {
            Status = VisitStatus.Done,
            Report = new VisitReport(Guid.NewGuid(), DateTimeOffset.UtcNow, true, false, new TimeOnly(7, 20), 45, null),
        };

        var (stops, warnings) = RoundTimetable.Work([early, reported], [new(early.Id, new TimeOnly(9, 45))]);

        Assert.Equal([early.Id, reported.Id], stops.Select(s => s.Visit.Id));
        Assert.Equal((new TimeOnly(7, 20), new TimeOnly(8, 5)), (stops[1].PlannedStart, stops[1].PlannedEnd));
        Assert.Contains(new RoundWarning(early.Id, RoundWarningKind.Early, 15), warnings);
        Assert.Contains(new RoundWarning(reported.Id, RoundWarningKind.Late, 5), warnings);
    }

    private static Visit Visit(string from, string to, int minutes) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Day, 0, TimeOnly.Parse(from), TimeOnly.Parse(to), minutes, null, 1, [], VisitStatus.Open, VisitMark.None, 1);
}

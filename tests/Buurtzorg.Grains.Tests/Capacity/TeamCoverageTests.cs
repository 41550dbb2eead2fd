using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Grains.Capacity;

namespace Buurtzorg.Grains.Tests.Capacity;

public sealed class TeamCoverageTests
{
    private static TimeOnly T(int hour, int minute = 0) => new(hour, minute);

    private static NurseSupply Nurse(decimal contract, params (DayOfWeek Day, TimeOnly From, TimeOnly To)[] slots) =>
        new(contract, [.. slots.Select(s => new AvailabilitySlot(s.Day, s.From, s.To))], [Qualification.BasicCare]);

    private static (DayOfWeek, TimeOnly, TimeOnly)[] Mornings() =>
        [.. Enum.GetValues<DayOfWeek>().Select(d => (d, T(7), T(12, 30)))];

    [Fact]
    public void A_team_with_only_morning_nurses_is_short_in_the_evening_however_good_its_weekly_totals()
    {
        // Three nurses of 38.5 morning hours each; stockings off every evening (14 in the horizon of two weeks).
        NurseSupply[] nurses = [Nurse(38.5m, Mornings()), Nurse(38.5m, Mornings()), Nurse(38.5m, Mornings())];
        VisitNeed[] needs = [.. Enum.GetValues<DayOfWeek>().Select(d => new VisitNeed(d, T(20), T(22), 15, Qualification.BasicCare, 1, 2))];

        var coverage = TeamCoverage.Of(nurses, needs).ToDictionary(c => c.Part);

        // 14 × 15 minutes over two weeks: 1.75 hours a week, shown to a tenth.
        Assert.Equal((1.8m, 0m, 1.8m), (coverage[PartOfDay.Evening].DemandHoursPerWeek, coverage[PartOfDay.Evening].RosteredHoursPerWeek, coverage[PartOfDay.Evening].UncoveredHoursPerWeek));
        Assert.True(coverage[PartOfDay.Evening].Short);
        Assert.Equal(3 * 7 * 5m, coverage[PartOfDay.Morning].RosteredHoursPerWeek);
        Assert.Equal(3 * 7 * 0.5m, coverage[PartOfDay.Afternoon].RosteredHoursPerWeek);
        Assert.False(coverage[PartOfDay.Morning].Short);
        Assert.False(coverage[PartOfDay.Night].Short);
    }

    [Fact]
    public void Availability_wider_than_the_contract_gives_no_more_hours_than_the_contract()
    {
        // 18 contract hours, available 42 hours a week (six mornings and a Sunday evening).
        var wide = Nurse(18, [.. Enum.GetValues<DayOfWeek>().Select(d => d == DayOfWeek.Sunday ? (d, T(16), T(22)) : (d, T(7), T(13)))]);
        Assert.Equal(42m, wide.WeeklyAvailability.Sum(s => (decimal)(s.To - s.From).TotalHours));

        var coverage = TeamCoverage.Of([wide], []);

        Assert.Equal(18m, Math.Round(coverage.Sum(c => c.RosteredHoursPerWeek)));
        Assert.All(coverage, c => Assert.Equal(0.6m * c.RosteredHoursPerWeek, c.DirectCareHoursPerWeek));
    }

    [Fact]
    public void A_visit_is_covered_only_by_enough_qualified_nurses_working_long_enough_inside_its_window()
    {
        var insulin = new VisitNeed(DayOfWeek.Monday, T(13), T(19), 15, Qualification.DiabetesCare, 1, 1);
        var lateNurse = Nurse(24, (DayOfWeek.Monday, T(17), T(22, 30)));
        var qualified = lateNurse with { Qualifications = [Qualification.BasicCare, Qualification.DiabetesCare] };

        Assert.False(TeamCoverage.Covered([lateNurse], insulin));
        Assert.True(TeamCoverage.Covered([qualified], insulin));
        Assert.False(TeamCoverage.Covered([qualified], insulin with { Day = DayOfWeek.Tuesday }));
        Assert.False(TeamCoverage.Covered([qualified], insulin with { NursesNeeded = 2 }));
        Assert.False(TeamCoverage.Covered([qualified], insulin with { WindowEnd = T(17, 10), DurationMinutes = 15 }));
        Assert.Equal(PartOfDay.Afternoon, TeamCoverage.PartOf(insulin));
    }

    [Fact]
    public void The_night_counts_on_both_sides_of_midnight()
    {
        Assert.Equal(0.5m, PartsOfDay.Overlap(T(22), T(23, 30), PartOfDay.Night));
        Assert.Equal(2m, PartsOfDay.Overlap(T(5), T(8), PartOfDay.Night));
        Assert.Equal(1m, PartsOfDay.Overlap(T(5), T(8), PartOfDay.Morning));
        Assert.Equal(PartOfDay.Night, PartsOfDay.Of(T(23, 30)));
        Assert.Equal(PartOfDay.Night, PartsOfDay.Of(T(6, 59)));
    }
}

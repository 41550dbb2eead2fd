using Buurtzorg.Contracts.Nurses;

namespace Buurtzorg.Contracts.Capacity;

/// <summary>The parts of the day (dagdelen) coverage is shown for: ochtend 07-12, middag 12-17, avond 17-23, nacht 23-07.</summary>
[GenerateSerializer, Alias("Buurtzorg.Capacity.PartOfDay")]
public enum PartOfDay
{
    Morning = 0,
    Afternoon = 1,
    Evening = 2,
    Night = 3,
}

public static class PartsOfDay
{
    public static IReadOnlyList<PartOfDay> All { get; } = [PartOfDay.Morning, PartOfDay.Afternoon, PartOfDay.Evening, PartOfDay.Night];

    /// <summary>Start and end as minutes from midnight; the night runs past midnight, so its end is 31:00.</summary>
    public static (int From, int To) Minutes(PartOfDay part) => part switch
    {
        PartOfDay.Morning => (7 * 60, 12 * 60),
        PartOfDay.Afternoon => (12 * 60, 17 * 60),
        PartOfDay.Evening => (17 * 60, 23 * 60),
        _ => (23 * 60, 31 * 60),
    };

    public static PartOfDay Of(TimeOnly time) => time.Hour switch
    {
        >= 7 and < 12 => PartOfDay.Morning,
        >= 12 and < 17 => PartOfDay.Afternoon,
        >= 17 and < 23 => PartOfDay.Evening,
        _ => PartOfDay.Night,
    };

    /// <summary>Hours of a slot (on one day) that fall in this part of the day.</summary>
    public static decimal Overlap(TimeOnly from, TimeOnly to, PartOfDay part)
    {
        var (start, end) = (from.Hour * 60 + from.Minute, to.Hour * 60 + to.Minute);
        var (partFrom, partTo) = Minutes(part);
        // The night is counted on both sides of midnight: 23:00-24:00 and 00:00-07:00.
        var minutes = Math.Max(0, Math.Min(end, partTo) - Math.Max(start, partFrom))
            + Math.Max(0, Math.Min(end, partTo - 1440) - Math.Max(start, partFrom - 1440));
        return minutes / 60m;
    }
}

/// <summary>
/// Share of contract hours that is direct client time. The rest goes to travel, the team's own
/// planning, intake, administration and training: about 60 % is the published Buurtzorg figure.
/// </summary>
public static class Productivity
{
    public const decimal DirectCareShare = 0.6m;

    /// <summary>
    /// Productivity as Buurtzorg measures it: direct client hours per contract hour, in percent.
    /// Direct client hours are the week's visit hours (see <see cref="TeamCapacity.VisitHoursThisWeek"/>).
    /// </summary>
    public static int? Percent(decimal visitHours, decimal contractHours) =>
        contractHours > 0 ? (int)Math.Round(100 * visitHours / contractHours, MidpointRounding.AwayFromZero) : null;
}

/// <summary>What the capacity figures need of a nurse: no name, only hours, rota and qualifications.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Capacity.NurseSupply")]
public sealed record NurseSupply(
    [property: Id(0)] decimal ContractHoursPerWeek,
    [property: Id(1)] IReadOnlyList<AvailabilitySlot> WeeklyAvailability,
    [property: Id(2)] IReadOnlyList<Qualification> Qualifications);

/// <summary>
/// Visits of the schedule's horizon that ask the same (weekday, window, length, qualification,
/// nurses), counted: what coverage is worked out from, without any client in it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Capacity.VisitNeed")]
public sealed record VisitNeed(
    [property: Id(0)] DayOfWeek Day,
    [property: Id(1)] TimeOnly WindowStart,
    [property: Id(2)] TimeOnly WindowEnd,
    [property: Id(3)] int DurationMinutes,
    [property: Id(4)] Qualification? RequiredQualification,
    [property: Id(5)] int NursesNeeded,
    [property: Id(6)] int Count);

/// <summary>
/// One part of the day of a team, in hours per week: what the visits ask (both nurses of a double
/// visit; a visit counts in the part its window's middle falls in), what the nurses' rota holds
/// (each nurse's availability scaled down to her contract hours when it is wider), and the hours
/// of visits no shift of a qualified nurse can hold at all.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Capacity.PartOfDayCoverage")]
public sealed record PartOfDayCoverage(
    [property: Id(0)] PartOfDay Part,
    [property: Id(1)] decimal DemandHoursPerWeek,
    [property: Id(2)] decimal RosteredHoursPerWeek,
    [property: Id(3)] decimal UncoveredHoursPerWeek)
{
    public decimal DirectCareHoursPerWeek => RosteredHoursPerWeek * Productivity.DirectCareShare;

    /// <summary>More asked than the rota gives in direct care, or visits that no shift can hold.</summary>
    public bool Short => DemandHoursPerWeek > DirectCareHoursPerWeek || UncoveredHoursPerWeek > 0;
}

/// <summary>A part of the day summed over a region or the nation, with how many teams are short in it.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Capacity.PartOfDayTotals")]
public sealed record PartOfDayTotals(
    [property: Id(0)] PartOfDay Part,
    [property: Id(1)] decimal DemandHoursPerWeek,
    [property: Id(2)] decimal RosteredHoursPerWeek,
    [property: Id(3)] decimal UncoveredHoursPerWeek,
    [property: Id(4)] int TeamsShort);

namespace Buurtzorg.Contracts.Capacity;

/// <summary>
/// A team's figures week by week (keyed by the team's id), so central staff see trends. The team's
/// capacity grain records the current week each time it passes its figures on; the last figure of
/// a week is that week's. At most <see cref="CapacityHistory.WeeksKept"/> weeks are kept.
/// </summary>
[Alias("Buurtzorg.Capacity.ICapacityHistoryGrain")]
public interface ICapacityHistoryGrain : IGrainWithGuidKey
{
    /// <summary>Sets the figures of their week, replacing what the week had.</summary>
    [Alias("Record")]
    ValueTask Record(WeekFigures figures);

    /// <summary>Adds figures for weeks that have none yet (the demo's generated past); recorded weeks stay.</summary>
    [Alias("Backfill")]
    ValueTask Backfill(IReadOnlyList<WeekFigures> weeks);

    /// <summary>The weeks from the one starting on <paramref name="fromMonday"/> on, oldest first.</summary>
    [Alias("GetWeeks")]
    ValueTask<IReadOnlyList<WeekFigures>> GetWeeks(DateOnly fromMonday);
}

/// <summary>
/// One team's week: nurses, contract hours, what the care plans ask, and the week's visit hours
/// (direct client hours). <see cref="Generated"/>: made up by the demo, not measured.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Capacity.WeekFigures")]
public sealed record WeekFigures(
    [property: Id(0)] DateOnly Week,
    [property: Id(1)] int Nurses,
    [property: Id(2)] decimal SupplyHoursPerWeek,
    [property: Id(3)] decimal DemandHoursPerWeek,
    [property: Id(4)] decimal VisitHours,
    [property: Id(5)] bool Generated = false)
{
    public int? ProductivityPercent => Productivity.Percent(VisitHours, SupplyHoursPerWeek);
}

public static class CapacityHistory
{
    /// <summary>Two years: enough for a year-on-year look, small enough to read whole.</summary>
    public const int WeeksKept = 104;

    /// <summary>The Monday of the week <paramref name="day"/> falls in.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}

namespace Buurtzorg.Grains;

/// <summary>The teams work in the Netherlands: "today" is the date in Amsterdam, not on the server.</summary>
public static class DutchCalendar
{
    private static readonly TimeZoneInfo Amsterdam = Find();

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The Dutch calendar day a moment falls on.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Amsterdam).DateTime);

    /// <summary>The moment a Dutch calendar day begins.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local));
    }

    /// <summary>A Dutch wall-clock time on a day, with the offset of that moment (summer time included).</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local));
    }

    private static TimeZoneInfo Find()
    {
        // Without time zone data (a bare container) the server's own zone is the best guess.
        return TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var zone) ? zone : TimeZoneInfo.Local;
    }
}

namespace Buurtzorg.Grains;

/// <summary>The teams work in the Netherlands: "today" is the date in Amsterdam, not on the server.</summary>
public static class DutchCalendar
{
    private static readonly TimeZoneInfo Amsterdam = Find();

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Amsterdam).DateTime);

    private static TimeZoneInfo Find()
    {
        // Without time zone data (a bare container) the server's own zone is the best guess.
        return TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var zone) ? zone : TimeZoneInfo.Local;
    }
}

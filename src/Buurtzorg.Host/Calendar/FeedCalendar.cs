using Buurtzorg.Contracts.CarePlans;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Buurtzorg.Host.Calendar;

/// <summary>
/// What both feeds share: a published calendar in Dutch time with its VTIMEZONE, a name for the
/// calendar app to show, and a hint to poll hourly. Each visit is one event whose UID is the
/// visit's (per feed), so a calendar app replaces the event when the visit changes.
/// </summary>
public static class FeedCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public const string TimeZone = "Europe/Amsterdam";

    /// <summary>A calendar whose events start no earlier than <paramref name="from"/> (its VTIMEZONE covers them from then on).</summary>
    public static Ical.Net.Calendar Create(string name, DateOnly from)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Buurtzorg//Agenda-abonnement//NL", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZone);
        // Calendar apps choose their own polling; those that read a hint get an hour, which is
        // fresh enough for a round and keeps a crowd of subscribers cheap.
        calendar.AddProperty("REFRESH-INTERVAL;VALUE=DURATION", "PT1H");
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        // The rules themselves, not only the zone's name: not every calendar app knows the names.
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZone, from.ToDateTime(TimeOnly.MinValue), includeHistoricalData: false));
        return calendar;
    }

    /// <summary>
    /// One visit as an event from <paramref name="start"/> to <paramref name="end"/> in Dutch time.
    /// SEQUENCE follows the visit's own version, which only grows; DTSTAMP is when the feed was read.
    /// </summary>
    public static CalendarEvent Event(string feed, Guid visitId, DateOnly date, TimeOnly start, TimeOnly end, long version, DateTimeOffset now) => new()
    {
        Uid = $"{visitId:N}.{feed}@buurtzorg",
        Start = new CalDateTime(date.ToDateTime(start), TimeZone),
        End = new CalDateTime(date.ToDateTime(end), TimeZone),
        DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
        Sequence = (int)Math.Min(version, int.MaxValue),
    };

    /// <summary>
    /// A task of the reader's own, agreed with the team, as a weekly event on its days from its
    /// first day on or after <paramref name="today"/>: at its time for an hour, in its part of the
    /// day, or all day. Its UID is the task's, SEQUENCE the plan's version of its last step.
    /// </summary>
    public static CalendarEvent Weekly(CircleTask task, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        var first = Enumerable.Range(0, 7).Select(today.AddDays).First(d => task.When.Days.Contains(d.DayOfWeek));
        var taskEvent = new CalendarEvent
        {
            Uid = $"{task.Id:N}.taak@buurtzorg",
            DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
            Sequence = task.Version,
            Summary = task.Text,
            Description = "Afgesproken met het team van Buurtzorg.",
        };
        if (task.When.At is null && task.When.PartOfDay is null)
        {
            taskEvent.Start = new CalDateTime(first);
            taskEvent.End = new CalDateTime(first.AddDays(1));
        }
        else
        {
            var (from, to) = task.When.Window();
            taskEvent.Start = new CalDateTime(first.ToDateTime(from), TimeZone);
            taskEvent.End = new CalDateTime(first.ToDateTime(to), TimeZone);
        }

        taskEvent.RecurrenceRule = new RecurrenceRule(FrequencyType.Weekly) { ByDay = [.. task.When.Days.Select(d => new WeekDay(d))] };
        return taskEvent;
    }

    public static string Time(TimeOnly time) => time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Serialize(Ical.Net.Calendar calendar) => new CalendarSerializer().SerializeToString(calendar) ?? "";
}

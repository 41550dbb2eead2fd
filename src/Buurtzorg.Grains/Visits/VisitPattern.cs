using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Nurses;

namespace Buurtzorg.Grains.Visits;

/// <summary>One time an intervention is due: its date, its number that day, and its time window.</summary>
public readonly record struct Occurrence(DateOnly Date, int Index, TimeOnly WindowStart, TimeOnly WindowEnd);

/// <summary>
/// One trip to a client: the <see cref="Lead"/> intervention's occurrence (which names the visit),
/// the client's other interventions done in the same trip, and what the trip as a whole asks.
/// </summary>
public sealed record CombinedVisit(
    Intervention Lead, Occurrence Occurrence, IReadOnlyList<Intervention> With,
    TimeOnly WindowStart, TimeOnly WindowEnd, int DurationMinutes, Qualification? RequiredQualification, int NursesNeeded);

/// <summary>
/// Turns an intervention's schedule into dated occurrences. "n times a day" puts n visits on
/// every day, splitting the window into n equal parts (the whole window for each if a part is
/// shorter than the visit). "n times a week" spreads them evenly from Monday (3x: Monday,
/// Wednesday, Friday), more than one a day splitting that day's window the same way.
/// </summary>
public static class VisitPattern
{
    /// <summary>
    /// A client's visits: the occurrences of all their interventions, those due in overlapping
    /// windows on one day joined into one trip. A nurse at the door for the stockings gives the
    /// morning medication too; three trips to one door in one morning is not how care is given.
    /// Joined only when the shared window still holds the summed time, the number of nurses is
    /// the same, and one nurse can hold what they ask: the same qualification, or basic care
    /// beside one specialism (every district nurse gives basic care).
    /// </summary>
    public static IEnumerable<CombinedVisit> Visits(IReadOnlyList<Intervention> interventions, DateOnly from, int days)
    {
        var due = interventions
            .SelectMany((intervention, order) => Occurrences(intervention.Schedule, from, days).Select(o => (Intervention: intervention, Order: order, Occurrence: o)))
            .GroupBy(d => d.Occurrence.Date)
            .OrderBy(g => g.Key);
        foreach (var day in due)
        {
            var trips = new List<List<(Intervention Intervention, Occurrence Occurrence)>>();
            foreach (var (intervention, _, occurrence) in day.OrderBy(d => d.Occurrence.WindowStart).ThenBy(d => d.Occurrence.WindowEnd).ThenBy(d => d.Order).ThenBy(d => d.Occurrence.Index))
            {
                var trip = trips.Find(t => Joins(t, intervention, occurrence));
                if (trip is null)
                {
                    trips.Add([(intervention, occurrence)]);
                }
                else
                {
                    trip.Add((intervention, occurrence));
                }
            }

            foreach (var trip in trips)
            {
                var (lead, occurrence) = trip[0];
                yield return new CombinedVisit(
                    lead,
                    occurrence,
                    [.. trip.Skip(1).Select(t => t.Intervention)],
                    trip.Max(t => t.Occurrence.WindowStart),
                    trip.Min(t => t.Occurrence.WindowEnd),
                    trip.Sum(t => t.Intervention.Schedule.DurationMinutes),
                    Needed(trip.Select(t => t.Intervention.Schedule.RequiredQualification)),
                    NursesNeeded(lead.Schedule));
            }
        }
    }

    public static int NursesNeeded(InterventionSchedule schedule) => schedule.TwoNurses ? 2 : 1;

    private static bool Joins(List<(Intervention Intervention, Occurrence Occurrence)> trip, Intervention intervention, Occurrence occurrence)
    {
        if (trip.Exists(t => t.Intervention.Id == intervention.Id) || NursesNeeded(trip[0].Intervention.Schedule) != NursesNeeded(intervention.Schedule))
        {
            return false;
        }

        var qualifications = trip.Select(t => t.Intervention.Schedule.RequiredQualification).Append(intervention.Schedule.RequiredQualification);
        if (Specialisms(qualifications).Count() > 1)
        {
            return false;
        }

        var start = trip.Max(t => t.Occurrence.WindowStart) is var s && s > occurrence.WindowStart ? s : occurrence.WindowStart;
        var end = trip.Min(t => t.Occurrence.WindowEnd) is var e && e < occurrence.WindowEnd ? e : occurrence.WindowEnd;
        var minutes = trip.Sum(t => t.Intervention.Schedule.DurationMinutes) + intervention.Schedule.DurationMinutes;
        return start < end && (end - start).TotalMinutes >= minutes;
    }

    private static IEnumerable<Qualification> Specialisms(IEnumerable<Qualification?> qualifications) =>
        qualifications.OfType<Qualification>().Where(q => q != Qualification.BasicCare).Distinct();

    private static Qualification? Needed(IEnumerable<Qualification?> qualifications)
    {
        var all = qualifications.ToList();
        return Specialisms(all).Cast<Qualification?>().FirstOrDefault() ?? all.OfType<Qualification>().Cast<Qualification?>().FirstOrDefault();
    }

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

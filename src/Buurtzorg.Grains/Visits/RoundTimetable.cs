using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Grains.Visits;

/// <summary>
/// Works out when each visit of a round happens: at a time the nurse fixed, at the time she
/// reported, or else as soon as the previous visit ends but not before the window opens. Where
/// that breaks a window or overlaps the previous visit, it says so and by how many minutes.
/// Travel between clients is not counted here: the round planner brings a travel model.
/// </summary>
public static class RoundTimetable
{
    public static (IReadOnlyList<RoundStop> Stops, IReadOnlyList<RoundWarning> Warnings) Work(
        IReadOnlyList<Visit> visits, IReadOnlyList<RoundPlanStop> order)
    {
        var byId = visits.ToDictionary(v => v.Id);
        var placed = order.Where(s => byId.ContainsKey(s.VisitId)).DistinctBy(s => s.VisitId).ToList();
        var chosen = placed.Select(s => s.VisitId).ToHashSet();
        placed.AddRange(visits.Where(v => !chosen.Contains(v.Id))
            .OrderBy(v => v.WindowStart).ThenBy(v => v.WindowEnd).ThenBy(v => v.Id)
            .Select(v => new RoundPlanStop(v.Id, null)));

        var stops = new List<RoundStop>();
        var warnings = new List<RoundWarning>();
        TimeOnly? previousEnd = null;
        foreach (var place in placed)
        {
            var visit = byId[place.VisitId];
            var (start, duration, fixedStart) = visit.Report is { Start: { } reported } report
                ? (reported, report.DurationMinutes, true)
                : place.Start is { } chosenStart
                    ? (chosenStart, visit.DurationMinutes, true)
                    : (previousEnd is { } after && after > visit.WindowStart ? after : visit.WindowStart, visit.DurationMinutes, false);
            var end = start.AddMinutes(duration);
            stops.Add(new RoundStop(visit, start, end, fixedStart));
            if (visit.Status == VisitStatus.NotDone)
            {
                continue;
            }

            if (start < visit.WindowStart)
            {
                warnings.Add(new RoundWarning(visit.Id, RoundWarningKind.Early, Minutes(start, visit.WindowStart)));
            }

            if (end > visit.WindowEnd || end < start)
            {
                warnings.Add(new RoundWarning(visit.Id, RoundWarningKind.Late, Minutes(visit.WindowEnd, end < start ? TimeOnly.MaxValue : end)));
            }

            if (previousEnd is { } before && before > start)
            {
                warnings.Add(new RoundWarning(visit.Id, RoundWarningKind.Overlap, Minutes(start, before)));
            }

            previousEnd = end < start ? TimeOnly.MaxValue : end;
        }

        return (stops, warnings);
    }

    private static int Minutes(TimeOnly from, TimeOnly to) => (int)Math.Ceiling((to - from).TotalMinutes);
}

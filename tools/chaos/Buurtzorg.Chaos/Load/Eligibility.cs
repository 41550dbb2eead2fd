using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Chaos.Load;

/// <summary>
/// Whether a nurse may take a visit, by the team schedule's own rule (qualification, not on
/// leave, on shift long enough inside the visit's window): the load asks only what a nurse at
/// her page would, so a refusal in the results is the system's doing, not the harness's.
/// </summary>
public static class Eligibility
{
    public static bool MayTake(NurseRecord nurse, Visit visit) =>
        (visit.RequiredQualification is not { } needed || nurse.Profile.Qualifications.Contains(needed))
        && !nurse.Absences.Any(a => a.From <= visit.Date && visit.Date <= a.To)
        && nurse.Profile.WeeklyAvailability.Any(slot =>
        {
            var from = slot.From > visit.WindowStart ? slot.From : visit.WindowStart;
            var to = slot.To < visit.WindowEnd ? slot.To : visit.WindowEnd;
            return slot.Day == visit.Date.DayOfWeek && from < to && (to - from).TotalMinutes >= visit.DurationMinutes;
        });
}

using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Grains.Visits;

/// <summary>
/// Nurses plan their own rounds on the team's schedule. Every change is one turn of this grain,
/// so of two nurses claiming the same visit at the same moment exactly one is first; each change
/// is stored as one new version and published as one event, or refused with nothing changed.
/// The steps (claim, hand over, order a round) change memory only; <see cref="Change{T}"/> stores
/// them, so a proposal can take many of them as one change.
/// </summary>
public sealed partial class TeamScheduleGrain
{
    public ValueTask<ScheduleDelta> GetChanges(long since)
    {
        var complete = since < State.RemovalsKnownSince || since > State.Version;
        return ValueTask.FromResult(new ScheduleDelta(
            this.GetPrimaryKey(),
            since,
            State.Version,
            complete,
            [.. State.Visits.Where(v => complete || v.Version > since).OrderBy(v => v.Date).ThenBy(v => v.WindowStart)],
            complete ? [] : [.. State.Removed.Where(r => r.Version > since).Select(r => r.Id)]));
    }

    public ValueTask<RoundResult> Claim(Guid visitId, Guid nurseId) => OnVisit(visitId, change => ClaimFor(visitId, nurseId, by: nurseId, change));

    /// <summary>Takes the visit for the nurse, in memory, or says why not; hers already is no change.</summary>
    private async Task<RoundError> ClaimFor(Guid visitId, Guid nurseId, Guid by, ScheduleChange change)
    {
        if (Find(visitId) is not { } at)
        {
            return RoundError.VisitNotFound;
        }

        var visit = State.Visits[at];
        if (visit.AssignedNurses.Contains(nurseId))
        {
            return RoundError.None;
        }

        if (visit.Status != VisitStatus.Open)
        {
            return RoundError.VisitClosed;
        }

        if (visit.AssignedNurses.Count >= visit.NursesNeeded)
        {
            return RoundError.ClaimedByOther;
        }

        if (await CheckNurse(nurseId, visit) is { } refusal)
        {
            return refusal;
        }

        Assign(at, visit with { AssignedNurses = [.. visit.AssignedNurses, nurseId], ChangedBy = by }, alsoNurse: null, change);
        return RoundError.None;
    }

    public ValueTask<RoundResult> Release(Guid visitId, Guid nurseId) => OnVisit(visitId, change =>
    {
        if (Find(visitId) is not { } at)
        {
            return Task.FromResult(RoundError.VisitNotFound);
        }

        var visit = State.Visits[at];
        if (!visit.AssignedNurses.Contains(nurseId))
        {
            return Task.FromResult(RoundError.NotAssigned);
        }

        if (visit.Status is VisitStatus.Done or VisitStatus.NotDone)
        {
            return Task.FromResult(RoundError.VisitClosed);
        }

        Assign(at, visit with { AssignedNurses = [.. visit.AssignedNurses.Where(n => n != nurseId)], ChangedBy = nurseId }, alsoNurse: nurseId, change);
        return Task.FromResult(RoundError.None);
    });

    public ValueTask<RoundResult> HandOver(Guid visitId, Guid fromNurseId, Guid toNurseId) =>
        OnVisit(visitId, change => HandOverFor(visitId, fromNurseId, toNurseId, by: fromNurseId, change));

    private async Task<RoundError> HandOverFor(Guid visitId, Guid fromNurseId, Guid toNurseId, Guid by, ScheduleChange change)
    {
        if (Find(visitId) is not { } at)
        {
            return RoundError.VisitNotFound;
        }

        var visit = State.Visits[at];
        if (!visit.AssignedNurses.Contains(fromNurseId))
        {
            return RoundError.NotAssigned;
        }

        if (visit.AssignedNurses.Contains(toNurseId))
        {
            return RoundError.AlreadyAssigned;
        }

        if (visit.Status != VisitStatus.Open)
        {
            return RoundError.VisitClosed;
        }

        if (await CheckNurse(toNurseId, visit) is { } refusal)
        {
            return refusal;
        }

        Assign(at, visit with { AssignedNurses = [.. visit.AssignedNurses.Select(n => n == fromNurseId ? toNurseId : n)], ChangedBy = by }, alsoNurse: fromNurseId, change);
        return RoundError.None;
    }

    public ValueTask<NurseRound> GetRound(Guid nurseId, DateOnly date) => ValueTask.FromResult(Round(nurseId, date));

    public async ValueTask<RoundResult> PlanRound(Guid nurseId, DateOnly date, IReadOnlyList<RoundPlanStop> stops)
    {
        var error = await Change(change =>
        {
            change.Answer = () => new RoundResult(RoundError.None, State.Version, null, Round(nurseId, date));
            return PlanRoundOf(nurseId, date, stops, change);
        });
        return error switch
        {
            RoundError.None => new RoundResult(RoundError.None, State.Version, null, Round(nurseId, date)),
            RoundError.RoundMismatch => RoundResult.Refused(error, State.Version) with { Round = Round(nurseId, date) },
            _ => RoundResult.Refused(error, State.Version),
        };
    }

    /// <summary>Sets her order of the day in memory: exactly her visits of that day, each once.</summary>
    private async Task<RoundError> PlanRoundOf(Guid nurseId, DateOnly date, IReadOnlyList<RoundPlanStop> stops, ScheduleChange change)
    {
        if ((await GrainFactory.GetGrain<INurseGrain>(nurseId).Get())?.TeamId != this.GetPrimaryKey())
        {
            return RoundError.NurseNotInTeam;
        }

        var hers = RoundVisits(nurseId, date).Select(v => v.Id).ToHashSet();
        if (stops.Count != hers.Count || !stops.All(s => hers.Contains(s.VisitId)) || stops.DistinctBy(s => s.VisitId).Count() != stops.Count)
        {
            return RoundError.RoundMismatch;
        }

        StoredRoundOf(nurseId, date).Stops = [.. stops];
        change.Days.Add(date);
        change.Visits.UnionWith(hers);
        change.Nurses.Add(nurseId);
        return RoundError.None;
    }

    public ValueTask<RoundResult> Report(Guid visitId, Guid nurseId, VisitDeviation? deviation, Guid recordedBy) => OnVisit(visitId, change =>
    {
        if (Find(visitId) is not { } at)
        {
            return Task.FromResult(RoundError.VisitNotFound);
        }

        var visit = State.Visits[at];
        if (!visit.AssignedNurses.Contains(nurseId))
        {
            return Task.FromResult(RoundError.NotAssigned);
        }

        if (visit.Status != VisitStatus.Open)
        {
            return Task.FromResult(RoundError.VisitClosed);
        }

        if (visit.Date > DutchCalendar.Today(clock))
        {
            return Task.FromResult(RoundError.NotYetDue);
        }

        var planned = Round(nurseId, visit.Date).Stops.First(s => s.Visit.Id == visitId).PlannedStart;
        var done = deviation?.Done ?? true;
        var report = new VisitReport(
            nurseId,
            clock.GetUtcNow(),
            done,
            AsPlanned: deviation is null,
            done ? deviation?.Start ?? planned : null,
            done ? deviation?.DurationMinutes ?? visit.DurationMinutes : 0,
            done ? null : deviation!.NotDoneReason,
            recordedBy);
        State.Visits[at] = visit with { Status = done ? VisitStatus.Done : VisitStatus.NotDone, Report = report, ChangedBy = recordedBy };
        change.Visits.Add(visitId);
        return Task.FromResult(RoundError.None);
    });

    /// <summary>One nurse's action on one visit, stored as its own change; the answer shows the visit as it is after it.</summary>
    private async ValueTask<RoundResult> OnVisit(Guid visitId, Func<ScheduleChange, Task<RoundError>> step)
    {
        var error = await Change(change =>
        {
            change.Answer = () => Answer(visitId, RoundError.None);
            return step(change);
        });
        return Answer(visitId, error);
    }

    private RoundResult Answer(Guid visitId, RoundError error)
    {
        var visit = Find(visitId) is { } at ? State.Visits[at] : null;
        return error == RoundError.None && visit is not null ? Done(visit) : RoundResult.Refused(error, State.Version, visit);
    }

    /// <summary>Why this nurse may not take this visit, or null if she may.</summary>
    private async Task<RoundError?> CheckNurse(Guid nurseId, Visit visit)
    {
        if (await GrainFactory.GetGrain<INurseGrain>(nurseId).Get() is not { } nurse)
        {
            return RoundError.NurseNotFound;
        }

        if (nurse.TeamId != this.GetPrimaryKey())
        {
            return RoundError.NurseNotInTeam;
        }

        if (visit.RequiredQualification is { } needed && !nurse.Profile.Qualifications.Contains(needed))
        {
            return RoundError.MissingQualification;
        }

        return Available(nurse, visit) ? null : RoundError.OutsideAvailability;
    }

    /// <summary>Not on leave that day, and working long enough inside the visit's window to do it.</summary>
    private static bool Available(NurseRecord nurse, Visit visit) =>
        !nurse.Absences.Any(a => a.From <= visit.Date && visit.Date <= a.To)
        && nurse.Profile.WeeklyAvailability.Any(slot =>
        {
            var from = slot.From > visit.WindowStart ? slot.From : visit.WindowStart;
            var to = slot.To < visit.WindowEnd ? slot.To : visit.WindowEnd;
            return slot.Day == visit.Date.DayOfWeek && from < to && (to - from).TotalMinutes >= visit.DurationMinutes;
        });

    private void Assign(int at, Visit changed, Guid? alsoNurse, ScheduleChange change)
    {
        State.Visits[at] = changed;
        foreach (var round in State.Rounds.Where(r => r.Date == changed.Date))
        {
            // A visit that is no longer hers leaves her chosen order; a new one joins it at the end.
            if (!changed.AssignedNurses.Contains(round.NurseId))
            {
                round.Stops.RemoveAll(s => s.VisitId == changed.Id);
            }
            else if (!round.Stops.Exists(s => s.VisitId == changed.Id))
            {
                round.Stops.Add(new RoundPlanStop(changed.Id, null));
            }
        }

        change.Visits.Add(changed.Id);
        if (alsoNurse is { } nurse)
        {
            change.Nurses.Add(nurse);
        }
    }

    private RoundResult Done(Visit visit) => new(RoundError.None, State.Version, visit, null);

    private int? Find(Guid visitId)
    {
        var at = State.Visits.FindIndex(v => v.Id == visitId);
        return at < 0 ? null : at;
    }

    private IEnumerable<Visit> RoundVisits(Guid nurseId, DateOnly date) =>
        State.Visits.Where(v => v.Date == date && v.Status != VisitStatus.Cancelled && v.AssignedNurses.Contains(nurseId));

    private StoredRound StoredRoundOf(Guid nurseId, DateOnly date)
    {
        if (State.Rounds.Find(r => r.NurseId == nurseId && r.Date == date) is not { } round)
        {
            round = new StoredRound { NurseId = nurseId, Date = date };
            State.Rounds.Add(round);
        }

        return round;
    }

    private NurseRound Round(Guid nurseId, DateOnly date)
    {
        var visits = RoundVisits(nurseId, date).ToList();
        var order = State.Rounds.Find(r => r.NurseId == nurseId && r.Date == date)?.Stops ?? [];
        var (stops, warnings) = RoundTimetable.Work(visits, order);
        return new NurseRound(this.GetPrimaryKey(), nurseId, date, State.Version, stops, warnings);
    }
}

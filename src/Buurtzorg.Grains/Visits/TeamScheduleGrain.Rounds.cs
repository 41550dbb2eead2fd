using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Grains.Visits;

/// <summary>
/// Nurses plan their own rounds on the team's schedule. Every change is one turn of this grain,
/// so of two nurses claiming the same visit at the same moment exactly one is first; each change
/// is stored as one new version and published as one event, or refused with nothing changed.
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

    public ValueTask<RoundResult> Claim(Guid visitId, Guid nurseId) => ClaimFor(visitId, nurseId, by: nurseId);

    private async ValueTask<RoundResult> ClaimFor(Guid visitId, Guid nurseId, Guid by)
    {
        if (Find(visitId) is not { } at)
        {
            return RoundResult.Refused(RoundError.VisitNotFound, State.Version);
        }

        var visit = State.Visits[at];
        if (visit.AssignedNurses.Contains(nurseId))
        {
            return Done(visit);
        }

        if (visit.Status != VisitStatus.Open)
        {
            return RoundResult.Refused(RoundError.VisitClosed, State.Version, visit);
        }

        if (visit.AssignedNurses.Count >= visit.NursesNeeded)
        {
            return RoundResult.Refused(RoundError.ClaimedByOther, State.Version, visit);
        }

        if (await CheckNurse(nurseId, visit) is { } refusal)
        {
            return RoundResult.Refused(refusal, State.Version, visit);
        }

        return await Assign(at, visit with { AssignedNurses = [.. visit.AssignedNurses, nurseId], ChangedBy = by }, alsoNurse: null);
    }

    public async ValueTask<RoundResult> Release(Guid visitId, Guid nurseId)
    {
        if (Find(visitId) is not { } at)
        {
            return RoundResult.Refused(RoundError.VisitNotFound, State.Version);
        }

        var visit = State.Visits[at];
        if (!visit.AssignedNurses.Contains(nurseId))
        {
            return RoundResult.Refused(RoundError.NotAssigned, State.Version, visit);
        }

        if (visit.Status is VisitStatus.Done or VisitStatus.NotDone)
        {
            return RoundResult.Refused(RoundError.VisitClosed, State.Version, visit);
        }

        return await Assign(at, visit with { AssignedNurses = [.. visit.AssignedNurses.Where(n => n != nurseId)], ChangedBy = nurseId }, alsoNurse: nurseId);
    }

    public ValueTask<RoundResult> HandOver(Guid visitId, Guid fromNurseId, Guid toNurseId) => HandOverFor(visitId, fromNurseId, toNurseId, by: fromNurseId);

    private async ValueTask<RoundResult> HandOverFor(Guid visitId, Guid fromNurseId, Guid toNurseId, Guid by)
    {
        if (Find(visitId) is not { } at)
        {
            return RoundResult.Refused(RoundError.VisitNotFound, State.Version);
        }

        var visit = State.Visits[at];
        if (!visit.AssignedNurses.Contains(fromNurseId))
        {
            return RoundResult.Refused(RoundError.NotAssigned, State.Version, visit);
        }

        if (visit.AssignedNurses.Contains(toNurseId))
        {
            return RoundResult.Refused(RoundError.AlreadyAssigned, State.Version, visit);
        }

        if (visit.Status != VisitStatus.Open)
        {
            return RoundResult.Refused(RoundError.VisitClosed, State.Version, visit);
        }

        if (await CheckNurse(toNurseId, visit) is { } refusal)
        {
            return RoundResult.Refused(refusal, State.Version, visit);
        }

        return await Assign(at, visit with { AssignedNurses = [.. visit.AssignedNurses.Select(n => n == fromNurseId ? toNurseId : n)], ChangedBy = by }, alsoNurse: fromNurseId);
    }

    public ValueTask<NurseRound> GetRound(Guid nurseId, DateOnly date) => ValueTask.FromResult(Round(nurseId, date));

    public async ValueTask<RoundResult> PlanRound(Guid nurseId, DateOnly date, IReadOnlyList<RoundPlanStop> stops)
    {
        if ((await GrainFactory.GetGrain<INurseGrain>(nurseId).Get())?.TeamId != this.GetPrimaryKey())
        {
            return RoundResult.Refused(RoundError.NurseNotInTeam, State.Version);
        }

        var hers = RoundVisits(nurseId, date).Select(v => v.Id).ToHashSet();
        if (stops.Count != hers.Count || !stops.All(s => hers.Contains(s.VisitId)) || stops.DistinctBy(s => s.VisitId).Count() != stops.Count)
        {
            return RoundResult.Refused(RoundError.RoundMismatch, State.Version) with { Round = Round(nurseId, date) };
        }

        var round = StoredRoundOf(nurseId, date);
        round.Stops = [.. stops];
        await Commit([.. hers], alsoNurses: [nurseId]);
        return new RoundResult(RoundError.None, State.Version, null, Round(nurseId, date));
    }

    public async ValueTask<RoundResult> Report(Guid visitId, Guid nurseId, VisitDeviation? deviation, Guid recordedBy)
    {
        if (Find(visitId) is not { } at)
        {
            return RoundResult.Refused(RoundError.VisitNotFound, State.Version);
        }

        var visit = State.Visits[at];
        if (!visit.AssignedNurses.Contains(nurseId))
        {
            return RoundResult.Refused(RoundError.NotAssigned, State.Version, visit);
        }

        if (visit.Status != VisitStatus.Open)
        {
            return RoundResult.Refused(RoundError.VisitClosed, State.Version, visit);
        }

        if (visit.Date > DutchCalendar.Today(clock))
        {
            return RoundResult.Refused(RoundError.NotYetDue, State.Version, visit);
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
        await Commit([visitId]);
        return Done(State.Visits[at]);
    }

    public async ValueTask<ProposalAccepted> AcceptProposal(long expectedVersion, DateOnly date, IReadOnlyList<ProposedRound> rounds, Guid acceptedBy)
    {
        if (State.Version != expectedVersion)
        {
            return new ProposalAccepted(RoundError.ScheduleMoved, State.Version, 0, []);
        }

        var claimed = 0;
        var reordered = 0;
        var moved = 0;
        var skipped = new List<UnplacedVisit>();
        foreach (var round in rounds)
        {
            var before = Round(round.NurseId, date).Stops.Select(s => s.Visit.Id).ToList();
            foreach (var stop in round.Stops)
            {
                if (stop.MovedFrom is { } from && from != round.NurseId && Find(stop.VisitId) is { } had && State.Visits[had].AssignedNurses.Contains(from))
                {
                    if (await Move(State.Visits[had], from, round.NurseId, acceptedBy) is { } notMoved)
                    {
                        skipped.Add(notMoved);
                    }
                    else
                    {
                        moved++;
                    }

                    continue;
                }

                var mine = Find(stop.VisitId) is { } at && State.Visits[at].AssignedNurses.Contains(round.NurseId);
                var result = await ClaimFor(stop.VisitId, round.NurseId, acceptedBy);
                if (result.Error != RoundError.None)
                {
                    skipped.Add(new UnplacedVisit(stop.VisitId, result.Error.ToString(), "Not taken: the same check as a nurse's own claim refused it."));
                }
                else if (!mine)
                {
                    claimed++;
                }
            }

            // Her round in the proposed order and times; anything of hers the proposal did not
            // mention (done, or not plannable) follows in its own order.
            var hers = RoundVisits(round.NurseId, date).Select(v => v.Id).ToHashSet();
            var order = round.Stops.Where(s => hers.Contains(s.VisitId)).Select(s => new RoundPlanStop(s.VisitId, s.Start)).ToList();
            order.AddRange(Round(round.NurseId, date).Stops.Where(s => !order.Exists(o => o.VisitId == s.Visit.Id)).Select(s => new RoundPlanStop(s.Visit.Id, null)));
            if (order.Count > 0)
            {
                await PlanRound(round.NurseId, date, order);
            }

            // "0 visits added" must not hide that her round changed: the visits she already had,
            // in their new order, against their order before.
            var kept = before.ToHashSet();
            if (!Round(round.NurseId, date).Stops.Select(s => s.Visit.Id).Where(kept.Contains).SequenceEqual(before))
            {
                reordered++;
            }
        }

        return new ProposalAccepted(RoundError.None, State.Version, claimed, skipped, reordered, moved);
    }

    /// <summary>
    /// Hands a visit over as a proposal moved it, or says why it stays with the nurse who has it.
    /// The body of an acceptance is the caller's: a move is only carried out when she is the one
    /// accepting (as she could hand it over herself), or when the record shows she can no longer
    /// do it (leave, hours, qualification), so no proposal takes away a visit she could still do.
    /// </summary>
    private async Task<UnplacedVisit?> Move(Visit visit, Guid from, Guid to, Guid acceptedBy)
    {
        if (acceptedBy != from && await CheckNurse(from, visit) is null)
        {
            return new UnplacedVisit(visit.Id, "StaysWithNurse", "Not moved: she can still do it, so only she can hand it over.", from);
        }

        var result = await HandOverFor(visit.Id, from, to, acceptedBy);
        return result.Error == RoundError.None
            ? null
            : new UnplacedVisit(visit.Id, result.Error.ToString(), "Not moved: the same check as a hand-over by hand refused it; it stays with her.", from);
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

    private async Task<RoundResult> Assign(int at, Visit changed, Guid? alsoNurse)
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

        await Commit([changed.Id], alsoNurses: alsoNurse is { } nurse ? [nurse] : null);
        return Done(State.Visits[at]);
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

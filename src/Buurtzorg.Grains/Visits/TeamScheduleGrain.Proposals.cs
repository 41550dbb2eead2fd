using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Grains.Visits;

/// <summary>
/// The team takes a planner's proposal. Each visit goes through the same checks as a nurse's own
/// claim or hand-over, and each round is ordered as she would order it, but the whole proposal is
/// one change: one write and one event. A fault anywhere in it leaves the schedule as it was,
/// never half a proposal taken.
/// </summary>
public sealed partial class TeamScheduleGrain
{
    public async ValueTask<ProposalAccepted> AcceptProposal(long expectedVersion, DateOnly date, IReadOnlyList<ProposedRound> rounds, Guid acceptedBy)
    {
        if (State.Version != expectedVersion)
        {
            return new ProposalAccepted(RoundError.ScheduleMoved, State.Version, 0, []);
        }

        var accepted = await Change(async change =>
        {
            var taken = await Take(date, rounds, acceptedBy, change);
            change.Answer = () => taken with { Version = State.Version };
            return taken;
        });
        return accepted with { Version = State.Version };
    }

    private async Task<ProposalAccepted> Take(DateOnly date, IReadOnlyList<ProposedRound> rounds, Guid acceptedBy, ScheduleChange change)
    {
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
                    if (await Move(State.Visits[had], from, round.NurseId, acceptedBy, change) is { } notMoved)
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
                var error = await ClaimFor(stop.VisitId, round.NurseId, acceptedBy, change);
                if (error != RoundError.None)
                {
                    skipped.Add(new UnplacedVisit(stop.VisitId, error.ToString(), "Not taken: the same check as a nurse's own claim refused it."));
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
                await PlanRoundOf(round.NurseId, date, order, change);
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
    private async Task<UnplacedVisit?> Move(Visit visit, Guid from, Guid to, Guid acceptedBy, ScheduleChange change)
    {
        if (acceptedBy != from && await CheckNurse(from, visit) is null)
        {
            return new UnplacedVisit(visit.Id, "StaysWithNurse", "Not moved: she can still do it, so only she can hand it over.", from);
        }

        var error = await HandOverFor(visit.Id, from, to, acceptedBy, change);
        return error == RoundError.None
            ? null
            : new UnplacedVisit(visit.Id, error.ToString(), "Not moved: the same check as a hand-over by hand refused it; it stays with her.", from);
    }
}

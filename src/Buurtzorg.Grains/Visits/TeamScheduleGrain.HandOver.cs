using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Grains.Visits;

/// <summary>
/// A client moving to another team's schedule, as a dividing team does with each of its clients.
/// Each side is one change (one version, one event); the hand-over is safe to repeat, because a
/// division cut off by a stopping silo is carried out again from the start.
/// </summary>
public sealed partial class TeamScheduleGrain
{
    public async ValueTask HandOverClient(Guid clientId, Guid toTeamId, IReadOnlyList<Guid> toTeamNurses)
    {
        var visits = State.Visits.Where(v => v.ClientId == clientId).ToList();
        var interventions = State.ClientInterventions.GetValueOrDefault(clientId);
        if (visits.Count == 0 && interventions is null)
        {
            return;
        }

        // Each nurse's whole order of a day goes, not just this client's stops: the receiving
        // schedule keeps those of its own visits, so the stops of clients handed over one by one
        // end in her order as she chose it. The orders stay here for the next clients' hand-overs
        // (they show nothing once the visits are gone, and leave with the horizon).
        var going = toTeamNurses.ToHashSet();
        var dates = visits.Select(v => v.Date).ToHashSet();
        var rounds = State.Rounds
            .Where(r => going.Contains(r.NurseId) && dates.Contains(r.Date))
            .Select(r => new RoundOrder(r.NurseId, r.Date, [.. r.Stops]))
            .ToList();

        // The new schedule has the client before this one lets go: a stop in between leaves a
        // copy here, which the repeated hand-over then removes.
        await GrainFactory.GetGrain<ITeamScheduleGrain>(toTeamId).TakeOverClient(clientId, interventions ?? [], visits, toTeamNurses, rounds);
        await Change(change =>
        {
            State.Visits.RemoveAll(v => v.ClientId == clientId);
            State.ClientInterventions.Remove(clientId);
            change.Clients.Add(clientId);
            visits.ForEach(change.Left);
        });
    }

    public async ValueTask TakeOverClient(
        Guid clientId, IReadOnlyList<Intervention> interventions, IReadOnlyList<Visit> visits, IReadOnlyList<Guid> teamNurses, IReadOnlyList<RoundOrder> rounds)
    {
        await Change(change =>
        {
            var members = teamNurses.ToHashSet();
            var takenOff = new HashSet<Guid>();
            State.Visits.RemoveAll(v => v.ClientId == clientId);
            foreach (var visit in visits)
            {
                State.Visits.Add(Keep(visit, members, takenOff));
            }

            if (interventions.Count > 0)
            {
                State.ClientInterventions[clientId] = [.. interventions];
            }
            else
            {
                State.ClientInterventions.Remove(clientId);
            }

            foreach (var order in rounds.Where(r => members.Contains(r.NurseId)))
            {
                // Replacing (not adding to) her order keeps a repeated take-over from doubling stops.
                var hers = RoundVisits(order.NurseId, order.Date).Select(v => v.Id).ToHashSet();
                StoredRoundOf(order.NurseId, order.Date).Stops = [.. order.Stops.Where(s => hers.Contains(s.VisitId))];
                change.Days.Add(order.Date);
            }

            // One event names the visits and also the nurses taken off them, so their own pages
            // hear that the visits are no longer theirs.
            change.Visits.UnionWith(visits.Select(v => v.Id));
            change.Clients.Add(clientId);
            change.Nurses.UnionWith(takenOff);
        });
    }

    /// <summary>
    /// The visit as this team holds it: a nurse who is not in the team is taken off a visit still
    /// to be done, which is open again to the team (or, of a double visit, has a place open).
    /// The change is the division's, not a nurse's, so it names nobody as having made it. A done
    /// or not-done visit keeps who did it: that is the record of what happened.
    /// </summary>
    private static Visit Keep(Visit visit, HashSet<Guid> members, HashSet<Guid> takenOff)
    {
        if (visit.Status is VisitStatus.Done or VisitStatus.NotDone || visit.AssignedNurses.All(members.Contains))
        {
            return visit;
        }

        takenOff.UnionWith(visit.AssignedNurses.Where(n => !members.Contains(n)));
        return visit with { AssignedNurses = [.. visit.AssignedNurses.Where(members.Contains)], ChangedBy = null };
    }
}

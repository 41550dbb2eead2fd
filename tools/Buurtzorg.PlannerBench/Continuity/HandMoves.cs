using Buurtzorg.Planning;
using Buurtzorg.Planning.Checking;

namespace Buurtzorg.PlannerBench.Continuity;

/// <summary>What a day became after the team's own swaps.</summary>
internal sealed record HandMoved(PlanningResult Realised, int Attempted, int Made);

/// <summary>
/// The swaps a team makes by hand after accepting a proposal, about one visit in five: a single
/// visit (a double visit needs two nurses to agree, so teams leave those alone) goes to another
/// qualified nurse whose shift meets its window (one who has been to the client in the last four
/// weeks when one is on: that is the colleague a nurse asks first), at its place in time in her round, if the day
/// stays feasible (<see cref="PlanChecker"/>) and no later than it was: the checker allows a visit
/// late past its window (soft windows), but no nurse takes a swap that keeps a client waiting, and
/// without that rule the swaps alone made the realised days six times as late as the proposals
/// (measured). The random numbers come from the team and the day only and each attempt takes
/// the same two, so every strategy is offered the same swaps in the same order; whether one can be
/// made depends on the strategy's plan.
/// </summary>
internal static class HandMoves
{
    private const double Tolerance = 1e-6;

    // At the team's load most swaps do not fit (about one in seven does, measured; mostly she
    // would be home after her shift ends): a team tries up to this many per swap it wants before
    // it settles for fewer. Twice as many tries made hardly more swaps.
    private const int AttemptsPerMove = 10;

    public static HandMoved Apply(PlanningProblem problem, PlanningResult proposal, int visits, double share, Random random)
    {
        var linked = problem.TaskLinks.SelectMany(l => new[] { l.First, l.Second }).ToHashSet(StringComparer.Ordinal);
        var singles = problem.Tasks.Where(t => !linked.Contains(t.Id)).ToList();
        var order = proposal.Rounds.ToDictionary(r => r.NurseId, r => r.Stops.Select(s => s.TaskId).ToList(), StringComparer.Ordinal);
        var current = RoundPlanner.Evaluate(problem, Frozen(order));
        var known = problem.CareHistory.Select(h => (h.NurseId, h.ClientId)).ToHashSet();
        var target = (int)Math.Round(share * visits);
        int attempted = 0, made = 0;
        while (made < target && attempted < AttemptsPerMove * target && singles.Count > 0)
        {
            attempted++;
            var task = singles[random.Next(singles.Count)];
            var pickNurse = random.Next();
            var holder = current.Rounds.FirstOrDefault(r => r.Stops.Any(s => s.TaskId == task.Id));
            var takers = problem.Nurses.Where(n => (task.Qualification is null || n.Qualifications.Contains(task.Qualification))
                && n.ShiftStart <= task.WindowEnd && n.ShiftEnd >= task.WindowStart).ToList();
            if (holder is null || takers.Count == 0)
            {
                continue;
            }

            // A visit goes to a colleague who knows the client when one is on: that is who a nurse
            // asks first. The same draw for every strategy picks among them.
            var colleagues = takers.Where(n => n.Id != holder.NurseId).ToList();
            var knowing = colleagues.Where(n => known.Contains((n.Id, task.ClientId))).ToList();
            var pool = knowing.Count > 0 ? knowing : colleagues;
            if (pool.Count == 0)
            {
                continue;
            }

            var taker = pool[pickNurse % pool.Count];

            var start = holder.Stops.First(s => s.TaskId == task.Id).Start;
            var theirs = current.Rounds.First(r => r.NurseId == taker.Id).Stops;
            var moved = order.ToDictionary(x => x.Key, x => x.Value.ToList(), StringComparer.Ordinal);
            moved[holder.NurseId].Remove(task.Id);
            moved[taker.Id].Insert(theirs.Count(s => s.Start <= start), task.Id);
            var evaluated = RoundPlanner.Evaluate(problem, Frozen(moved));
            if (PlanChecker.Check(problem, evaluated).Feasible && evaluated.Cost.Lateness <= current.Cost.Lateness + Tolerance)
            {
                (order, current) = (moved, evaluated);
                made++;
            }
        }

        return new HandMoved(current, attempted, made);
    }

    private static Dictionary<string, IReadOnlyList<string>> Frozen(Dictionary<string, List<string>> order) =>
        order.ToDictionary(x => x.Key, x => (IReadOnlyList<string>)x.Value, StringComparer.Ordinal);
}

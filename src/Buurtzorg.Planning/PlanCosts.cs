namespace Buurtzorg.Planning;

/// <summary>Counts a plan's cost per objective from its rounds, in the problem's units.</summary>
public static class PlanCosts
{
    public static PlanCost Count(PlanningProblem problem, IReadOnlyList<PlannedRound> rounds)
    {
        var tasks = problem.Tasks.ToDictionary(t => t.Id);
        var nurses = problem.Nurses.ToDictionary(n => n.Id);
        var familiarity = new Familiarity(problem);
        double travel = 0, lateness = 0, maxLateness = 0;
        var pairs = new HashSet<(string Nurse, string Client)>();
        var clientNurses = new Dictionary<string, HashSet<string>>();
        var work = new List<double>();
        foreach (var round in rounds)
        {
            var nurse = nurses[round.NurseId];
            var location = nurse.StartLocation;
            double minutes = 0;
            foreach (var stop in round.Stops)
            {
                var task = tasks[stop.TaskId];
                travel += problem.Travel.Between(location, task.Location);
                location = task.Location;
                var late = Math.Max(0, stop.Start - task.WindowEnd);
                lateness += late;
                maxLateness = Math.Max(maxLateness, late);
                minutes += stop.End - stop.Start;
                pairs.Add((nurse.Id, task.ClientId));
                (clientNurses.TryGetValue(task.ClientId, out var set) ? set : clientNurses[task.ClientId] = []).Add(nurse.Id);
            }

            if (round.Stops.Count > 0)
            {
                travel += problem.Travel.Between(location, nurse.EndLocation);
            }

            work.Add(minutes);
        }

        var weights = problem.Cost;
        var used = rounds.Count(r => r.Stops.Count > 0);
        var spread = work.Count == 0 ? 0 : work.Max() - work.Min();
        // Each nurse a client gets that day is priced once, by how much of a stranger she is.
        var strangeness = familiarity.Counts ? pairs.Sum(p => familiarity.Strangeness(p.Nurse, p.Client)) : 0;
        var weighted = weights.Travel * travel + weights.Lateness * lateness + weights.MaxLateness * maxLateness
            + weights.Continuity * strangeness + weights.Fairness * spread + weights.PerNurseUsed * used;
        var newPairs = pairs.Count(p => !familiarity.HasBeen(p.Nurse, p.Client));
        return new PlanCost(travel, lateness, maxLateness, newPairs, clientNurses.Values.Sum(s => s.Count), spread, used, weighted);
    }
}

using System.Diagnostics;
using Buurtzorg.Planning;
using Buurtzorg.Planning.Checking;
using Buurtzorg.Tools;

namespace Buurtzorg.PlannerBench.Continuity;

/// <summary>
/// Four weeks of a region's teams, planned day by day by each strategy from the same scripted
/// days (illness, clients coming and going, care-plan changes, a nurse leaving and another
/// joining), each day's rounds then changed by the team's own swaps; what was done becomes the
/// care history the next day is planned with. Reports how many nurses each client saw against
/// what it cost in travel, lateness, unplaced visits and spread of hours.
/// It calls the planner directly (<see cref="RoundPlanner.Plan"/>), not through the Orleans
/// grains: the grains store and relay, the planner decides, and 20 teams x 28 days x several
/// strategies must run in minutes. Options: <see cref="PlannerBenchCommand"/>.
/// </summary>
internal static class ContinuitySimulation
{
    public static int Run(ContinuityOptions options)
    {
        var clock = Stopwatch.StartNew();
        var teams = Enumerable.Range(0, options.Teams).Select(i => DisturbanceScript.Make(new SimulatedTeam(options.Seed, i, options.Qualifications), options.Days)).ToList();
        Console.Error.WriteLine($"{teams.Count} teams scripted for {options.Days} days, {clock.Elapsed.TotalSeconds:F1} s");

        var strategies = Strategy.All(options);
        var outcomes = new List<IReadOnlyList<TeamOutcome>>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads };
        var progress = new ProgressLine("team days by all strategies", strategies.Count * options.Days * teams.Count);
        foreach (var strategy in strategies)
        {
            var runs = teams.Select(team => new TeamRun(team, strategy, options)).ToList();
            for (var day = 0; day < options.Days; day++)
            {
                // Teams are independent; within a team the days are not (each day's history is the days before).
                Parallel.ForEach(runs, parallel, run => run.Step(day));
                progress.Report((((outcomes.Count * options.Days) + day + 1) * teams.Count));
            }

            outcomes.Add([.. runs.Select(r => r.Outcome)]);
        }

        ContinuityReport.Write(Console.Out, options, teams, strategies, outcomes, clock.Elapsed);
        return outcomes.Any(o => o.Any(t => t.Failures.Count > 0)) ? 1 : 0;
    }
}

/// <summary>One team under one strategy, a day at a time, keeping what was done as its care history.</summary>
internal sealed class TeamRun(TeamScript team, Strategy strategy, ContinuityOptions options)
{
    // A rolling four weeks: a nurse who stopped coming (she left, or the client's care moved to the evening) fades from it.
    private const int HistoryDays = 28;
    private const int RegularCarerDays = 7;

    private readonly List<List<(string NurseId, string ClientId)>> _done = [];

    public TeamOutcome Outcome { get; } = new();

    public void Step(int day)
    {
        var scripted = team.Days[day];
        var problem = scripted.Problem with { Weights = strategy.Weights, History = History(day) };
        var proposal = strategy.Continuity is null
            ? RegularCarerRule.Propose(problem, RegularCarers(day))
            : RoundPlanner.Plan(problem, new PlanningOptions(TimeSpan.FromSeconds(options.Seconds)));
        Outcome.PlanningMilliseconds.Add(proposal.Stats.Elapsed.TotalMilliseconds);
        if (!Checked(problem, proposal, day, "proposal"))
        {
            Outcome.ProposalsRefused++;
        }

        Outcome.ProposedTravel += proposal.Cost.Travel;
        Outcome.ProposedLateness += proposal.Cost.Lateness;
        foreach (var visit in proposal.Unplaced.GroupBy(u => scripted.VisitOf[u.TaskId]))
        {
            if (visit.First().Reason == UnplacedReason.NoRoom)
            {
                Outcome.UnplacedNoRoom++;
            }
            else
            {
                Outcome.UnplacedOther++;
            }
        }

        // The same swaps are offered in every strategy: the random numbers depend on the team and day only.
        var hand = HandMoves.Apply(problem, proposal, scripted.Visits, options.HandMoves, new Random(unchecked((options.Seed * 1_000_003) + (team.Index * 1_009) + day)));
        Outcome.DayVisits += scripted.Visits;
        Outcome.HandAttempted += hand.Attempted;
        Outcome.HandMade += hand.Made;

        var realised = hand.Realised;
        if (!Checked(problem, realised, day, "realised day"))
        {
            Outcome.RealisedDaysRefused++;
        }

        Outcome.Travel += realised.Cost.Travel;
        Outcome.Lateness += realised.Cost.Lateness;
        Outcome.MaxLateness = Math.Max(Outcome.MaxLateness, realised.Cost.MaxLateness);
        var tasks = problem.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var nurses = problem.Nurses.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var done = new List<(string NurseId, string ClientId)>();
        foreach (var round in realised.Rounds.Where(r => r.Stops.Count > 0))
        {
            var nurse = nurses[round.NurseId];
            var location = nurse.StartLocation;
            var minutes = 0.0;
            foreach (var stop in round.Stops)
            {
                var task = tasks[stop.TaskId];
                minutes += problem.Travel.Between(location, task.Location) + (stop.End - stop.Start);
                location = task.Location;
                done.Add((nurse.Id, task.ClientId));
                Outcome.Visits.Add(new RealisedVisit(task.ClientId, nurse.Id, stop.Start));
            }

            minutes += problem.Travel.Between(location, nurse.EndLocation);
            Outcome.WorkedMinutes[nurse.Id] = Outcome.WorkedMinutes.GetValueOrDefault(nurse.Id) + minutes;
        }

        _done.Add(done);
    }

    private bool Checked(PlanningProblem problem, PlanningResult result, int day, string what)
    {
        var check = PlanChecker.Check(problem, result);
        if (!check.Feasible)
        {
            Outcome.Failures.Add($"{team.Name}, day {day + 1}, {strategy.Name}, {what}: {check.Violations[0]} ({check.Violations.Count} broken rules)");
        }

        return check.Feasible;
    }

    /// <summary>Visits per nurse and client over the last <paramref name="days"/> days of this strategy's own run.</summary>
    private Dictionary<(string NurseId, string ClientId), int> Counts(int day, int days)
    {
        var counts = new Dictionary<(string, string), int>();
        foreach (var pair in _done.Skip(Math.Max(0, day - days)).SelectMany(d => d))
        {
            counts[pair] = counts.GetValueOrDefault(pair) + 1;
        }

        return counts;
    }

    private List<CareHistory> History(int day) =>
        [.. Counts(day, HistoryDays).OrderBy(x => x.Key.NurseId, StringComparer.Ordinal).ThenBy(x => x.Key.ClientId, StringComparer.Ordinal)
            .Select(x => new CareHistory(x.Key.NurseId, x.Key.ClientId, x.Value))];

    /// <summary>Each client's regular carer: who did most of her visits in the last week, the lowest id on a tie.</summary>
    private Dictionary<string, string> RegularCarers(int day) =>
        Counts(day, RegularCarerDays).GroupBy(x => x.Key.ClientId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.OrderByDescending(x => x.Value).ThenBy(x => x.Key.NurseId, StringComparer.Ordinal).First().Key.NurseId,
            StringComparer.Ordinal);
}

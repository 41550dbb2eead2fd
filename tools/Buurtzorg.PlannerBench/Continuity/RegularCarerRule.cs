using System.Diagnostics;
using Buurtzorg.Planning;

namespace Buurtzorg.PlannerBench.Continuity;

/// <summary>
/// The anchor a team could run without a planner: visits in order of their window's start (a
/// double visit as one), each offered first to the client's regular carer (who did most of her
/// visits in the last week, the lowest id on a tie) at the cheapest place in her round, else to
/// the cheapest place in any qualified round on shift (a double visit: the cheapest two nurses,
/// starting together). Cheapest means added travel plus lateness weighed as the planner's
/// home-care weights do; a place is feasible when everything after it still starts in time for a
/// double visit already fixed and the nurse is home by her shift's end. Late past a window is
/// allowed, as the planner's soft windows allow it, with one exception: the regular carer takes
/// the visit only if no visit of hers becomes later for it. Without that, she takes all her
/// clients' visits for as long as her shift lasts, however late (measured: some 3,000 minutes
/// late a team day against the planner's few), which no team would do.
/// The rounds' times and costs then come from <see cref="RoundPlanner.Evaluate"/>, so this rule
/// is counted exactly as the planner is.
/// </summary>
internal static class RegularCarerRule
{
    private const double Tolerance = 1e-6;
    private static readonly double LatenessWeight = PlanningWeights.HomeCare.Lateness / PlanningWeights.HomeCare.Travel;

    public static PlanningResult Propose(PlanningProblem problem, IReadOnlyDictionary<string, string> regularCarer)
    {
        var clock = Stopwatch.StartNew();
        var byId = problem.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var secondOf = problem.TaskLinks.ToDictionary(l => l.First, l => byId[l.Second], StringComparer.Ordinal);
        var seconds = problem.TaskLinks.Select(l => l.Second).ToHashSet(StringComparer.Ordinal);
        var rounds = problem.Nurses.Select(n => new Round(n, problem.Travel)).ToList();
        var unplaced = new List<UnplacedTask>();
        foreach (var task in problem.Tasks.Where(t => !seconds.Contains(t.Id)).OrderBy(t => t.WindowStart).ThenBy(t => t.Id, StringComparer.Ordinal))
        {
            var qualified = rounds.Where(r => task.Qualification is null || r.Nurse.Qualifications.Contains(task.Qualification)).ToList();
            var able = qualified.Where(r => r.Reaches(task)).ToList();
            List<Round> regular = regularCarer.TryGetValue(task.ClientId, out var id) && able.Find(r => r.Nurse.Id == id) is { } her ? [her] : [];
            if (secondOf.TryGetValue(task.Id, out var second))
            {
                if ((BestPair(task, second, regular, able, onTime: true) ?? BestPair(task, second, able, able, onTime: false)) is { } pair)
                {
                    pair.A.Insert(pair.AtA, new Stop(task, pair.Start));
                    pair.B.Insert(pair.AtB, new Stop(second, pair.Start));
                }
                else
                {
                    var reason = Why(qualified, able, true);
                    unplaced.Add(new UnplacedTask(task.Id, reason, reason.ToString()));
                    unplaced.Add(new UnplacedTask(second.Id, reason, reason.ToString()));
                }
            }
            else if ((BestSingle(task, regular, onTime: true) ?? BestSingle(task, able, onTime: false)) is { } place)
            {
                place.Round.Insert(place.At, new Stop(task, null));
            }
            else
            {
                var reason = Why(qualified, able, false);
                unplaced.Add(new UnplacedTask(task.Id, reason, reason.ToString()));
            }
        }

        var order = rounds.ToDictionary(r => r.Nurse.Id, r => (IReadOnlyList<string>)[.. r.Stops.Select(s => s.Task.Id)], StringComparer.Ordinal);
        var result = RoundPlanner.Evaluate(problem, order);
        return result with { Unplaced = unplaced, Stats = new PlanningStats(clock.Elapsed, clock.Elapsed, 0, "regular carer rule") };
    }

    // The planner's own screening reasons, so unplaced visits split the same way for every strategy.
    private static UnplacedReason Why(List<Round> qualified, List<Round> able, bool twoNurses) =>
        qualified.Count == 0 ? UnplacedReason.NoQualifiedNurse
        : able.Count == 0 ? UnplacedReason.OutsideEveryShift
        : twoNurses && able.Count < 2 ? UnplacedReason.NoSecondNurse
        : UnplacedReason.NoRoom;

    private static double Cost(Added added) => added.Travel + LatenessWeight * added.Lateness;

    private static bool Allowed(Added added, bool onTime) => !onTime || added.Lateness <= Tolerance;

    private static (Round Round, int At)? BestSingle(PlanTask task, List<Round> candidates, bool onTime)
    {
        (Round, int)? best = null;
        var cheapest = double.MaxValue;
        foreach (var round in candidates)
        {
            for (var at = 0; at <= round.Stops.Count; at++)
            {
                if (round.With(at, new Stop(task, null)) is { } added && Allowed(added, onTime) && Cost(added) < cheapest - Tolerance)
                {
                    (best, cheapest) = ((round, at), Cost(added));
                }
            }
        }

        return best;
    }

    private static (Round A, int AtA, Round B, int AtB, double Start)? BestPair(PlanTask first, PlanTask second, List<Round> firsts, List<Round> able, bool onTime)
    {
        (Round, int, Round, int, double)? best = null;
        var cheapest = double.MaxValue;
        foreach (var a in firsts)
        {
            foreach (var b in able.Where(b => b != a))
            {
                for (var atA = 0; atA <= a.Stops.Count; atA++)
                {
                    var arrivalA = a.ArrivalAt(atA, first);
                    for (var atB = 0; atB <= b.Stops.Count; atB++)
                    {
                        // Both start when the later of the two is there (or the window opens).
                        var start = Math.Max(first.WindowStart, Math.Max(arrivalA, b.ArrivalAt(atB, second)));
                        if (a.With(atA, new Stop(first, start)) is { } addedA && b.With(atB, new Stop(second, start)) is { } addedB
                            && Allowed(addedA, onTime) && Allowed(addedB, onTime) && Cost(addedA) + Cost(addedB) < cheapest - Tolerance)
                        {
                            (best, cheapest) = ((a, atA, b, atB, start), Cost(addedA) + Cost(addedB));
                        }
                    }
                }
            }
        }

        return best;
    }

    private readonly record struct Added(double Travel, double Lateness);

    /// <summary>A stop of a round; <see cref="Fixed"/> is the start a double visit shares with its other half.</summary>
    private sealed record Stop(PlanTask Task, double? Fixed);

    /// <summary>One nurse's round as the rule builds it, with its travel and lateness so far.</summary>
    private sealed class Round(PlanNurse nurse, ITravelTimes travel)
    {
        public PlanNurse Nurse { get; } = nurse;

        public List<Stop> Stops { get; } = [];

        private double _travel;
        private double _lateness;

        public void Insert(int at, Stop stop)
        {
            Stops.Insert(at, stop);
            (_, _travel, _lateness) = Walk(Stops);
        }

        /// <summary>The travel and lateness putting <paramref name="stop"/> at <paramref name="at"/> adds, or null when the round would break.</summary>
        public Added? With(int at, Stop stop)
        {
            List<Stop> stops = [.. Stops];
            stops.Insert(at, stop);
            var (feasible, travelled, late) = Walk(stops);
            return feasible ? new Added(travelled - _travel, late - _lateness) : null;
        }

        /// <summary>When she could be at <paramref name="task"/> if it came after her first <paramref name="at"/> stops.</summary>
        public double ArrivalAt(int at, PlanTask task)
        {
            var time = Nurse.ShiftStart;
            var location = Nurse.StartLocation;
            foreach (var stop in Stops.Take(at))
            {
                var arrival = time + travel.Between(location, stop.Task.Location);
                time = (stop.Fixed ?? Math.Max(arrival, stop.Task.WindowStart)) + stop.Task.DurationFor(Nurse.Id);
                location = stop.Task.Location;
            }

            return time + travel.Between(location, task.Location);
        }

        /// <summary>Whether she can get there within her shift at all, and home again in time (the planner's screening test).</summary>
        public bool Reaches(PlanTask task)
        {
            var arrival = Math.Max(Nurse.ShiftStart + travel.Between(Nurse.StartLocation, task.Location), task.WindowStart);
            return arrival + task.DurationFor(Nurse.Id) + travel.Between(task.Location, Nurse.EndLocation) <= Nurse.ShiftEnd + Tolerance;
        }

        private (bool Feasible, double Travel, double Lateness) Walk(List<Stop> stops)
        {
            var time = Nurse.ShiftStart;
            var location = Nurse.StartLocation;
            double travelled = 0, late = 0;
            foreach (var stop in stops)
            {
                var leg = travel.Between(location, stop.Task.Location);
                travelled += leg;
                var arrival = time + leg;
                if (stop.Fixed is { } start && arrival > start + Tolerance)
                {
                    return (false, 0, 0);
                }

                var begin = stop.Fixed ?? Math.Max(arrival, stop.Task.WindowStart);
                late += Math.Max(0, begin - stop.Task.WindowEnd);
                time = begin + stop.Task.DurationFor(Nurse.Id);
                location = stop.Task.Location;
            }

            if (stops.Count > 0)
            {
                var home = travel.Between(location, Nurse.EndLocation);
                travelled += home;
                time += home;
            }

            return (time <= Nurse.ShiftEnd + Tolerance, travelled, late);
        }
    }
}

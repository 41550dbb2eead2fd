using System.Globalization;

namespace Buurtzorg.Planning.Checking;

/// <summary>
/// What <see cref="PlanChecker"/> found: the rules a plan breaks (empty when it is feasible) and
/// its figures recomputed from the problem, not taken from the planner's <see cref="PlanCost"/>.
/// Each violation reads "rule: detail", the rule one of: unknown-nurse, duplicate-round,
/// unknown-task, missing-task, duplicate-task, qualification, pinned-nurse, not-finite,
/// stop-order, end-time, window-start, window-end, travel, shift-end, capacity, link-unknown-task,
/// link-split, link-same-nurse, link-delay.
/// </summary>
public sealed record PlanCheck(
    IReadOnlyList<string> Violations,
    double Travel,
    double Lateness,
    double MaxLateness,
    int NursesUsed,
    int DistinctNursesPerClient,
    int PlacedTasks,
    int UnplacedTasks)
{
    public bool Feasible => Violations.Count == 0;
}

/// <summary>
/// Checks a plan against its problem with nothing of the planner in it, so that a bug in the
/// planner's model cannot hide itself by being repeated in the check.
/// </summary>
public static class PlanChecker
{
    private const double AbsoluteTolerance = 1e-4;
    private const double RelativeTolerance = 1e-6;

    public static PlanCheck Check(PlanningProblem problem, PlanningResult result)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(result);

        var violations = new List<string>();
        void Violation(string rule, string detail) => violations.Add($"{rule}: {detail}");

        var tasks = new Dictionary<string, PlanTask>(StringComparer.Ordinal);
        foreach (var task in problem.Tasks)
        {
            tasks.TryAdd(task.Id, task);
        }

        var nurses = new Dictionary<string, PlanNurse>(StringComparer.Ordinal);
        foreach (var nurse in problem.Nurses)
        {
            nurses.TryAdd(nurse.Id, nurse);
        }

        var placedCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var unplacedCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var placements = new Dictionary<string, (string NurseId, double Start)>(StringComparer.Ordinal);
        var nursesPerClient = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var roundsSeen = new HashSet<string>(StringComparer.Ordinal);
        var nursesUsed = new HashSet<string>(StringComparer.Ordinal);
        double travel = 0, lateness = 0, maxLateness = 0;

        foreach (var round in result.Rounds)
        {
            if (!roundsSeen.Add(round.NurseId))
            {
                Violation("duplicate-round", $"nurse {round.NurseId} has more than one round");
            }

            var nurse = nurses.GetValueOrDefault(round.NurseId);
            if (nurse is null)
            {
                Violation("unknown-nurse", $"a round belongs to {round.NurseId}, who is not in the problem");
            }

            if (round.Stops.Count > 0)
            {
                nursesUsed.Add(round.NurseId);
            }

            var load = 0L;
            PlanTask? previous = null;
            PlannedStop? previousStop = null;
            for (var i = 0; i < round.Stops.Count; i++)
            {
                var stop = round.Stops[i];
                placedCount[stop.TaskId] = placedCount.GetValueOrDefault(stop.TaskId) + 1;
                if (!tasks.TryGetValue(stop.TaskId, out var task))
                {
                    Violation("unknown-task", $"{round.NurseId}'s round has {stop.TaskId}, which is not in the problem");
                    // Without the task there is no location or duration to chain the next stop to.
                    previous = null;
                    previousStop = null;
                    continue;
                }

                placements.TryAdd(task.Id, (round.NurseId, stop.Start));
                if (!nursesPerClient.TryGetValue(task.ClientId, out var clientNurses))
                {
                    nursesPerClient[task.ClientId] = clientNurses = new HashSet<string>(StringComparer.Ordinal);
                }

                clientNurses.Add(round.NurseId);
                load += task.Load;

                if (!double.IsFinite(stop.Start) || !double.IsFinite(stop.End))
                {
                    Violation("not-finite", $"{task.Id} starts at {F(stop.Start)} and ends at {F(stop.End)}");
                    previous = null;
                    previousStop = null;
                    continue;
                }

                var duration = task.DurationFor(round.NurseId);
                var end = stop.Start + duration;
                if (Math.Abs(stop.End - end) > Tolerance(end))
                {
                    Violation("end-time", $"{task.Id} ends at {F(stop.End)}, but starts at {F(stop.Start)} and takes {F(duration)} for {round.NurseId}");
                }

                if (task.Qualification is { } qualification && nurse is not null && !nurse.Qualifications.Contains(qualification))
                {
                    Violation("qualification", $"{task.Id} needs {qualification}, which {round.NurseId} does not have");
                }

                // A visit may leave the nurse who has it only when the plan says so.
                if (task.PinnedNurse is { } pinned && pinned != round.NurseId && !result.Moved.Any(m => m.TaskId == task.Id && m.From == pinned && m.To == round.NurseId))
                {
                    Violation("pinned-nurse", $"{task.Id} is pinned to {pinned} but planned for {round.NurseId}, and the plan does not say it moves");
                }

                if (stop.Start < task.WindowStart - Tolerance(task.WindowStart))
                {
                    Violation("window-start", $"{task.Id} starts at {F(stop.Start)}, before its window opens at {F(task.WindowStart)}");
                }

                var late = Math.Max(0, stop.Start - task.WindowEnd);
                lateness += late;
                maxLateness = Math.Max(maxLateness, late);
                if (problem.Cost.HardWindows && late > Tolerance(task.WindowEnd))
                {
                    Violation("window-end", $"{task.Id} starts at {F(stop.Start)}, after its window closes at {F(task.WindowEnd)}");
                }

                if (previous is null || previousStop is null)
                {
                    if (nurse is not null && i == 0)
                    {
                        var leg = problem.Travel.Between(nurse.StartLocation, task.Location);
                        travel += leg;
                        var earliest = nurse.ShiftStart + leg;
                        if (stop.Start < earliest - Tolerance(earliest))
                        {
                            Violation("travel", $"{task.Id} starts at {F(stop.Start)}, but {round.NurseId} cannot be there before {F(earliest)} (shift start {F(nurse.ShiftStart)} plus {F(leg)} travel)");
                        }
                    }
                }
                else
                {
                    var leg = problem.Travel.Between(previous.Location, task.Location);
                    travel += leg;
                    if (stop.Start < previousStop.Start - Tolerance(previousStop.Start))
                    {
                        Violation("stop-order", $"{task.Id} starts at {F(stop.Start)}, before {previous.Id} which comes before it in {round.NurseId}'s round ({F(previousStop.Start)})");
                    }
                    else
                    {
                        var earliest = previousStop.Start + previous.DurationFor(round.NurseId) + leg;
                        if (stop.Start < earliest - Tolerance(earliest))
                        {
                            Violation("travel", $"{task.Id} starts at {F(stop.Start)}, but {round.NurseId} cannot be there before {F(earliest)} (after {previous.Id} and {F(leg)} travel)");
                        }
                    }
                }

                previous = task;
                previousStop = stop;
            }

            // previous is null when the round is empty or its last stop could not be read.
            if (nurse is not null && previous is not null && previousStop is not null)
            {
                var leg = problem.Travel.Between(previous.Location, nurse.EndLocation);
                travel += leg;
                var home = previousStop.Start + previous.DurationFor(round.NurseId) + leg;
                if (home > nurse.ShiftEnd + Tolerance(nurse.ShiftEnd))
                {
                    Violation("shift-end", $"{round.NurseId} is back at {F(home)}, after her shift ends at {F(nurse.ShiftEnd)}");
                }
            }

            if (nurse is not null && load > nurse.Capacity)
            {
                Violation("capacity", $"{round.NurseId}'s round carries {load}, more than her capacity {nurse.Capacity}");
            }
        }

        foreach (var unplaced in result.Unplaced)
        {
            unplacedCount[unplaced.TaskId] = unplacedCount.GetValueOrDefault(unplaced.TaskId) + 1;
            if (!tasks.ContainsKey(unplaced.TaskId))
            {
                Violation("unknown-task", $"{unplaced.TaskId} is listed as unplaced but is not in the problem");
            }
        }

        foreach (var task in tasks.Values)
        {
            var placed = placedCount.GetValueOrDefault(task.Id);
            var left = unplacedCount.GetValueOrDefault(task.Id);
            if (placed + left == 0)
            {
                Violation("missing-task", $"{task.Id} is neither in a round nor unplaced");
            }
            else if (placed > 0 && left > 0)
            {
                Violation("duplicate-task", $"{task.Id} is both in a round and unplaced");
            }
            else if (placed + left > 1)
            {
                Violation("duplicate-task", $"{task.Id} appears {placed + left} times");
            }
        }

        foreach (var link in problem.TaskLinks)
        {
            if (!tasks.ContainsKey(link.First) || !tasks.ContainsKey(link.Second))
            {
                Violation("link-unknown-task", $"the link {link.First} -> {link.Second} names a task that is not in the problem");
                continue;
            }

            var firstPlaced = placements.TryGetValue(link.First, out var first);
            var secondPlaced = placements.TryGetValue(link.Second, out var second);
            if (firstPlaced != secondPlaced)
            {
                Violation("link-split", $"{(firstPlaced ? link.First : link.Second)} is planned but its linked {(firstPlaced ? link.Second : link.First)} is not");
                continue;
            }

            if (!firstPlaced)
            {
                continue;
            }

            if (first.NurseId == second.NurseId)
            {
                Violation("link-same-nurse", $"{link.First} and {link.Second} need two nurses but both go to {first.NurseId}");
            }

            var delay = second.Start - first.Start;
            if (delay < link.MinDelay - AbsoluteTolerance || delay > link.MaxDelay + AbsoluteTolerance)
            {
                Violation("link-delay", $"{link.Second} starts {F(delay)} after {link.First}, outside [{F(link.MinDelay)}, {F(link.MaxDelay)}]");
            }
        }

        var placedTasks = tasks.Keys.Count(placedCount.ContainsKey);
        var unplacedTasks = tasks.Keys.Count(id => !placedCount.ContainsKey(id) && unplacedCount.ContainsKey(id));
        return new PlanCheck(
            violations,
            travel,
            lateness,
            maxLateness,
            nursesUsed.Count,
            nursesPerClient.Values.Sum(set => set.Count),
            placedTasks,
            unplacedTasks);
    }

    // Absolute for times near zero, relative for the large ones where doubles lose the last digits.
    private static double Tolerance(double value) => Math.Max(AbsoluteTolerance, RelativeTolerance * Math.Abs(value));

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}

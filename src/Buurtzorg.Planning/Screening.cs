namespace Buurtzorg.Planning;

/// <summary>
/// Before any search: tasks that no plan can hold, each with the reason a nurse can act on
/// (nobody qualified, nobody on shift then, no second nurse for a double visit). A double
/// visit goes as a whole: if one half cannot be placed, neither is.
/// </summary>
internal static class Screening
{
    public static (List<PlanTask> Plannable, List<UnplacedTask> Unplaced) Screen(PlanningProblem problem)
    {
        var unplaced = new Dictionary<string, UnplacedTask>();
        foreach (var task in problem.Tasks)
        {
            var qualified = QualifiedNurses(problem, task).ToList();
            if (qualified.Count == 0)
            {
                unplaced[task.Id] = task.PinnedNurse is { } pinned && problem.Nurses.All(n => n.Id != pinned)
                    ? new UnplacedTask(task.Id, UnplacedReason.OutsideEveryShift, $"Pinned to {pinned}, who is not on shift.")
                    : new UnplacedTask(task.Id, UnplacedReason.NoQualifiedNurse, $"No nurse on shift has the qualification '{task.Qualification}'.");
            }
            else if (!qualified.Any(n => Reachable(problem, task, n)))
            {
                unplaced[task.Id] = new UnplacedTask(task.Id, UnplacedReason.OutsideEveryShift,
                    "Its time window does not meet the shift of any nurse who may do it.");
            }
        }

        var byId = problem.Tasks.ToDictionary(t => t.Id);
        foreach (var link in problem.TaskLinks)
        {
            var first = byId[link.First];
            var second = byId[link.Second];
            var forSecond = QualifiedNurses(problem, second).Select(n => n.Id).ToList();
            var canSplit = QualifiedNurses(problem, first).Any(a => forSecond.Exists(b => b != a.Id));
            if (!canSplit && !unplaced.ContainsKey(first.Id) && !unplaced.ContainsKey(second.Id))
            {
                var why = new UnplacedTask(first.Id, UnplacedReason.NoSecondNurse, "A double visit needs two different qualified nurses on shift.");
                unplaced[first.Id] = why;
                unplaced[second.Id] = why with { TaskId = second.Id };
            }
            else if (unplaced.TryGetValue(first.Id, out var firstWhy) && !unplaced.ContainsKey(second.Id))
            {
                unplaced[second.Id] = firstWhy with { TaskId = second.Id };
            }
            else if (unplaced.TryGetValue(second.Id, out var secondWhy) && !unplaced.ContainsKey(first.Id))
            {
                unplaced[first.Id] = secondWhy with { TaskId = first.Id };
            }
        }

        return ([.. problem.Tasks.Where(t => !unplaced.ContainsKey(t.Id))], [.. unplaced.Values]);
    }

    /// <summary>
    /// Why the nurse a task is pinned to cannot keep it, judged on the task alone (not on what
    /// else she has), or null if she can or it is pinned to nobody.
    /// </summary>
    public static KeepFailure? WhyNotKept(PlanningProblem problem, PlanTask task)
    {
        if (task.PinnedNurse is not { } pinned)
        {
            return null;
        }

        if (problem.Nurses.FirstOrDefault(n => n.Id == pinned) is not { } nurse)
        {
            return KeepFailure.NotOnShift;
        }

        if ((task.Qualification is { } needed && !nurse.Qualifications.Contains(needed)) || task.Load > nurse.Capacity)
        {
            return KeepFailure.MissingQualification;
        }

        return Reachable(problem, task, nurse) ? null : KeepFailure.ShiftMissesWindow;
    }

    public static IEnumerable<PlanNurse> QualifiedNurses(PlanningProblem problem, PlanTask task) => problem.Nurses.Where(n =>
        (task.PinnedNurse is null || task.PinnedNurse == n.Id)
        && (task.Qualification is null || n.Qualifications.Contains(task.Qualification))
        && task.Load <= n.Capacity);

    /// <summary>Whether the nurse can get there inside her shift and the window, and home again in time.</summary>
    private static bool Reachable(PlanningProblem problem, PlanTask task, PlanNurse nurse)
    {
        var arrival = Math.Max(nurse.ShiftStart + problem.Travel.Between(nurse.StartLocation, task.Location), task.WindowStart);
        var latest = problem.Cost.HardWindows ? task.WindowEnd : double.MaxValue;
        return arrival <= latest + 1e-9
            && arrival + task.DurationFor(nurse.Id) + problem.Travel.Between(task.Location, nurse.EndLocation) <= nurse.ShiftEnd + 1e-9;
    }
}

using Buurtzorg.Planning;

namespace Buurtzorg.PlannerBench.Continuity;

/// <summary>
/// How far any planner could go: the clients for whom some three nurses could have done every
/// visit of the period, given only who was on shift each day (rota, illness, leavers), their
/// qualifications, and a double visit's need for two of them; room in the rounds is ignored.
/// What the rota and the care itself rule out, no proposal can win back.
/// </summary>
internal static class ContinuityBound
{
    private const int Circle = 3;

    public static HashSet<string> CoverableByThree(IEnumerable<TeamScript> teams)
    {
        var coverable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var team in teams)
        {
            // Per client, each visit as the set of nurses who could do it and how many of them it needs.
            var needs = new Dictionary<string, List<(HashSet<string> Who, int Count)>>(StringComparer.Ordinal);
            foreach (var day in team.Days)
            {
                var problem = day.Problem;
                var second = problem.TaskLinks.Select(l => l.Second).ToHashSet(StringComparer.Ordinal);
                var linked = problem.TaskLinks.Select(l => l.First).ToHashSet(StringComparer.Ordinal);
                foreach (var task in problem.Tasks.Where(t => !second.Contains(t.Id)))
                {
                    var who = problem.Nurses.Where(n => Could(n, task)).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
                    var count = linked.Contains(task.Id) ? 2 : 1;
                    if (who.Count >= count)
                    {
                        (needs.TryGetValue(task.ClientId, out var list) ? list : needs[task.ClientId] = []).Add((who, count));
                    }
                }
            }

            foreach (var (client, visits) in needs)
            {
                var nurses = visits.SelectMany(v => v.Who).Distinct(StringComparer.Ordinal).ToList();
                if (Subsets(nurses.Count, Circle).Any(subset => visits.All(v => subset.Count(i => v.Who.Contains(nurses[i])) >= v.Count)))
                {
                    coverable.Add(client);
                }
            }
        }

        return coverable;
    }

    private static bool Could(PlanNurse nurse, PlanTask task) =>
        (task.Qualification is null || nurse.Qualifications.Contains(task.Qualification))
        && Math.Max(nurse.ShiftStart, task.WindowStart) + task.DurationFor(nurse.Id) <= nurse.ShiftEnd;

    /// <summary>Every set of at most <paramref name="size"/> of <paramref name="count"/> indices.</summary>
    private static IEnumerable<int[]> Subsets(int count, int size)
    {
        for (var a = 0; a < count; a++)
        {
            yield return [a];
            for (var b = a + 1; b < count; b++)
            {
                yield return [a, b];
                if (size < 3)
                {
                    continue;
                }

                for (var c = b + 1; c < count; c++)
                {
                    yield return [a, b, c];
                }
            }
        }
    }
}

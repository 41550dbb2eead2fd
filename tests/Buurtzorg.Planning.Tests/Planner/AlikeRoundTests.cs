using Buurtzorg.Planning.Benchmarks;

namespace Buurtzorg.Planning.Tests.Planner;

/// <summary>The one-step time tests of a round against walking the whole changed round.</summary>
public sealed class AlikeRoundTests
{
    [Theory]
    [InlineData("R101")]
    [InlineData("RC201")]
    public void Putting_a_task_in_with_or_without_taking_one_out_is_judged_as_walking_the_changed_round_judges_it(string instance)
    {
        var problem = SolomonInstance.Read(BenchmarkData.SolomonFile(instance)).ToProblem();
        var day = new AlikeDay(problem, problem.Tasks);
        var random = new Random(3);
        var compared = 0;
        var roomMade = 0;
        for (var trial = 0; trial < 500; trial++)
        {
            var visits = FeasibleRound(day, random);
            var round = new AlikeRound(day).With(visits);
            var task = Enumerable.Range(0, day.Count).Where(t => !visits.Contains(t)).ElementAt(random.Next(day.Count - visits.Count));

            for (var p = 0; p <= visits.Count; p++)
            {
                var changed = new List<int>(visits);
                changed.Insert(p, task);
                Assert.Equal(WithoutLoad(day, changed), round.Fits(task, p));
                compared++;
            }

            var found = new HashSet<(int, int)>();
            round.ForEachRoomMadeFor(task, (p, taken) => found.Add((p, taken)));
            roomMade += found.Count;
            for (var p = 0; p <= visits.Count; p++)
            {
                for (var taken = 0; taken < visits.Count; taken++)
                {
                    var changed = new List<int>(visits);
                    changed.Insert(p, task);
                    changed.Remove(visits[taken]);
                    var walked = WithoutLoad(day, changed);
                    Assert.True(walked == found.Contains((p, taken)), $"{instance} round [{string.Join(",", visits)}], task {task} before {p}, {visits[taken]} out: walked {walked}");
                    compared++;
                }
            }
        }

        // Enough cases, and enough of them where taking a visit out does make room.
        Assert.True(compared > 10_000 && roomMade > 200, $"only {compared} cases, {roomMade} with room made");
    }

    /// <summary>A round built by adding random tasks wherever they keep it feasible.</summary>
    private static List<int> FeasibleRound(AlikeDay day, Random random)
    {
        var visits = new List<int>();
        var wanted = random.Next(3, 25);
        for (var tries = 0; tries < 400 && visits.Count < wanted; tries++)
        {
            var task = random.Next(day.Count);
            if (visits.Contains(task))
            {
                continue;
            }

            var p = random.Next(visits.Count + 1);
            visits.Insert(p, task);
            if (!WithoutLoad(day, visits))
            {
                visits.RemoveAt(p);
            }
        }

        return visits;
    }

    /// <summary>Feasible in time and shift (the load is the caller's to check in both tests).</summary>
    private static bool WithoutLoad(AlikeDay day, List<int> route)
    {
        var time = day.ShiftStart;
        var at = day.Depot;
        foreach (var task in route)
        {
            time = Math.Max(time + day.Travel(at, task), day.Ready[task]);
            if (time > day.Due[task] + 1e-9)
            {
                return false;
            }

            time += day.Service[task];
            at = task;
        }

        return time + day.Travel(at, day.Depot) <= day.ShiftEnd + 1e-9;
    }
}

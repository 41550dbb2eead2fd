using Buurtzorg.Planning.Benchmarks;
using Buurtzorg.Planning.Checking;

namespace Buurtzorg.Planning.Tests.Benchmarks;

public sealed class MankowskaInstanceTests
{
    [Theory]
    [InlineData("InstanzCPLEX_HCSRP_10_1", 10, 3, 6, 3)]
    [InlineData("InstanzCPLEX_HCSRP_25_1", 25, 5, 6, 8)]
    [InlineData("InstanzCPLEX_HCSRP_50_1", 50, 10, 6, 15)]
    [InlineData("InstanzVNS_HCSRP_100_1", 100, 20, 6, 30)]
    public void Each_instance_has_the_size_the_published_results_give_it(string name, int patients, int staff, int services, int doubles)
    {
        var instance = MankowskaInstance.Read(BenchmarkData.MankowskaFile(name));
        var published = BestKnown.ReadMankowska(BenchmarkData.MankowskaBestKnownFile)[name];
        var problem = instance.ToProblem();

        Assert.Equal(name, instance.Name);
        Assert.Equal((patients, staff, services, doubles), (published.Patients, published.Staff, published.ServiceTypes, published.DoubleServicePatients));
        Assert.Equal((patients, staff, services, doubles), (instance.PatientCount, instance.StaffCount, instance.ServiceCount, instance.DoubleServiceNodes.Count));

        // A single-service patient is one task, a double-service one two tasks and a link.
        Assert.Equal(patients + doubles, problem.Tasks.Count);
        Assert.Equal(doubles, problem.TaskLinks.Count);
        Assert.Equal(staff, problem.Nurses.Count);
        Assert.Equal(patients, problem.Tasks.Select(t => t.ClientId).Distinct().Count());
        Assert.Equal(problem.Tasks.Count, problem.Tasks.Select(t => t.Id).Distinct().Count());
        Assert.All(problem.Tasks, t => Assert.InRange(t.Location, 1, instance.NodeCount - 2));
        Assert.All(problem.Nurses, n =>
        {
            Assert.Equal(0, n.StartLocation);
            Assert.Equal(instance.NodeCount - 1, n.EndLocation);
            Assert.Equal(instance.Earliest[0], n.ShiftStart);
            Assert.Equal(1e6, n.ShiftEnd);
        });
        Assert.False(problem.Cost.HardWindows);
    }

    [Fact]
    public void The_10_patient_instance_reads_as_its_file_says()
    {
        var instance = MankowskaInstance.Read(BenchmarkData.MankowskaFile("InstanzCPLEX_HCSRP_10_1"));
        var problem = instance.ToProblem();
        var tasks = problem.Tasks.ToDictionary(t => t.Id);

        // "DS 11 10 9" counts nodes from 1.
        Assert.Equal([8, 9, 10], instance.DoubleServiceNodes.Order());
        // Node 1 needs service 3 only, window "e 345" to "l 465", 14 minutes for every staff member.
        Assert.Equal("1", tasks["1-3"].ClientId);
        Assert.Equal(1, tasks["1-3"].Location);
        Assert.Equal((345.0, 465.0, 14.0, "s3"), (tasks["1-3"].WindowStart, tasks["1-3"].WindowEnd, tasks["1-3"].Duration, tasks["1-3"].Qualification));
        Assert.Equal(["n0", "n1", "n2"], tasks["1-3"].DurationByNurse!.Keys.Order(StringComparer.Ordinal));
        Assert.False(tasks.ContainsKey("1-0"));
        // Node 8 needs services 4 and 5 at once; node 9 services 0 and 3, 51 to 102 minutes apart.
        Assert.Contains(new TaskLink("8-4", "8-5", 0, 0), problem.TaskLinks);
        Assert.Contains(new TaskLink("9-0", "9-3", 51, 102), problem.TaskLinks);
        Assert.Contains(new TaskLink("10-2", "10-5", 8, 16), problem.TaskLinks);
        // "a": staff 0 gives services 0-2, staff 2 services 3-5.
        Assert.Equal(["s0", "s1", "s2"], problem.Nurses[0].Qualifications.Order(StringComparer.Ordinal));
        Assert.Equal(["s3", "s4", "s5"], problem.Nurses[2].Qualifications.Order(StringComparer.Ordinal));
        Assert.Equal("n2", problem.Nurses[2].Id);
        Assert.Equal(38.470768, problem.Travel.Between(0, 1), 9);
        Assert.Equal(88.88757, problem.Travel.Between(11, 10), 9);
    }

    [Theory]
    [InlineData("InstanzCPLEX_HCSRP_10_1")]
    [InlineData("InstanzCPLEX_HCSRP_25_1")]
    [InlineData("InstanzCPLEX_HCSRP_50_1")]
    [InlineData("InstanzVNS_HCSRP_100_1")]
    public void Every_task_has_a_qualified_nurse_and_every_link_two_different_ones(string name)
    {
        var problem = MankowskaInstance.Read(BenchmarkData.MankowskaFile(name)).ToProblem();
        var tasks = problem.Tasks.ToDictionary(t => t.Id);

        List<string> Qualified(string taskId) =>
            problem.Nurses.Where(n => n.Qualifications.Contains(tasks[taskId].Qualification!)).Select(n => n.Id).ToList();

        Assert.All(problem.Tasks, t => Assert.NotEmpty(Qualified(t.Id)));
        Assert.All(problem.TaskLinks, link =>
        {
            Assert.InRange(link.MinDelay, 0, link.MaxDelay);
            Assert.Contains(Qualified(link.First), a => Qualified(link.Second).Any(b => b != a));
        });
    }

    [Theory]
    [InlineData("InstanzCPLEX_HCSRP_10_1")]
    [InlineData("InstanzCPLEX_HCSRP_25_1")]
    [InlineData("InstanzCPLEX_HCSRP_50_1")]
    [InlineData("InstanzVNS_HCSRP_100_1")]
    public void A_plan_made_patient_by_patient_passes_the_checker_and_costs_what_its_legs_add_up_to(string name)
    {
        var problem = MankowskaInstance.Read(BenchmarkData.MankowskaFile(name)).ToProblem();

        var (result, travel) = SequentialPlan(problem);
        var check = PlanChecker.Check(problem, result);

        Assert.Empty(check.Violations);
        Assert.Equal(problem.Tasks.Count, check.PlacedTasks);
        Assert.Equal(travel, check.Travel, 6);
        Assert.Equal((check.Travel + check.Lateness + check.MaxLateness) / 3, MankowskaInstance.PaperObjective(check), 9);
    }

    [Fact]
    public void The_paper_objective_is_the_mean_of_distance_total_and_largest_tardiness()
    {
        // The BRKGA's best on the 25-patient instance: 1253.02 + 21.6865 + 9.5883, over 3.
        var check = new PlanCheck([], 1253.02, 21.6865, 9.5883, 5, 0, 33, 0);

        Assert.Equal(428.0983, MankowskaInstance.PaperObjective(check), 4);
    }

    [Fact]
    public void The_published_results_cover_the_four_instances_and_their_cost_is_the_papers_objective()
    {
        var published = BestKnown.ReadMankowska(BenchmarkData.MankowskaBestKnownFile);

        Assert.Equal(4, published.Count);
        Assert.All(published.Values, p =>
        {
            Assert.Equal(15, p.Runs);
            Assert.Equal((p.BestDistance + p.BestTardiness + p.BestMaxTardiness) / 3, p.BestCost, 0.01);
            Assert.True(p.MeanCost >= p.BestCost - 0.01);
        });
        Assert.Equal(226.978, published["InstanzCPLEX_HCSRP_10_1"].BestCost);
    }

    /// <summary>
    /// Each patient in turn to whichever qualified nurse (pair, for a double service) can start
    /// soonest: a poor plan, but one whose feasibility is plain to see.
    /// </summary>
    private static (PlanningResult Result, double Travel) SequentialPlan(PlanningProblem problem)
    {
        var rounds = problem.Nurses.ToDictionary(n => n.Id, _ => new List<PlannedStop>());
        var free = problem.Nurses.ToDictionary(n => n.Id, n => n.ShiftStart);
        var at = problem.Nurses.ToDictionary(n => n.Id, n => n.StartLocation);
        var tasks = problem.Tasks.ToDictionary(t => t.Id);
        var linkOf = problem.TaskLinks.ToDictionary(l => l.First);
        var seconds = problem.TaskLinks.Select(l => l.Second).ToHashSet();
        var travel = 0.0;

        IEnumerable<PlanNurse> QualifiedFor(PlanTask task) => problem.Nurses.Where(n => n.Qualifications.Contains(task.Qualification!));
        double Arrival(PlanNurse nurse, PlanTask task) => free[nurse.Id] + problem.Travel.Between(at[nurse.Id], task.Location);

        void Place(PlanNurse nurse, PlanTask task, double start)
        {
            travel += problem.Travel.Between(at[nurse.Id], task.Location);
            var end = start + task.DurationFor(nurse.Id);
            rounds[nurse.Id].Add(new PlannedStop(task.Id, start, end));
            free[nurse.Id] = end;
            at[nurse.Id] = task.Location;
        }

        foreach (var task in problem.Tasks.Where(t => !seconds.Contains(t.Id)))
        {
            if (linkOf.TryGetValue(task.Id, out var link))
            {
                var second = tasks[link.Second];
                var best = (First: (PlanNurse?)null, Second: (PlanNurse?)null, Start1: 0.0, Start2: double.PositiveInfinity);
                foreach (var a in QualifiedFor(task))
                {
                    foreach (var b in QualifiedFor(second).Where(b => b.Id != a.Id))
                    {
                        var start1 = Math.Max(task.WindowStart, Arrival(a, task));
                        var start2 = Math.Max(Math.Max(second.WindowStart, Arrival(b, second)), start1 + link.MinDelay);
                        start1 = Math.Max(start1, start2 - link.MaxDelay);
                        if (start2 < best.Start2)
                        {
                            best = (a, b, start1, start2);
                        }
                    }
                }

                Place(best.First!, task, best.Start1);
                Place(best.Second!, second, best.Start2);
            }
            else
            {
                var nurse = QualifiedFor(task).MinBy(n => Math.Max(task.WindowStart, Arrival(n, task)))!;
                Place(nurse, task, Math.Max(task.WindowStart, Arrival(nurse, task)));
            }
        }

        foreach (var nurse in problem.Nurses.Where(n => rounds[n.Id].Count > 0))
        {
            travel += problem.Travel.Between(at[nurse.Id], nurse.EndLocation);
        }

        var result = new PlanningResult(
            problem.Nurses.Select(n => new PlannedRound(n.Id, rounds[n.Id])).ToList(),
            [],
            new PlanCost(0, 0, 0, 0, 0, 0, 0, 0),
            new PlanningStats(TimeSpan.Zero, null, 0, "test"));
        return (result, travel);
    }
}

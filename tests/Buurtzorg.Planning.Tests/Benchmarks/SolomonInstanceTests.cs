using Buurtzorg.Planning.Benchmarks;

namespace Buurtzorg.Planning.Tests.Benchmarks;

public sealed class SolomonInstanceTests
{
    [Theory]
    [InlineData("C101", 25, 200)]
    [InlineData("C201", 25, 700)]
    [InlineData("R101", 25, 200)]
    [InlineData("R201", 25, 1000)]
    [InlineData("RC101", 25, 200)]
    [InlineData("RC201", 25, 1000)]
    public void Each_instance_has_100_customers_and_its_fleet(string name, int vehicles, int capacity)
    {
        var instance = SolomonInstance.Read(BenchmarkData.SolomonFile(name));
        var problem = instance.ToProblem();

        Assert.Equal(name, instance.Name);
        Assert.Equal(vehicles, instance.VehicleCount);
        Assert.Equal(capacity, instance.Capacity);
        Assert.Equal(100, instance.CustomerCount);
        Assert.Equal(Enumerable.Range(0, 101), instance.Customers.Select(c => c.Number));

        Assert.Equal(100, problem.Tasks.Count);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), problem.Tasks.Select(t => t.Id));
        Assert.All(problem.Tasks, t => Assert.Equal(t.Id, t.ClientId));
        Assert.Equal(vehicles, problem.Nurses.Count);
        Assert.All(problem.Nurses, n =>
        {
            Assert.Equal(capacity, n.Capacity);
            Assert.Equal(0, n.StartLocation);
            Assert.Equal(0, n.EndLocation);
            Assert.Equal(instance.Customers[0].ReadyTime, n.ShiftStart);
            Assert.Equal(instance.Customers[0].DueDate, n.ShiftEnd);
            Assert.Empty(n.Qualifications);
        });
        Assert.Equal(problem.Nurses.Count, problem.Nurses.Select(n => n.Id).Distinct().Count());
        Assert.True(problem.Cost.HardWindows);
        Assert.Empty(problem.TaskLinks);
    }

    [Fact]
    public void R101_reads_its_rows_into_tasks_and_travels_the_exact_euclidean_distance()
    {
        var problem = SolomonInstance.Read(BenchmarkData.SolomonFile("R101")).ToProblem();

        // "1  41  49  10  161  171  10" and the depot at (35, 35), open 0 to 230.
        var first = problem.Tasks[0];
        Assert.Equal(new PlanTask("1", "1", 1, 161, 171, 10, Load: 10), first);
        Assert.Equal("v1", problem.Nurses[0].Id);
        Assert.Equal("v25", problem.Nurses[^1].Id);
        Assert.Equal(230, problem.Nurses[0].ShiftEnd);
        Assert.Equal(Math.Sqrt((6 * 6) + (14 * 14)), problem.Travel.Between(0, 1), 12);
        Assert.Equal(1458, problem.Tasks.Sum(t => t.Load));
    }

    [Fact]
    public void Vehicles_come_first_then_distance_as_the_literature_ranks_solutions()
    {
        var weights = SolomonInstance.Read(BenchmarkData.SolomonFile("C101")).ToProblem().Cost;

        Assert.Equal(new PlanningWeights(Travel: 1, Lateness: 0, MaxLateness: 0, Continuity: 0, Fairness: 0, PerNurseUsed: 100_000, HardWindows: true), weights);
    }

    [Fact]
    public void The_best_known_table_has_every_instance_with_its_vehicles_and_distance()
    {
        var best = BestKnown.ReadSolomon(BenchmarkData.SolomonBestKnownFile);

        Assert.Equal(["C101", "C201", "R101", "R201", "RC101", "RC201"], best.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new SolomonBestKnown("R101", 19, 1650.80), best["R101"]);
        Assert.Equal(new SolomonBestKnown("C101", 10, 828.94), best["c101"]);
        foreach (var name in best.Keys)
        {
            Assert.Equal(name, SolomonInstance.Read(BenchmarkData.SolomonFile(name)).Name);
        }
    }
}

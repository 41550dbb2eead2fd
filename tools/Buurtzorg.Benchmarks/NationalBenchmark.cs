using System.Diagnostics;
using System.Globalization;
using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Demo;
using Buurtzorg.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Buurtzorg.Benchmarks;

/// <summary>
/// The national scale: generate the region into PostgreSQL through the grains, then, on a fresh
/// silo, activate every team, schedule, nurse, client and care plan from storage, and ask the
/// national capacity question. The anchor, in the same process and on the same silo: the rate
/// at which Orleans activates grains that have no state at all. Options: <see cref="BenchmarksCommand"/>.
/// </summary>
internal static class NationalBenchmark
{

    // only: "generation", "activation", or null for both in one process.
    public static async Task<int> Run(string postgres, int teams, int concurrency, string? only)
    {
        if (only != "activation")
        {
            using var generator = await StartSilo(postgres, "generate");
            var summary = await DemoRegionGenerator.Generate(
                generator.Services.GetRequiredService<IGrainFactory>(), DemoOptions.National(teams) with { Parallelism = 16 }, new ProgressLine("teams generated", teams));
            // Let the capacity figures of the last changes settle into storage before stopping.
            await Task.Delay(TimeSpan.FromSeconds(3));
            await generator.StopAsync();
            Print($"generation: {summary.Teams} teams, {summary.Nurses} nurses, {summary.Clients} clients, {summary.CarePlanProblems} problems in {summary.Elapsed.TotalSeconds:F0} s");
        }

        if (only == "generation")
        {
            return 0;
        }

        using var host = await StartSilo(postgres, "activate");
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var before = Memory();
        var peak = before.WorkingSet;
        using var sampling = new Timer(_ => InterlockedMax(ref peak, Environment.WorkingSet), null, 0, 50);

        // Teams first (their lists name everyone else), then every nurse, client and care plan as
        // one flat stream at the anchor's concurrency.
        var stopwatch = Stopwatch.StartNew();
        var listings = await grains.GetGrain<ITeamDirectoryGrain>(0).List();
        var snapshots = new TeamSnapshot?[listings.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, listings.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
        {
            snapshots[i] = await grains.GetGrain<ITeamGrain>(listings[i].Id).Get();
            await grains.GetGrain<ITeamScheduleGrain>(listings[i].Id).GetVisits(DateOnly.MinValue, DateOnly.MinValue.AddDays(1));
        });
        var teamsActivated = stopwatch.Elapsed;
        var members = snapshots.OfType<TeamSnapshot>().SelectMany(t =>
            t.Nurses.Select(n => (Kind: 'n', Id: n.NurseId))
                .Concat(t.ClientIds.Select(c => (Kind: 'c', Id: c)))
                .Concat(t.ClientIds.Select(c => (Kind: 'p', Id: c)))).ToList();
        // The workers only bump a counter and a timer prints it: the measured loop takes no lock.
        var activatedSoFar = 0;
        var progress = new ProgressLine("grains activated", members.Count);
        var ticker = new Timer(_ => progress.Report(Volatile.Read(ref activatedSoFar)), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        await Parallel.ForEachAsync(members, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (member, _) =>
        {
            switch (member.Kind)
            {
                case 'n': await grains.GetGrain<INurseGrain>(member.Id).Get(); break;
                case 'c': await grains.GetGrain<IClientGrain>(member.Id).Get(); break;
                default: await grains.GetGrain<ICarePlanGrain>(member.Id).Get(); break;
            }

            Interlocked.Increment(ref activatedSoFar);
        });
        await ticker.DisposeAsync();
        progress.Report(members.Count);
        var activation = stopwatch.Elapsed;
        long activated = 1 + 2 * listings.Count + members.Count;
        InterlockedMax(ref peak, Environment.WorkingSet);
        var after = Memory();

        var latencies = new List<double>();
        CapacityOverview? overview = null;
        for (var i = 0; i < 21; i++)
        {
            var query = Stopwatch.StartNew();
            overview = await grains.GetGrain<ICapacityRollupGrain>(CapacityRollup.Nation).GetOverview();
            latencies.Add(query.Elapsed.TotalMilliseconds);
        }

        var emptyCount = (int)Math.Min(activated, 200_000);
        var empty = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, emptyCount), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, _) =>
            await grains.GetGrain<IEmptyGrain>(Guid.NewGuid()).Ping());
        var emptyRate = emptyCount / empty.Elapsed.TotalSeconds;

        // The stored anchor: write the same number of one-number grains, let them all go, then
        // activate them again cold from storage.
        var storedIds = Enumerable.Range(0, emptyCount).Select(_ => Guid.NewGuid()).ToArray();
        await Parallel.ForEachAsync(storedIds, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, _) =>
            await grains.GetGrain<IStoredNumberGrain>(id).Set(1));
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var stored = Stopwatch.StartNew();
        await Parallel.ForEachAsync(storedIds, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, _) =>
        {
            if (await grains.GetGrain<IStoredNumberGrain>(id).Get() != 1)
            {
                throw new InvalidOperationException("A stored grain did not read its state back.");
            }
        });
        var storedRate = emptyCount / stored.Elapsed.TotalSeconds;
        await host.StopAsync();

        var rate = activated / activation.TotalSeconds;
        Print($"cold activation: {activated} grains of {listings.Count} teams in {activation.TotalSeconds:F1} s = {rate:F0} grains/s (teams and schedules {teamsActivated.TotalSeconds:F1} s)");
        Print($"anchor: {emptyCount} empty grains at {emptyRate:F0} grains/s; ratio {rate / emptyRate:F2}");
        Print($"stored anchor: {emptyCount} one-number grains read cold from the same store at {storedRate:F0} grains/s ({storedRate / emptyRate:F2} of empty); domain grains at {rate / storedRate:F2} of it");
        Print($"memory: working set {Mib(before.WorkingSet)} MiB before, {Mib(after.WorkingSet)} MiB after = {(double)(after.WorkingSet - before.WorkingSet) / activated:F0} bytes per activated grain " +
              $"(managed heap +{Mib(after.Heap - before.Heap)} MiB = {(double)(after.Heap - before.Heap) / activated:F0} bytes per grain); peak working set {Mib(peak)} MiB");
        latencies.Sort();
        Print($"national capacity query: median {latencies[latencies.Count / 2]:F1} ms, max {latencies[^1]:F1} ms over {latencies.Count} queries " +
              $"({overview!.Teams.Count} teams, {overview.Regions.Count} regions, {overview.Nation.ActiveClients} active clients)");
        return 0;
    }

    private static string Mib(long bytes) => (bytes / 1024.0 / 1024).ToString("F0", CultureInfo.InvariantCulture);

    private static void InterlockedMax(ref long target, long value)
    {
        for (var seen = Interlocked.Read(ref target); value > seen; seen = Interlocked.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    private static (long Heap, long WorkingSet) Memory()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        return (heap, Environment.WorkingSet);
    }

    private static Task<IHost> StartSilo(string postgres, string purpose) =>
        BenchmarkSilo.Start(postgres, "buurtzorg-national", $"national-{purpose}", 11611);

    private static void Print(string line) => Console.WriteLine(line);
}

using System.Diagnostics;
using System.Globalization;
using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Demo;
using Buurtzorg.Grains;
using Buurtzorg.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Buurtzorg.Benchmarks;

/// <summary>
/// The national scale: generate the region into PostgreSQL through the grains, then, on a fresh
/// silo, activate every team, schedule, nurse, client and care plan from storage, and ask the
/// national capacity question. The anchor, in the same process and on the same silo: the rate
/// at which Orleans activates grains that have no state at all. Usage:
///   Buurtzorg.Benchmarks national --postgres "&lt;connection string&gt;" [--teams 900] [--skip-generation]
/// </summary>
internal static class NationalBenchmark
{
    private const int Concurrency = 64;

    public static async Task<int> Run(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var postgres = Value("--postgres") ?? throw new ArgumentException("Give a PostgreSQL connection string with --postgres.");
        var teams = int.Parse(Value("--teams") ?? "900", CultureInfo.InvariantCulture);

        if (!args.Contains("--skip-generation"))
        {
            using var generator = await StartSilo(postgres, "generate");
            var summary = await DemoRegionGenerator.Generate(generator.Services.GetRequiredService<IGrainFactory>(), DemoOptions.National(teams) with { Parallelism = 16 });
            // Let the capacity figures of the last changes settle into storage before stopping.
            await Task.Delay(TimeSpan.FromSeconds(3));
            await generator.StopAsync();
            Print($"generation: {summary.Teams} teams, {summary.Nurses} nurses, {summary.Clients} clients, {summary.CarePlanProblems} problems in {summary.Elapsed.TotalSeconds:F0} s");
        }

        using var host = await StartSilo(postgres, "activate");
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var before = Memory();

        var stopwatch = Stopwatch.StartNew();
        var listings = await grains.GetGrain<ITeamDirectoryGrain>(0).List();
        var activated = 1L;
        var peak = 0L;
        await Parallel.ForEachAsync(listings, new ParallelOptions { MaxDegreeOfParallelism = Concurrency / 8 }, async (listing, _) =>
        {
            var team = (await grains.GetGrain<ITeamGrain>(listing.Id).Get())!;
            await grains.GetGrain<ITeamScheduleGrain>(listing.Id).GetVisits(DateOnly.MinValue, DateOnly.MinValue.AddDays(1));
            await Task.WhenAll(team.Nurses.Select(n => grains.GetGrain<INurseGrain>(n.NurseId).Get().AsTask()));
            foreach (var chunk in team.ClientIds.Chunk(8))
            {
                await Task.WhenAll(chunk.Select(async c =>
                {
                    await grains.GetGrain<IClientGrain>(c).Get();
                    await grains.GetGrain<ICarePlanGrain>(c).Get();
                }));
            }

            Interlocked.Add(ref activated, 2 + team.Nurses.Count + 2L * team.ClientIds.Count);
            Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), Environment.WorkingSet));
        });
        var activation = stopwatch.Elapsed;
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
        await Parallel.ForEachAsync(Enumerable.Range(0, emptyCount), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (_, _) =>
            await grains.GetGrain<IEmptyGrain>(Guid.NewGuid()).Ping());
        var emptyRate = emptyCount / empty.Elapsed.TotalSeconds;
        await host.StopAsync();

        var rate = activated / activation.TotalSeconds;
        Print($"cold activation: {activated} grains of {listings.Count} teams in {activation.TotalSeconds:F1} s = {rate:F0} grains/s");
        Print($"anchor: {emptyCount} empty grains at {emptyRate:F0} grains/s; ratio {rate / emptyRate:F2}");
        Print($"memory: managed heap +{(after.Heap - before.Heap) / 1024.0 / 1024:F0} MiB, working set +{(after.WorkingSet - before.WorkingSet) / 1024.0 / 1024:F0} MiB " +
              $"= {(double)(after.WorkingSet - before.WorkingSet) / activated:F0} bytes per activated grain; peak working set {Math.Max(peak, after.WorkingSet) / 1024.0 / 1024:F0} MiB");
        latencies.Sort();
        Print($"national capacity query: median {latencies[latencies.Count / 2]:F1} ms, max {latencies[^1]:F1} ms over {latencies.Count} queries " +
              $"({overview!.Teams.Count} teams, {overview.Regions.Count} regions, {overview.Nation.ActiveClients} active clients)");
        return 0;
    }

    private static (long Heap, long WorkingSet) Memory()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        return (heap, Environment.WorkingSet);
    }

    private static async Task<IHost> StartSilo(string postgres, string purpose)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = postgres,
            ["Orleans:ServiceId"] = "buurtzorg-national",
            ["Orleans:ClusterId"] = $"national-{purpose}-{Environment.ProcessId}",
            ["Orleans:SiloPort"] = "11611",
            ["Orleans:GatewayPort"] = "30611",
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
        });
        builder.AddBuurtzorgSilo(GrainStorage.Name);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static void Print(string line) => Console.WriteLine(line);
}

using System.Diagnostics;
using System.Globalization;
using Buurtzorg.Contracts.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Benchmarks;

/// <summary>
/// Durable grain writes per second: N concurrent writers, each driving its own team grain
/// through the real TeamGrain (add a nurse, remove her: one persisted write each, each published
/// as a change event) on a silo whose storage is the project's AdoNet schema. Options: <see cref="BenchmarksCommand"/>.
/// </summary>
internal static class DurableWrites
{
    public static async Task<int> Run(Arguments options)
    {

        using var host = await BenchmarkSilo.Start(options.Postgres, "buurtzorg-benchmark", "benchmark", 11411);

        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var teams = new ITeamGrain[options.Concurrency];
        for (var i = 0; i < teams.Length; i++)
        {
            teams[i] = grains.GetGrain<ITeamGrain>(Guid.NewGuid());
            await teams[i].Create($"Benchmark team {i + 1}");
            // The founder stays: a team left with nobody retires, and refuses changes after that.
            Check(await teams[i].AddNurse(Guid.NewGuid(), "Benchmark oprichter"));
        }

        // Warm-up: activations, connection pool and JIT, not counted. Ten seconds: on a busy
        // two-core machine tiered compilation was still promoting ~250 methods a second after 30 s.
        await RunWriters(teams, TimeSpan.FromSeconds(10));
        var (writes, elapsed) = await RunWriters(teams, TimeSpan.FromSeconds(options.Seconds));
        await host.StopAsync();

        var rate = writes / elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grain-writes: {writes} in {elapsed.TotalSeconds:F1} s with {options.Concurrency} writers = {rate:F0} writes/s"));
        return 0;
    }

    static async Task<(long Writes, TimeSpan Elapsed)> RunWriters(ITeamGrain[] teams, TimeSpan duration)
    {
        long writes = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(teams.Select(async team =>
        {
            while (stopwatch.Elapsed < duration)
            {
                var nurse = Guid.NewGuid();
                Check(await team.AddNurse(nurse, "Benchmark verpleegkundige"));
                Check(await team.RemoveNurse(nurse));
                Interlocked.Add(ref writes, 2);
            }
        }));
        return (writes, stopwatch.Elapsed);
    }

    static void Check(TeamResult result)
    {
        if (result.Error != TeamError.None)
        {
            throw new InvalidOperationException($"Benchmark write refused: {result.Error}");
        }
    }
}

internal sealed record Arguments(string Postgres, int Concurrency, double Seconds);

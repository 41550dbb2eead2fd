using Buurtzorg.Chaos.Cluster;
using Buurtzorg.Chaos.Load;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Chaos.Faults;

/// <summary>
/// Applies the run's faults one after another while the load runs: a baseline first; after each
/// fault's cause is over (the killed host started again, the stopped one continued, the database
/// up) the load goes on for the settle time, and the next fault waits until every host serves,
/// so each fault's window holds its whole recovery.
/// </summary>
public sealed class FaultPlan(ChaosOptions options, ChaosCluster cluster, Database database, GrainLocator locator, DemoWorld world, Random random)
{
    private static readonly TimeSpan ServePatience = TimeSpan.FromSeconds(120);

    public async Task<IReadOnlyList<FaultRecord>> Run(CancellationToken cancellationToken)
    {
        var faults = new List<FaultRecord>();
        await Task.Delay(options.Baseline, cancellationToken);
        foreach (var kind in options.Faults)
        {
            var (fault, hostBack) = kind switch
            {
                FaultKind.KillHolder or FaultKind.KillRandom => await Kill(kind),
                FaultKind.Stop => await Stop(),
                FaultKind.PostgresRestart => (await CrashDatabase(), Task.CompletedTask),
                _ => (await StopDatabase(), Task.CompletedTask),
            };
            faults.Add(fault);
            await Task.Delay(options.Settle, cancellationToken);
            await hostBack;
            await cluster.AllServing();
        }

        return faults;
    }

    private async Task<(FaultRecord, Task)> Kill(FaultKind kind)
    {
        var (holder, where) = await WhereTheLoadLives();
        var target = kind == FaultKind.KillHolder && holder is not null ? holder : Any();
        var note = kind == FaultKind.KillHolder && holder is null
            ? $"the cluster did not say which host holds the team schedule; killed a random one. {where}"
            : where;
        var fault = new FaultRecord(kind, target.Number, RunClock.Now) { Note = note };
        target.Kill();
        Timeline.Note($"{fault.Name}: kill -9 of host {target.Number} ({where})");
        await Task.Delay(options.KilledFor);
        fault.CauseEndedAt = RunClock.Now;
        return (fault, cluster.Restart(target));
    }

    private async Task<(FaultRecord, Task)> Stop()
    {
        var target = Any();
        var fault = new FaultRecord(FaultKind.Stop, target.Number, RunClock.Now);
        await target.Pause();
        Timeline.Note($"sigstop: host {target.Number} stopped for {options.StoppedFor.TotalSeconds} s");
        await Task.Delay(options.StoppedFor);
        await target.Resume();
        fault.CauseEndedAt = RunClock.Now;
        Timeline.Note($"sigstop: host {target.Number} continued");
        return (fault, target.WaitUntilBack(ServePatience));
    }

    private async Task<FaultRecord> CrashDatabase()
    {
        var fault = new FaultRecord(FaultKind.PostgresRestart, null, RunClock.Now);
        Timeline.Note("pg-restart: pg_ctl restart -m immediate");
        await database.CrashAndRestart();
        fault.CauseEndedAt = fault.DatabaseBackAt = RunClock.Now;
        Timeline.Note("pg-restart: PostgreSQL accepts connections again");
        return fault;
    }

    private async Task<FaultRecord> StopDatabase()
    {
        var fault = new FaultRecord(FaultKind.PostgresStop, null, RunClock.Now);
        Timeline.Note($"pg-stop: PostgreSQL stopped for {options.DatabaseDownFor.TotalSeconds} s");
        await database.Stop();
        await Task.Delay(options.DatabaseDownFor);
        await database.Start();
        fault.CauseEndedAt = fault.DatabaseBackAt = RunClock.Now;
        Timeline.Note("pg-stop: PostgreSQL started and accepts connections again");
        return fault;
    }

    /// <summary>The host holding the team's schedule (the grain every claim, release and hand-over goes to), and where the load's other grains are.</summary>
    private async Task<(ChaosHost? Holder, string Where)> WhereTheLoadLives()
    {
        var grains = locator.Grains;
        var schedule = await locator.HostOf(grains.GetGrain<ITeamScheduleGrain>(world.TeamId));
        var team = await locator.HostOf(grains.GetGrain<ITeamGrain>(world.TeamId));
        var client = await locator.HostOf(grains.GetGrain<IClientGrain>(world.ClientId));
        var plans = new List<string>();
        foreach (var plan in world.NursePlans.Concat(world.ColleaguePlans))
        {
            plans.Add(Name(await locator.HostOf(grains.GetGrain<ICarePlanGrain>(plan))));
        }

        return (schedule, $"team schedule grain on {Name(schedule)}, team grain on {Name(team)}, the client's grain on {Name(client)}, care plan grains on {string.Join(", ", plans)}");
    }

    private static string Name(ChaosHost? host) => host is null ? "no host (not active)" : $"host {host.Number}";

    private ChaosHost Any()
    {
        var up = cluster.Hosts.Where(h => h.Running && !h.Paused).ToList();
        return up[random.Next(up.Count)];
    }
}

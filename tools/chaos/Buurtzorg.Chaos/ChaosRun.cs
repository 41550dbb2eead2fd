using System.Text.Json;
using Buurtzorg.Chaos.Checks;
using Buurtzorg.Chaos.Cluster;
using Buurtzorg.Chaos.Faults;
using Buurtzorg.Chaos.Http;
using Buurtzorg.Chaos.Load;
using Buurtzorg.Chaos.Watchers;

namespace Buurtzorg.Chaos;

/// <summary>
/// One run: the cluster up, the demo users signed in, watchers on every host, the load and the
/// faults together, then a quiet period, the final state, and the report. Exit code 1 when the
/// history disagrees with the final state (lost or doubled actions, a watcher that never caught up).
/// </summary>
public static class ChaosRun
{
    private static readonly TimeSpan SettlePatience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LateWatcherPatience = TimeSpan.FromSeconds(15);

    public static async Task<int> Run(ChaosOptions options)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(options.ReportPath))!;
        Directory.CreateDirectory(folder);
        var random = new Random(options.Seed);
        Timeline.Note($"{options.Mode} run, faults {string.Join(", ", options.Faults.Select(f => f.Name()))}; host logs in {folder}");

        using var cluster = await ChaosCluster.Start(options, folder);
        // A stop of the harness (Ctrl-C, the script's trap) must not leave hosts behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();

        var accounts = DemoAccount.FromHostOutput(await File.ReadAllTextAsync(Path.Combine(folder, "host-1.log")));
        var first = cluster.Hosts[0].Address;
        // The Orleans client connects while the users sign in and look around: start-up is what a CI run waits for.
        var connecting = GrainLocator.Connect(options, cluster.Hosts);
        var signIns = new[] { DemoAccount.Nurse, DemoAccount.Colleague, DemoAccount.Client }.Select(name => UserSession.SignIn(first, accounts[name])).ToList();
        using var nurse = await signIns[0];
        using var colleague = await signIns[1];
        using var client = await signIns[2];

        var history = new History();
        var requests = new Requests(cluster.Hosts, history);
        var world = await DemoWorld.Discover(requests, nurse, colleague, client);

        var watchers = cluster.Hosts.SelectMany(h => new Watcher[]
        {
            new TeamWatcher(h, nurse, requests, world.TeamId),
            new NurseWatcher(h, colleague, requests, world.TeamId),
            new ClientWatcher(h, client, requests),
        }).ToList();
        watchers.ForEach(w => w.Start());

        var actions = new ActionLog();
        var (nurseRounds, colleagueRounds) = RoundsAgent.Pair(world, requests, actions, random);
        var nursePlans = new CarePlanAgent(nurse, world.NursePlans, requests, actions, new Random(random.Next()));
        var colleaguePlans = new CarePlanAgent(colleague, world.ColleaguePlans, requests, actions, new Random(random.Next()));
        var network = new NetworkAgent(colleague, client, requests, actions, new Random(random.Next()));
        await Task.WhenAll(nursePlans.Prepare(), colleaguePlans.Prepare());
        await using var locator = await connecting;

        using var stopLoad = new CancellationTokenSource();
        var loadStarted = RunClock.Now;
        Timeline.Note($"load starts against all {cluster.Hosts.Count} hosts; {watchers.Count} watchers");
        var load = LoadDriver.Run(
            [_ => nurseRounds.Step(), _ => colleagueRounds.Step(), _ => nursePlans.Step(), _ => colleaguePlans.Step(), network.Step],
            stopLoad.Token);
        var probes = Prober.Run(requests, nurse, world.TeamId, stopLoad.Token);

        var faults = await new FaultPlan(options, cluster, new Database(options), locator, world, random).Run(CancellationToken.None);
        await stopLoad.CancelAsync();
        await Task.WhenAll(load, probes);
        var loadEnded = RunClock.Now;
        Timeline.Note("load stopped; waiting for every watcher to settle");

        var settleUntil = RunClock.Now + SettlePatience.TotalSeconds;
        while (RunClock.Now < settleUntil && !watchers.All(w => w.Settled))
        {
            await Task.Delay(500);
        }

        await Task.Delay(Quiet);
        var all = actions.All;
        var final = await FinalState.Read(requests, world, all);
        Verifier.Check(all, final);
        var results = await Converge(watchers, final);
        Timeline.Note("final state read and checked");

        var report = ChaosReport.Build(options, history.Attempts, all, faults, results, loadStarted, loadEnded);
        ReportPrinter.Print(report, Console.Out);
        await File.WriteAllTextAsync(options.ReportPath, JsonSerializer.Serialize(report, Json.Indented));
        var historyPath = Path.ChangeExtension(options.ReportPath, ".history.jsonl");
        await history.WriteJsonLines(historyPath);
        Console.WriteLine($"report: {options.ReportPath}; every request: {historyPath}; host logs: {folder}");

        foreach (var watcher in watchers)
        {
            await watcher.DisposeAsync();
        }

        return report.CorrectnessPassed ? 0 : 1;
    }

    /// <summary>A watcher still reading when the final state was read gets a little longer; what it shows then is its answer.</summary>
    private static async Task<IReadOnlyList<WatcherResult>> Converge(IReadOnlyList<Watcher> watchers, FinalState final)
    {
        var until = RunClock.Now + LateWatcherPatience.TotalSeconds;
        while (RunClock.Now < until && watchers.Any(w => w.Difference(final) is not null))
        {
            await Task.Delay(1000);
        }

        return [.. watchers.Select(w => new WatcherResult(w.Host.Number, w.Kind, w.Difference(final) is null, w.Reconnects, w.Events, w.Difference(final)))];
    }
}

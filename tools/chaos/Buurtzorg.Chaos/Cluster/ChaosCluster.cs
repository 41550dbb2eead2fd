namespace Buurtzorg.Chaos.Cluster;

/// <summary>
/// The run's hosts, one Orleans cluster on the run's database. The first starts with
/// <c>--demo</c> (the region and the demo accounts); every restart joins without it. Like a
/// process supervisor, a host that ends by itself is started again a second later.
/// </summary>
public sealed class ChaosCluster : IDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(120);
    private readonly CancellationTokenSource _stopping = new();
    private bool _disposed;

    private ChaosCluster(IReadOnlyList<ChaosHost> hosts)
    {
        Hosts = hosts;
        foreach (var host in hosts)
        {
            host.ExitedByItself += (h, code) => _ = RestartAfterExit(h, code);
        }
    }

    public IReadOnlyList<ChaosHost> Hosts { get; }

    public static async Task<ChaosCluster> Start(ChaosOptions options, string logFolder)
    {
        var launch = HostLaunch.For(options);
        if (!File.Exists(launch.HostDll))
        {
            throw new FileNotFoundException($"Build the host first (tools/chaos/run.sh does): {launch.HostDll}");
        }

        var cluster = new ChaosCluster([.. Enumerable.Range(1, options.Hosts).Select(n => new ChaosHost(n, launch, Path.Combine(logFolder, $"host-{n}.log")))]);
        // The first seeds the demo region alone, every grain call in its own process; measured,
        // that is faster than seeding while the others join and spread the grains over TLS.
        var first = cluster.Hosts[0];
        first.Start(demo: true);
        Timeline.Note($"host 1 starting at {first.Address} (silo port {first.SiloPort}) with --demo");
        await first.WaitUntilServing(StartPatience, cluster._stopping.Token);
        foreach (var host in cluster.Hosts.Skip(1))
        {
            host.Start(demo: false);
            Timeline.Note($"host {host.Number} starting at {host.Address} (silo port {host.SiloPort})");
        }

        await Task.WhenAll(cluster.Hosts.Select(h => h.WaitUntilServing(StartPatience, cluster._stopping.Token)));
        Timeline.Note("every host serves");
        return cluster;
    }

    /// <summary>Before the next fault every host must serve: a fault on a cluster still recovering from the last one measures both.</summary>
    public Task AllServing() => Task.WhenAll(Hosts.Select(h => h.WaitUntilBack(StartPatience)));

    public async Task Restart(ChaosHost host)
    {
        host.Start(demo: false);
        Timeline.Note($"host {host.Number} restarted (without --demo)");
        await host.WaitUntilServing(StartPatience, _stopping.Token);
        Timeline.Note($"host {host.Number} serves again");
    }

    private async Task RestartAfterExit(ChaosHost host, int code)
    {
        Timeline.Note($"host {host.Number} exited by itself (exit code {code}); the supervisor starts it again in 1 s");
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), _stopping.Token);
            await Restart(host);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            Timeline.Note($"host {host.Number} did not come back: {e.Message}");
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stopping.Cancel();
        foreach (var host in Hosts)
        {
            host.Dispose();
        }

        _stopping.Dispose();
    }
}

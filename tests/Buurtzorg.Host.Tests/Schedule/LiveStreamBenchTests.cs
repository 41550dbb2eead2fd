using Buurtzorg.HubBench;

namespace Buurtzorg.Host.Tests.Schedule;

/// <summary>
/// The live stream bench's measuring core, small: if it counted wrongly, its figures in
/// docs/benchmarks.md would be wrong too. Every change made over HTTP reaches every watcher of
/// its team, on the real host and on the anchor alike, and the sampled pages catch up.
/// </summary>
public sealed class LiveStreamBenchTests
{
    private static readonly RunSettings Small = new(Connections: 6, Rate: 20, Seconds: 1, WarmupSeconds: 0) { DrainTimeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task On_the_host_every_watcher_hears_every_claim_and_release_and_the_pages_catch_up()
    {
        await using var target = await BuurtzorgTarget.Start();
        await target.Seed(new SeedSettings(Teams: 2, NursesPerTeam: 2, ClientsPerTeam: 1));

        var result = await new StreamRun(target, Small).Run();

        AllHeard(result);
    }

    [Fact]
    public async Task On_the_anchor_every_watcher_hears_every_change_and_the_pages_catch_up()
    {
        await using var target = await AnchorTarget.Start([14, 14]);

        var result = await new StreamRun(target, Small).Run();

        AllHeard(result);
    }

    private static void AllHeard(StreamResult result)
    {
        Assert.True(result.Drained, $"not drained: {result.Deliveries} deliveries of {result.VersionsProduced} versions; errors: {result.ErrorKinds}; lost: {result.LostSample}");
        Assert.Equal((0L, ""), (result.ChangeErrors, result.ErrorKinds));
        Assert.Equal(20, result.VersionsProduced);
        // Three watchers a team, each hearing each of its team's versions once.
        Assert.Equal(result.VersionsProduced * 3, result.Deliveries);
        Assert.Equal((0L, 0L), (result.LostDeliveries, result.VersionsNoneSaw));
        Assert.Equal(result.Deliveries, result.Event.Count);
        // One page a team reads after events; between them they cover every version once.
        Assert.Equal(result.VersionsProduced, result.CatchUp.Count);
        Assert.Equal(0L, result.CatchUpErrors);
    }
}

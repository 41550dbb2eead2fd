using Buurtzorg.Contracts.Teams;
using Buurtzorg.Grains.Schedule;
using Orleans.Core.Internal;
using Orleans.TestingHost;

namespace Buurtzorg.Grains.Tests.Schedule;

/// <summary>
/// A silo whose publisher would hold a batch for an hour: the only way a change can reach the
/// relay in this test is the publisher sending what it holds when its activation ends.
/// In the cluster collection, because the recording relay's channels are shared.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PublisherDeactivationTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<LongWindow>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_batch_the_publisher_holds_when_it_is_deactivated_still_reaches_the_relay()
    {
        var publisher = _cluster.GrainFactory.GetGrain<IScheduleEventPublisherGrain>(0);
        var teamId = Guid.NewGuid();

        await publisher.Publish(new TeamChanged(teamId, 1, TeamChangeKind.Founded, null, DateTimeOffset.UtcNow));
        await publisher.AsReference<IGrainManagementExtension>().DeactivateOnIdle();

        var received = await ScheduleEventTests.ReadFor(teamId, count: 1);

        Assert.Equal(1, received.Single().Version);
    }

    private sealed class LongWindow : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.Services.AddScheduleEventRelay<RecordingRelay>(o => o.BatchWindow = TimeSpan.FromHours(1));
    }
}

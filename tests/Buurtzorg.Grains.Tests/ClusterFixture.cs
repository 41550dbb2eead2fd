using Buurtzorg.Grains.Idempotency;
using Buurtzorg.Grains.Schedule;
using Buurtzorg.Grains.Tests.Schedule;
using Orleans.TestingHost;

namespace Buurtzorg.Grains.Tests;

/// <summary>
/// One in-process cluster for the logic tests. Grain state lives in memory here: these tests are
/// about the grains' rules; the real database is exercised in the host tests.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage(GrainStorage.Name);
            siloBuilder.Services.AddScheduleEventRelay<RecordingRelay>();
            siloBuilder.AddOutcomeLedgers();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

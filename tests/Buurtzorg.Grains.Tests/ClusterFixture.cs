using Buurtzorg.Grains.Idempotency;
using Buurtzorg.Grains.Schedule;
using Buurtzorg.Grains.Tests.Faults;
using Buurtzorg.Grains.Tests.Schedule;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Buurtzorg.Grains.Tests;

/// <summary>
/// One in-process cluster for the logic tests. Grain state lives in memory here: these tests are
/// about the grains' rules; the real database is exercised in the host tests. The storage counts
/// and fails writes, and calls can be made to fail, so tests can tell what a fault leaves behind.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public WatchedStorage Storage => (WatchedStorage)Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);

    public FailingCalls Calls => Services.GetRequiredService<FailingCalls>();

    private IServiceProvider Services => ((InProcessSiloHandle)Cluster.Primary!).ServiceProvider;

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
        private const string MemoryStorage = "memory";

        public void Configure(ISiloBuilder siloBuilder)
        {
            // As the host stores state, so state read back (after a failed write) reads as it would there.
            siloBuilder.UseSystemTextJsonGrainStorageSerializer();
            siloBuilder.AddMemoryGrainStorage(MemoryStorage);
            siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(
                GrainStorage.Name, (services, _) => new WatchedStorage(services.GetRequiredKeyedService<IGrainStorage>(MemoryStorage), services.GetRequiredService<IGrainStorageSerializer>()));
            siloBuilder.Services.AddSingleton<FailingCalls>();
            siloBuilder.Services.AddSingleton<IIncomingGrainCallFilter>(services => services.GetRequiredService<FailingCalls>());
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

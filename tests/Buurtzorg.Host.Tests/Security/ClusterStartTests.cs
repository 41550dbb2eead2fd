using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.Security;

/// <summary>A cluster host does not start with an unprotected transport unless told, loudly, that it is a developer's cluster.</summary>
public sealed class ClusterStartTests : IAsyncLifetime
{
    private readonly PostgresServer _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_cluster_host_without_a_certificate_refuses_to_start()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestHost.StartOnPostgresWith(_database.ConnectionString, $"bare-{Guid.NewGuid():N}", []));

        Assert.Contains("Orleans:Tls:CertificatePath", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_host_with_a_certificate_path_that_does_not_exist_refuses_to_start()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestHost.StartOnPostgresWith(_database.ConnectionString, $"missing-{Guid.NewGuid():N}", new() { ["Orleans:Tls:CertificatePath"] = "/nonexistent/cluster.pfx" }));
    }

    [Fact]
    public async Task A_cluster_host_on_the_development_switch_starts_and_warns_that_anyone_can_read_its_grains()
    {
        await using var host = await TestHost.StartOnPostgresWith(_database.ConnectionString, $"insecure-{Guid.NewGuid():N}",
            new() { ["Orleans:Tls:AllowInsecureDevelopmentCluster"] = "true" });

        Assert.Contains(host.Logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("INSECURE CLUSTER", StringComparison.Ordinal));
    }
}

using System.Net;
using Buurtzorg.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Buurtzorg.Chaos.Cluster;

/// <summary>
/// Asks the cluster where a grain lives, as an operator's tool would: an Orleans client at the
/// hosts' gateways (mutual TLS with the cluster certificate) calling the management grain. No
/// host endpoint tells this, and a host's log does not name the grains it activates.
/// </summary>
public sealed class GrainLocator : IAsyncDisposable
{
    private readonly IHost _client;
    private readonly IReadOnlyList<ChaosHost> _hosts;

    private GrainLocator(IHost client, IReadOnlyList<ChaosHost> hosts)
    {
        _client = client;
        _hosts = hosts;
    }

    public IGrainFactory Grains => _client.Services.GetRequiredService<IClusterClient>();

    public static async Task<GrainLocator> Connect(ChaosOptions options, IReadOnlyList<ChaosHost> hosts)
    {
        var certificate = ClusterCertificate.Load(new ClusterTlsSettings
        {
            CertificatePath = options.CertificatePath,
            CertificatePassword = options.CertificatePassword,
        })!;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering([.. hosts.Select(h => new IPEndPoint(IPAddress.Loopback, h.GatewayPort))]);
            client.Configure<ClusterOptions>(o =>
            {
                o.ServiceId = HostLaunch.ServiceId;
                o.ClusterId = HostLaunch.ClusterId;
            });
            // It is asked only between faults; an answer that takes longer is no answer.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            client.UseClusterTls(certificate);
        });
        var host = builder.Build();
        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return new GrainLocator(host, hosts);
    }

    /// <summary>The host whose silo holds the grain's activation, or null when it is not active (or the cluster does not say).</summary>
    public async Task<ChaosHost?> HostOf(IAddressable grain)
    {
        try
        {
            var silo = await Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grain);
            return silo is null ? null : _hosts.FirstOrDefault(h => h.SiloPort == silo.Endpoint.Port);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            Timeline.Note($"the cluster did not say where a grain lives: {e.Message}");
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _client.StopAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }

        _client.Dispose();
    }
}

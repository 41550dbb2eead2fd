using System.Net;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Buurtzorg.Host.Tests.Security;

/// <summary>
/// A plain Orleans client, as the black-box test built one: the shipped contracts, static
/// clustering to a gateway, the ServiceId and ClusterId; TLS only if the test adds it.
/// </summary>
public static class OrleansClients
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Connects and lists the teams; throws if the silo will not have it.</summary>
    public static async Task<int> ListTeams(int gatewayPort, string clusterId, Action<IClientBuilder>? tls = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, gatewayPort));
            client.Configure<ClusterOptions>(o =>
            {
                o.ServiceId = TestHost.ServiceId;
                o.ClusterId = clusterId;
            });
            // A refused connection shows as a call that never gets an answer: do not wait 30 s for it.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            // The first refusal is the answer; retrying would only make the test wait.
            client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));
            tls?.Invoke(client);
        });
        using var host = builder.Build();
        try
        {
            await host.StartAsync().WaitAsync(Patience);
            var teams = await host.Services.GetRequiredService<IClusterClient>().GetGrain<Contracts.Teams.ITeamDirectoryGrain>(0).List().AsTask().WaitAsync(Patience);
            return teams.Count;
        }
        finally
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await host.StopAsync(stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}

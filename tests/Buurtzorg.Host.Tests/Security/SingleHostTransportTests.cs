using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Messaging;

namespace Buurtzorg.Host.Tests.Security;

/// <summary>The embedded host (SQLite) opens no Orleans gateway, even when a gateway port is configured.</summary>
public sealed class SingleHostTransportTests
{
    [Fact]
    public async Task An_orleans_client_finds_no_gateway_on_the_single_host()
    {
        using var file = new TempSqliteFile();
        var gatewayPort = TestHost.FreePort();
        await using var host = await TestHost.StartOnSqliteWith(file.Path, new() { ["Orleans:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture) });
        var clusterId = host.App.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId;

        var endpoints = host.App.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.Equal(0, endpoints.GatewayPort);
        Assert.Equal(IPAddress.Loopback, endpoints.AdvertisedIPAddress);
        using var socket = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => socket.ConnectAsync(IPAddress.Loopback, gatewayPort));
        await Assert.ThrowsAsync<ConnectionFailedException>(() => OrleansClients.ListTeams(gatewayPort, clusterId));
    }
}

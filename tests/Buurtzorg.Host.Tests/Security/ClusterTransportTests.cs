using System.Globalization;
using System.Net;
using Buurtzorg.Host.Tests.Infrastructure;
using Buurtzorg.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Messaging;

namespace Buurtzorg.Host.Tests.Security;

/// <summary>
/// A cluster host on PostgreSQL with a gateway opened for the test: only a client showing the
/// cluster certificate gets a grain call through; the others are refused during the TLS handshake.
/// </summary>
public sealed class ClusterTransportTests : IAsyncLifetime
{
    private readonly PostgresServer _database = new();
    private readonly string _clusterId = $"tls-{Guid.NewGuid():N}";
    private readonly int _gatewayPort = TestHost.FreePort();
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var settings = TestCertificate.Cluster.Settings();
        settings["Orleans:GatewayPort"] = _gatewayPort.ToString(CultureInfo.InvariantCulture);
        _host = await TestHost.StartOnPostgresWith(_database.ConnectionString, _clusterId, settings);
        await _host.CreateTeam("Buurtzorg Lombok");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_plain_orleans_client_with_the_service_and_cluster_id_cannot_read_a_grain()
    {
        await Assert.ThrowsAsync<ConnectionFailedException>(() => OrleansClients.ListTeams(_gatewayPort, _clusterId));
    }

    [Fact]
    public async Task An_orleans_client_with_a_certificate_of_its_own_cannot_read_a_grain()
    {
        var outsider = TestCertificate.Create("outsider");
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(outsider.Path, outsider.Password);

        // The outsider trusts any silo; it is the silo that must refuse the outsider.
        await Assert.ThrowsAsync<ConnectionFailedException>(() => OrleansClients.ListTeams(_gatewayPort, _clusterId,
            client => client.UseTls(certificate, o => o.AllowAnyRemoteCertificate())));
    }

    [Fact]
    public async Task An_orleans_client_with_the_cluster_certificate_reads_the_grains()
    {
        // The refusals above are the certificate's doing: with it, the same client gets through.
        var certificate = ClusterCertificate.Load(new ClusterTlsSettings { CertificatePath = TestCertificate.Cluster.Path, CertificatePassword = TestCertificate.Cluster.Password })!;

        Assert.Equal(1, await OrleansClients.ListTeams(_gatewayPort, _clusterId, client => client.UseClusterTls(certificate)));
    }

    [Fact]
    public void A_cluster_silo_listens_on_its_advertised_address_not_on_every_interface()
    {
        var endpoints = _host.App.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;

        Assert.Equal(IPAddress.Loopback, endpoints.AdvertisedIPAddress);
        // Unset listening endpoints mean: the advertised address.
        Assert.Null(endpoints.SiloListeningEndpoint);
        Assert.Null(endpoints.GatewayListeningEndpoint);
    }
}

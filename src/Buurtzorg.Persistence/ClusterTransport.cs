using Orleans.Connections.Security;

namespace Buurtzorg.Persistence;

/// <summary>
/// Mutual TLS between silos and at the gateway: each side shows the cluster certificate and
/// accepts only a peer that <see cref="ClusterCertificate.Trusts"/>. An Orleans client with no
/// certificate, or another one, never gets as far as a grain call.
/// </summary>
public static class ClusterTransport
{
    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, ClusterCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return silo.UseTls(certificate.Certificate, options => Configure(options, certificate));
    }

    /// <summary>For an Orleans client at a cluster's gateway (tools, tests).</summary>
    public static IClientBuilder UseClusterTls(this IClientBuilder client, ClusterCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return client.UseTls(certificate.Certificate, options => Configure(options, certificate));
    }

    private static void Configure(TlsOptions options, ClusterCertificate certificate)
    {
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // Chain and name errors are expected for a self-signed certificate reached by IP address;
        // the pin or the cluster's own CA decides instead.
        options.RemoteCertificateValidation = (remote, _, _) => certificate.Trusts(remote);
    }
}

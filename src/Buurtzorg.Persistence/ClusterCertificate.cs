using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Buurtzorg.Persistence;

/// <summary>
/// This host's certificate for the cluster transport and the key ring, and the rule a peer's
/// certificate must meet. The machine's trust store plays no part: a public CA vouches for
/// anyone's host name, not for membership of this cluster.
/// </summary>
public sealed class ClusterCertificate
{
    private readonly X509Certificate2? _authority;

    private ClusterCertificate(X509Certificate2 certificate, X509Certificate2? authority)
    {
        Certificate = certificate;
        _authority = authority;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>Loads the configured certificate; null when none is configured.</summary>
    public static ClusterCertificate? Load(ClusterTlsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.HasCertificate)
        {
            return null;
        }

        var path = settings.CertificatePath!;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Orleans:Tls:CertificatePath names '{path}', which does not exist.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, settings.CertificatePassword);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"The certificate in '{path}' has no private key: a silo must prove it holds it.");
        }

        var authority = settings.CertificateAuthorityPath is { Length: > 0 } ca
            ? X509CertificateLoader.LoadCertificateFromFile(ca)
            : null;
        return new ClusterCertificate(certificate, authority);
    }

    /// <summary>
    /// A peer is one of ours if it shows this very certificate, or, with a CA configured, one that
    /// CA issued. Host names are not checked: silos are reached by IP address.
    /// </summary>
    public bool Trusts(X509Certificate2 remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (_authority is null)
        {
            return CryptographicOperations.FixedTimeEquals(
                remote.GetCertHash(HashAlgorithmName.SHA256), Certificate.GetCertHash(HashAlgorithmName.SHA256));
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_authority);
        // A private CA for a handful of hosts publishes no revocation list; retire a host by
        // rotating the CA.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(remote);
    }
}

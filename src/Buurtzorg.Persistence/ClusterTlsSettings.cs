using Microsoft.Extensions.Configuration;

namespace Buurtzorg.Persistence;

/// <summary>
/// The certificate a cluster's silos (and any Orleans client at its gateway) show each other,
/// from <c>Orleans:Tls:*</c>. Without one a cluster host refuses to start, unless the development
/// switch says the cluster is a throw-away one on a developer's machine.
/// </summary>
public sealed record ClusterTlsSettings
{
    /// <summary>A PKCS#12 (PFX) file with the private key.</summary>
    public string? CertificatePath { get; init; }

    public string? CertificatePassword { get; init; }

    /// <summary>
    /// A CA certificate (PEM or DER) that issued every host's certificate. Unset, a peer must show
    /// exactly this host's certificate (one certificate shared by the cluster).
    /// </summary>
    public string? CertificateAuthorityPath { get; init; }

    /// <summary>Lets a cluster run without TLS: anyone who reaches a silo port reads every grain.</summary>
    public bool AllowInsecureDevelopmentCluster { get; init; }

    public bool HasCertificate => !string.IsNullOrWhiteSpace(CertificatePath);

    public static ClusterTlsSettings From(IConfiguration tls) => new()
    {
        CertificatePath = tls["CertificatePath"],
        CertificatePassword = tls["CertificatePassword"],
        CertificateAuthorityPath = tls["CertificateAuthorityPath"],
        AllowInsecureDevelopmentCluster = tls.GetValue("AllowInsecureDevelopmentCluster", false),
    };
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Buurtzorg.Host.Tests.Infrastructure;
using Buurtzorg.Persistence;

namespace Buurtzorg.Host.Tests.Security;

/// <summary>Which peer certificates a silo accepts: the pinned cluster certificate, or those the cluster's own CA issued.</summary>
public sealed class ClusterCertificateTests
{
    [Fact]
    public void A_peer_with_a_self_signed_certificate_of_its_own_is_not_taken_for_a_silo()
    {
        var cluster = Load(TestCertificate.Cluster);
        var outsider = TestCertificate.Create("outsider");
        using var outsiderCertificate = X509CertificateLoader.LoadPkcs12FromFile(outsider.Path, outsider.Password);

        Assert.True(cluster.Trusts(X509CertificateLoader.LoadCertificate(cluster.Certificate.RawData)));
        Assert.False(cluster.Trusts(outsiderCertificate));
    }

    [Fact]
    public void With_a_cluster_ca_a_peer_it_issued_is_trusted_and_a_look_alike_it_did_not_issue_is_not()
    {
        using var ca = Authority("buurtzorg-test-ca");
        using var forger = Authority("buurtzorg-test-ca");
        var folder = Path.Combine(Path.GetTempPath(), $"buurtzorg-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        var caPath = Path.Combine(folder, $"ca-{Guid.NewGuid():N}.cer");
        File.WriteAllBytes(caPath, ca.Export(X509ContentType.Cert));
        var hostPath = Path.Combine(folder, $"host-{Guid.NewGuid():N}.pfx");
        using (var host = Issue(ca, "host-a"))
        {
            File.WriteAllBytes(hostPath, host.Export(X509ContentType.Pfx, "pw"));
        }

        var cluster = ClusterCertificate.Load(new ClusterTlsSettings { CertificatePath = hostPath, CertificatePassword = "pw", CertificateAuthorityPath = caPath })!;
        using var peer = Issue(ca, "host-b");
        using var forged = Issue(forger, "host-b");

        Assert.True(cluster.Trusts(peer));
        Assert.False(cluster.Trusts(forged));
    }

    private static ClusterCertificate Load(TestCertificate certificate) =>
        ClusterCertificate.Load(new ClusterTlsSettings { CertificatePath = certificate.Path, CertificatePassword = certificate.Password })!;

    private static X509Certificate2 Authority(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, critical: true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var issued = request.Create(authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), RandomNumberGenerator.GetBytes(8));
        return issued.CopyWithPrivateKey(key);
    }
}

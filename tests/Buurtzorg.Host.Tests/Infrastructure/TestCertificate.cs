using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Buurtzorg.Host.Tests.Infrastructure;

/// <summary>
/// Self-signed certificates made in code, written to a PFX the way tools/dev-cluster-cert.sh
/// writes one: <see cref="Cluster"/> is the one every test cluster runs with.
/// </summary>
public sealed record TestCertificate(string Path, string Password)
{
    private static readonly Lazy<TestCertificate> Shared = new(() => Create("buurtzorg-test-cluster"));

    public static TestCertificate Cluster => Shared.Value;

    /// <summary>A certificate of its own, as an outsider would make one.</summary>
    public static TestCertificate Create(string commonName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"buurtzorg-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, $"{commonName}-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return new TestCertificate(path, password);
    }

    public Dictionary<string, string?> Settings() => new()
    {
        ["Orleans:Tls:CertificatePath"] = Path,
        ["Orleans:Tls:CertificatePassword"] = Password,
    };
}

namespace Buurtzorg.Chaos.Cluster;

/// <summary>What every host of the run starts with: the built host, its folder (it serves the web client from there) and the cluster's settings.</summary>
public sealed record HostLaunch(string HostDll, string ContentRoot, string EnvironmentName, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>
    /// Not Production: there the session cookie is always Secure (TLS ends at a proxy), and the
    /// harness talks plain HTTP to the hosts. Not Development either: the hosts run as staged.
    /// </summary>
    public const string Staged = "Staging";

    public static HostLaunch For(ChaosOptions options)
    {
        var contentRoot = Path.Combine(options.Repository, "src", "Buurtzorg.Host");
        return new HostLaunch(Path.GetFullPath(Path.Combine(contentRoot, "bin", BuildConfiguration, "net10.0", "Buurtzorg.Host.dll")), contentRoot, Staged, new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = options.Postgres,
            ["Orleans__ServiceId"] = ServiceId,
            ["Orleans__ClusterId"] = ClusterId,
            ["Orleans__AdvertisedIP"] = "127.0.0.1",
            ["Orleans__Tls__CertificatePath"] = options.CertificatePath,
            ["Orleans__Tls__CertificatePassword"] = options.CertificatePassword,
        });
    }

    public const string ServiceId = "buurtzorg-chaos";

    public const string ClusterId = "chaos";

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif
}

using System.Reflection;
using System.Text.Json;
using Buurtzorg.Host.Operations;
using Buurtzorg.Host.Tests.Infrastructure;
using Buurtzorg.Persistence;
using Buurtzorg.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace Buurtzorg.Host.Tests.Operations;

/// <summary>
/// The test machines have no Docker engine, so the container files are checked as text against
/// what the host reads: the compose file's settings are the host's configuration keys, its
/// healthchecks call the host's probe on its readiness path, the second host waits for the
/// first to be healthy, and the image runs as an unprivileged user with the pinned SDK.
/// </summary>
public sealed class ContainerFilesTests
{
    private static readonly YamlMappingNode Compose = Load();

    private static YamlMappingNode Services => (YamlMappingNode)Compose["services"];

    private static YamlMappingNode Load()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Repository.Root, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static IEnumerable<(string Name, YamlMappingNode Service)> Hosts() =>
        Services.Children.Where(s => ((YamlMappingNode)s.Value).Children.ContainsKey("build"))
            .Select(s => (((YamlScalarNode)s.Key).Value!, (YamlMappingNode)s.Value));

    private static YamlNode? Get(YamlMappingNode node, string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    [Fact]
    public void Every_host_is_checked_on_its_readiness_path_by_the_hosts_own_probe_and_stops_within_its_grace_period()
    {
        Assert.Equal(2, Hosts().Count());
        foreach (var (name, host) in Hosts())
        {
            var check = Assert.IsType<YamlMappingNode>(Get(host, "healthcheck"));
            var test = Assert.IsType<YamlSequenceNode>(Get(check, "test")).Children.Select(c => ((YamlScalarNode)c).Value).ToList();
            Assert.Equal(["CMD", "dotnet", "Buurtzorg.Host.dll", HealthProbe.Flag], test.Take(4));
            Assert.EndsWith(ServiceDefaultsExtensions.ReadyPath, test[4], StringComparison.Ordinal);
            Assert.StartsWith("http://127.0.0.1:8080/", test[4], StringComparison.Ordinal);

            var grace = Duration(((YamlScalarNode)Get(host, "stop_grace_period")!).Value!);
            Assert.True(grace > OperationsSetup.ShutdownTimeout, $"{name}: a grace period of {grace} cuts the host's {OperationsSetup.ShutdownTimeout} shutdown short");
            Assert.Contains("8080", ((YamlSequenceNode)Get(host, "ports")!).Children.Select(p => ((YamlScalarNode)p).Value!.Split(':')[^1]));
        }
    }

    [Fact]
    public void The_second_host_waits_for_the_first_to_be_healthy_and_both_for_the_database()
    {
        var second = (YamlMappingNode)Services["host-b"];
        var depends = (YamlMappingNode)Get(second, "depends_on")!;
        Assert.Equal("service_healthy", ((YamlScalarNode)((YamlMappingNode)depends["host-a"])["condition"]).Value);
        foreach (var (_, host) in Hosts())
        {
            Assert.Equal("service_healthy", ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)Get(host, "depends_on")!)["postgres"])["condition"]).Value);
        }
    }

    [Fact]
    public void The_compose_settings_are_keys_the_host_reads_and_make_a_tls_cluster_on_postgres()
    {
        foreach (var (name, host) in Hosts())
        {
            var environment = ((YamlMappingNode)Get(host, "environment")!).Children
                .ToDictionary(e => ((YamlScalarNode)e.Key).Value!.Replace("__", ":", StringComparison.Ordinal), e => ((YamlScalarNode)e.Value).Value);
            foreach (var key in environment.Keys)
            {
                Assert.True(Known(key), $"{name} sets {key}, which the host does not read");
            }

            var settings = ClusterSettings.From(new ConfigurationBuilder().AddInMemoryCollection(environment).Build());
            Assert.Equal(StorageKind.Postgres, settings.Storage.Kind);
            Assert.True(settings.ListenOnAnyHostAddress);
            Assert.Equal(11111, settings.SiloPort);
            var secret = Assert.IsType<YamlSequenceNode>(Get(host, "secrets")).Children.Select(s => ((YamlScalarNode)s).Value).Single();
            Assert.Equal($"/run/secrets/{secret}", settings.Tls.CertificatePath);
            Assert.NotNull(Get((YamlMappingNode)Compose["secrets"], secret!));
        }
    }

    /// <summary>A compose key the host binds: a connection string, or a property of the cluster settings (Orleans:...).</summary>
    private static bool Known(string key)
    {
        if (key == "ConnectionStrings:Postgres")
        {
            return true;
        }

        var parts = key.Split(':');
        if (parts[0] != "Orleans")
        {
            return false;
        }

        var type = typeof(ClusterSettings);
        foreach (var part in parts[1..])
        {
            var property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance);
            if (property is null || part == nameof(ClusterSettings.Storage))
            {
                return false;
            }

            type = property.PropertyType;
        }

        return true;
    }

    [Fact]
    public void The_image_runs_unprivileged_checks_itself_and_builds_with_the_pinned_sdk_from_sources_only()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(Repository.Root, "src", "Buurtzorg.Host", "Dockerfile"));
        var runtime = dockerfile.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)).ToList();
        var user = Assert.Single(runtime, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.DoesNotContain("root", user, StringComparison.Ordinal);
        Assert.True(runtime.IndexOf(user) < runtime.FindIndex(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)));
        Assert.Contains(runtime, l => l.Contains(HealthProbe.Flag, StringComparison.Ordinal) && l.Contains(ServiceDefaultsExtensions.ReadyPath, StringComparison.Ordinal));
        Assert.Contains(dockerfile, l => l.StartsWith("COPY global.json", StringComparison.Ordinal));

        var ignored = File.ReadAllLines(Path.Combine(Repository.Root, ".dockerignore"));
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains(".git/", ignored);

        using var global = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "global.json")));
        var sdk = Version.Parse(global.RootElement.GetProperty("sdk").GetProperty("version").GetString()!);
        Assert.Equal(Environment.Version.Major, sdk.Major);
    }

    private static TimeSpan Duration(string compose) => compose[^1] switch
    {
        's' when compose.EndsWith("ms", StringComparison.Ordinal) => TimeSpan.FromMilliseconds(int.Parse(compose[..^2], System.Globalization.CultureInfo.InvariantCulture)),
        's' => TimeSpan.FromSeconds(int.Parse(compose[..^1], System.Globalization.CultureInfo.InvariantCulture)),
        'm' => TimeSpan.FromMinutes(int.Parse(compose[..^1], System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new FormatException($"Unknown duration {compose}"),
    };
}

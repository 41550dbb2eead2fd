using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Storage;

namespace Buurtzorg.Persistence;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Co-hosts an Orleans silo whose grain state goes through the ADO.NET provider, on SQLite
    /// (single silo, localhost clustering) or on PostgreSQL (ADO.NET clustering, any number of
    /// silos). The schema is brought up to date before the silo starts.
    /// </summary>
    public static IHostApplicationBuilder AddBuurtzorgSilo(
        this IHostApplicationBuilder builder,
        string storageName,
        Action<ISiloBuilder>? configure = null)
    {
        var settings = ClusterSettings.From(builder.Configuration);
        var certificate = ClusterCertificate.Load(settings.Tls);
        if (settings.IsCluster && certificate is null && !settings.Tls.AllowInsecureDevelopmentCluster)
        {
            // Without TLS a silo port serves every grain to anyone who can reach it, past the
            // access gate and the access log: better no host than that one.
            throw new InvalidOperationException(
                "A cluster host needs a certificate: set Orleans:Tls:CertificatePath (a PFX, see tools/dev-cluster-cert.sh) " +
                "and Orleans:Tls:CertificatePassword. Only on a developer's machine, Orleans:Tls:AllowInsecureDevelopmentCluster=true runs without one.");
        }

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<SqliteWriteGate>();
        builder.Services.AddSingleton(TimeProvider.System);
        if (certificate is not null)
        {
            builder.Services.AddSingleton(certificate);
        }
        else if (settings.IsCluster)
        {
            builder.Services.AddHostedService<InsecureClusterWarning>();
        }

        // Registered before UseOrleans: hosted services start in order, so the schema is in
        // place before the providers read their queries.
        builder.Services.AddHostedService<SchemaMigrationService>();

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ServiceId = settings.ServiceId;
                o.ClusterId = settings.ClusterId;
            });

            if (settings.IsCluster)
            {
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = settings.Storage.Invariant;
                    o.ConnectionString = settings.Storage.ConnectionString;
                });
                silo.Configure<ClusterMembershipOptions>(TuneFailureDetection);
                // Listening on the advertised address only keeps the silo off interfaces no
                // other silo uses (a public one, say); a container sets ListenOnAnyHostAddress.
                if (settings.AdvertisedIP is { Length: > 0 } ip)
                {
                    silo.ConfigureEndpoints(IPAddress.Parse(ip), settings.SiloPort, settings.GatewayPort, settings.ListenOnAnyHostAddress);
                }
                else
                {
                    silo.ConfigureEndpoints(settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: settings.ListenOnAnyHostAddress);
                }
            }
            else
            {
                // No gateway: the web app calls its co-hosted silo directly, and an open gateway
                // would let any local process call grains past the access gate.
                silo.UseLocalhostClustering(settings.SiloPort, gatewayPort: 0, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
            }

            if (certificate is not null)
            {
                silo.UseClusterTls(certificate);
            }

            // System.Text.Json without .NET type names: stored state survives moving or renaming
            // a state class, and adding members; Newtonsoft's default stores "$type" and does not.
            silo.UseSystemTextJsonGrainStorageSerializer();
            var adoNet = storageName + "-adonet";
            silo.AddAdoNetGrainStorage(adoNet, o =>
            {
                o.Invariant = settings.Storage.Invariant;
                o.ConnectionString = settings.Storage.ConnectionString;
            });
            silo.Services.AddKeyedSingleton<IGrainStorage>(storageName, (services, _) => new GuardedGrainStorage(
                services.GetRequiredKeyedService<IGrainStorage>(adoNet),
                services.GetRequiredService<SqliteWriteGate>(),
                services.GetRequiredService<ILogger<GuardedGrainStorage>>(),
                new AdoNetBatchReader(settings.Storage, settings.ServiceId, services.GetRequiredService<IGrainStorageSerializer>())));

            configure?.Invoke(silo);
        });

        return builder;
    }

    /// <summary>
    /// Orleans' defaults suit large clusters: a probe every 5 s and three missed probes before a
    /// vote, so a silo killed outright is declared dead after about 15-20 s, during which the
    /// grains it held do not answer. A Buurtzorg cluster is two to a handful of silos on one
    /// network: probes every second and three misses declare a dead silo in about 3-4 s, while
    /// Orleans still stretches its probe timeout when the prober itself is slow (a GC pause, a
    /// starved thread pool) and probes indirectly through a third silo where there is one. Votes
    /// expire after 30 s instead of 2 minutes, so two unrelated hiccups minutes apart cannot
    /// add up to a death sentence.
    /// </summary>
    internal static void TuneFailureDetection(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 3;
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
    }
}

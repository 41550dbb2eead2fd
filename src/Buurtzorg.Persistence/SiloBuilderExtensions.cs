using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

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
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);

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
                if (settings.AdvertisedIP is { Length: > 0 } ip)
                {
                    silo.ConfigureEndpoints(IPAddress.Parse(ip), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
                }
                else
                {
                    silo.ConfigureEndpoints(settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
                }
            }
            else
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
            }

            // System.Text.Json without .NET type names: stored state survives moving or renaming
            // a state class, and adding members; Newtonsoft's default stores "$type" and does not.
            silo.UseSystemTextJsonGrainStorageSerializer();
            silo.AddAdoNetGrainStorage(storageName, o =>
            {
                o.Invariant = settings.Storage.Invariant;
                o.ConnectionString = settings.Storage.ConnectionString;
            });

            configure?.Invoke(silo);
        });

        return builder;
    }
}

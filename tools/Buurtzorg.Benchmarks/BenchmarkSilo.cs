using Buurtzorg.Grains;
using Buurtzorg.Grains.Schedule;
using Buurtzorg.Persistence;
using Buurtzorg.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Buurtzorg.Benchmarks;

/// <summary>
/// The silo every grain benchmark runs on: the host's own silo (storage, schema, grains) as a
/// private one-silo cluster on loopback with no gateway. Nothing else joins it, so it runs
/// without the cluster certificate (and says so in its log). Schedule events are published as in
/// the host, to a relay with no watchers (<see cref="NoWatchersRelay"/>): without one the
/// publisher cannot activate and every change's event would be retried on a timer instead.
/// </summary>
internal static class BenchmarkSilo
{
    // postgres: the connection string, or null for the embedded SQLite file at sqlite.
    public static async Task<IHost> Start(string? postgres, string serviceId, string clusterId, int siloPort, string? sqlite = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The silo's warnings go to stderr with the progress lines: stdout is the result scripts read.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = postgres,
            ["Storage:SqlitePath"] = sqlite,
            ["Orleans:ServiceId"] = serviceId,
            ["Orleans:ClusterId"] = $"{clusterId}-{Environment.ProcessId}",
            ["Orleans:SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:Tls:AllowInsecureDevelopmentCluster"] = "true",
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
        });
        builder.AddBuurtzorgSilo(GrainStorage.Name);
        builder.Services.AddScheduleEventRelay<NoWatchersRelay>();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}

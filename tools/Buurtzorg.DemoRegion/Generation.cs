using System.Globalization;
using Buurtzorg.Demo;
using Buurtzorg.Grains;
using Buurtzorg.Grains.Schedule;
using Buurtzorg.Persistence;
using Buurtzorg.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Buurtzorg.DemoRegion;

internal static class Generation
{
    public static async Task<int> Run(int teams, int seed, string? postgres, string? sqlite, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The silo's warnings go to stderr with the progress lines: stdout is the result scripts read.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = postgres,
            ["Storage:SqlitePath"] = sqlite,
            ["Orleans:ClusterId"] = $"demo-region-{Environment.ProcessId}",
            ["Orleans:SiloPort"] = "11511",
            // A private one-silo cluster on loopback with no gateway: nothing else joins it, so it
            // runs without the cluster certificate (and says so in its log).
            ["Orleans:Tls:AllowInsecureDevelopmentCluster"] = "true",
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
        });
        builder.AddBuurtzorgSilo(GrainStorage.Name);
        builder.Services.AddScheduleEventRelay<NoWatchersRelay>();
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);

        var options = (teams >= 100 ? DemoOptions.National(teams) : DemoOptions.Small with { Teams = teams }) with { Seed = seed };
        var summary = await DemoRegionGenerator.Generate(
            host.Services.GetRequiredService<IGrainFactory>(), options, new ProgressLine("teams", teams), cancellationToken);
        await host.StopAsync(CancellationToken.None);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated {summary.Teams} teams, {summary.Nurses} nurses, {summary.Clients} clients, {summary.CarePlanProblems} care plan problems in {summary.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }
}

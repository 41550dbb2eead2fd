using System.Globalization;
using Buurtzorg.Demo;
using Buurtzorg.Grains;
using Buurtzorg.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Generates a demo region straight into the configured store, through the grains, on a silo of
// its own (stop the hosts first, or give another SQLite file or database). Usage:
//   Buurtzorg.DemoRegion [--teams 900] [--seed 2007] [--postgres "<connection string>" | --sqlite data/buurtzorg.db]
// --teams 900 gives the national scale (about 10,000 nurses and 60,000 clients); fewer teams
// give the same per-team mix.
string? Value(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

var teams = int.Parse(Value("--teams") ?? "30", CultureInfo.InvariantCulture);
var seed = int.Parse(Value("--seed") ?? "2007", CultureInfo.InvariantCulture);

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Postgres"] = Value("--postgres"),
    ["Storage:SqlitePath"] = Value("--sqlite"),
    ["Orleans:ClusterId"] = $"demo-region-{Environment.ProcessId}",
    ["Orleans:SiloPort"] = "11511",
    // A private one-silo cluster on loopback with no gateway: nothing else joins it, so it
    // runs without the cluster certificate (and says so in its log).
    ["Orleans:Tls:AllowInsecureDevelopmentCluster"] = "true",
    ["Orleans:AdvertisedIP"] = "127.0.0.1",
});
builder.AddBuurtzorgSilo(GrainStorage.Name);
using var host = builder.Build();
await host.StartAsync();

var options = (teams >= 100 ? DemoOptions.National(teams) : DemoOptions.Small with { Teams = teams }) with { Seed = seed };
var summary = await DemoRegionGenerator.Generate(host.Services.GetRequiredService<IGrainFactory>(), options);
await host.StopAsync();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"generated {summary.Teams} teams, {summary.Nurses} nurses, {summary.Clients} clients, {summary.CarePlanProblems} care plan problems in {summary.Elapsed.TotalSeconds:F1} s"));

using System.CommandLine;
using Buurtzorg.Tools;

namespace Buurtzorg.HubBench;

/// <summary>
/// The live-stream bench's command line (docs/benchmarks.md, "Live stream"); tools/bench-hub.sh
/// raises the open-files limit, builds and passes its arguments here. <see cref="Build"/> is what
/// the tests parse.
/// </summary>
public static class HubBenchCommand
{
    public static Task<int> Run(string[] args, TextWriter? output = null, TextWriter? error = null) =>
        ToolCommandLine.Run(Build(), args, output, error);

    public static RootCommand Build()
    {
        var connections = ToolOptions.Whole("--connections", 10_000, "Watching SignalR connections.", 1, 1_000_000);
        var groupSize = ToolOptions.Whole("--group-size", 12, "Connections watching each team (teams = connections / group size).", 1, 1_000_000);
        var rate = ToolOptions.Number("--rate", 1000, "Changes per second made while measuring.", 0.1, 1_000_000);
        var seconds = ToolOptions.Seconds(30, "How long the stream is measured, after the warm-up.");
        var warmup = ToolOptions.Number("--warmup", 3, "Seconds of changes before measuring, not counted.", 0, 3_600);
        var oneTeam = new Option<bool>("--one-team") { Description = "Every connection watches one team: the worst case of fan-out." };
        var clientsPerTeam = new Option<int?>("--clients-per-team")
        {
            Description = "Clients of each team, one daily visit each [default: 4; with --one-team enough that one team's visits carry the rate, at least 8].",
            HelpName = "n",
        };
        clientsPerTeam.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--clients-per-team takes a whole number from 1");
            }
        });
        var catchUp = ToolOptions.Whole("--catch-up-per-team", 1, "Connections per team that drop and catch up from the last version they saw.", 0, 1_000_000);
        var postgres = ToolOptions.Postgres("Run the host on this PostgreSQL database; without it, on SQLite.");
        var only = ToolOptions.Only("Measure one side only: the host, or the anchor (a bare SignalR hub).", "host", "anchor");
        var root = new RootCommand(
            "The live stream measured end to end: a change made through the real host to every connection watching its team, against a bare SignalR hub as the anchor. " +
            "The report (Markdown) on stdout, progress on stderr; exits 1 when the host delivered nothing.")
        {
            connections, groupSize, rate, seconds, warmup, oneTeam, clientsPerTeam, catchUp, postgres, only,
        };
        root.SetAction((result, _) =>
        {
            var isOneTeam = result.GetValue(oneTeam);
            var changes = result.GetValue(rate);
            // A visit has one change in flight at a time: one team alone needs visits for the whole rate.
            var clients = result.GetValue(clientsPerTeam) ?? (isOneTeam ? (int)Math.Max(8, Math.Ceiling(changes / 25)) : 4);
            var connectionString = result.GetValue(postgres);
            var shown = result.Tokens.Select(t => t.Value == connectionString ? "\"<connection string>\"" : t.Value);
            var side = result.GetValue(only);
            return Bench.Run(new BenchOptions(
                result.GetValue(connections), result.GetValue(groupSize), changes, result.GetValue(seconds), result.GetValue(warmup),
                isOneTeam, clients, result.GetValue(catchUp), connectionString,
                Host: side != "anchor", Anchor: side != "host",
                Command: string.Join(' ', ["tools/bench-hub.sh", .. shown])));
        });
        return root;
    }
}

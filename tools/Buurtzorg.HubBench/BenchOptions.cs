using System.Globalization;

namespace Buurtzorg.HubBench;

/// <summary>
/// Usage: Buurtzorg.HubBench [--connections 10000] [--group-size 12] [--rate 1000] [--seconds 30]
///   [--warmup 3] [--one-team] [--clients-per-team 4] [--catch-up-per-team 1] [--postgres "cs"]
///   [--no-anchor] [--host-only] [--anchor-only]
/// --one-team: every connection watches one team (the worst case of fan-out); the team gets
/// enough clients that its visits can carry the rate.
/// </summary>
public sealed record BenchOptions(
    int Connections, int GroupSize, double Rate, double Seconds, double Warmup, bool OneTeam,
    int ClientsPerTeam, int CatchUpPerTeam, string? Postgres, bool Host, bool Anchor, string Command)
{
    public int Teams => OneTeam ? 1 : Math.Max(1, (int)Math.Round((double)Connections / GroupSize));

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        double Number(string name, double fallback) => Value(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var known = new[] { "--connections", "--group-size", "--rate", "--seconds", "--warmup", "--clients-per-team", "--catch-up-per-team", "--postgres" };
        var flags = new[] { "--one-team", "--host-only", "--anchor-only" };
        for (var i = 0; i < args.Length; i++)
        {
            if (known.Contains(args[i]))
            {
                i++;
            }
            else if (!flags.Contains(args[i]))
            {
                throw new ArgumentException($"Unknown argument '{args[i]}'. Options: {string.Join(' ', known.Concat(flags))}");
            }
        }

        var oneTeam = args.Contains("--one-team");
        var rate = Number("--rate", 1000);
        // A visit has one change in flight at a time: one team alone needs visits for the whole rate.
        var clients = (int)Number("--clients-per-team", oneTeam ? Math.Max(8, Math.Ceiling(rate / 25)) : 4);
        var postgres = Value("--postgres");
        var shown = args.Select(a => a == postgres ? "\"<connection string>\"" : a);
        return new BenchOptions(
            (int)Number("--connections", 10_000), (int)Number("--group-size", 12), rate, Number("--seconds", 30), Number("--warmup", 3),
            oneTeam, clients, (int)Number("--catch-up-per-team", 1), postgres,
            Host: !args.Contains("--anchor-only"), Anchor: !args.Contains("--host-only"),
            Command: string.Join(' ', ["tools/bench-hub.sh", .. shown]));
    }
}

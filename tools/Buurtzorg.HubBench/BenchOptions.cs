namespace Buurtzorg.HubBench;

/// <summary>
/// What one run measures (<see cref="HubBenchCommand"/>). OneTeam: every connection watches one
/// team (the worst case of fan-out). Command: the command line as the report prints it.
/// </summary>
public sealed record BenchOptions(
    int Connections, int GroupSize, double Rate, double Seconds, double Warmup, bool OneTeam,
    int ClientsPerTeam, int CatchUpPerTeam, string? Postgres, bool Host, bool Anchor, string Command)
{
    public int Teams => OneTeam ? 1 : Math.Max(1, (int)Math.Round((double)Connections / GroupSize));
}

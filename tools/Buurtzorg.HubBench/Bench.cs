namespace Buurtzorg.HubBench;

/// <summary>One run: the host measured (unless --only anchor), then the anchor on the machine the host had.</summary>
internal static class Bench
{
    public static async Task<int> Run(BenchOptions options)
    {
        static void Say(string line) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");

        StreamResult? host = null;
        StreamResult? anchor = null;
        int[] visitsPerTeam;
        if (options.Host)
        {
            Say($"starting the host on {(options.Postgres is null ? "SQLite" : "PostgreSQL")}");
            await using var target = await BuurtzorgTarget.Start(options.Postgres);
            Say($"seeding {options.Teams} teams of 12 nurses and {options.ClientsPerTeam} clients (one daily visit each)");
            await target.Seed(new SeedSettings(options.Teams, ClientsPerTeam: options.ClientsPerTeam), Say);
            visitsPerTeam = [.. target.Teams.Select(t => t.Visits.Count)];
            Say($"{visitsPerTeam.Sum()} open visits; connecting {options.Connections} watchers");
            host = await new StreamRun(target, Settings(options)).Run();
            Say("host measured");
        }
        else
        {
            visitsPerTeam = [.. Enumerable.Repeat(options.ClientsPerTeam * 14, options.Teams)];
        }

        if (options.Anchor)
        {
            // After the host has stopped: the anchor gets the machine the host had, without the host.
            await using var target = await AnchorTarget.Start(visitsPerTeam);
            Say($"anchor: connecting {options.Connections} watchers");
            anchor = await new StreamRun(target, Settings(options)).Run();
            Say("anchor measured");
        }

        Console.WriteLine(Report.Block(options, host, anchor));
        return host is { } h && (h.ChangesTimed == 0 || h.Deliveries == 0) ? 1 : 0;
    }

    private static RunSettings Settings(BenchOptions o) => new(o.Connections, o.Rate, o.Seconds, o.Warmup, o.CatchUpPerTeam);
}

namespace Buurtzorg.Chaos.Faults;

public enum FaultKind
{
    /// <summary>kill -9 of the host whose silo holds the team's schedule grain, the grain most of the load goes to.</summary>
    KillHolder,

    /// <summary>kill -9 of a host chosen at random.</summary>
    KillRandom,

    /// <summary>SIGSTOP of a random host, SIGCONT after <see cref="ChaosOptions.StoppedFor"/>.</summary>
    Stop,

    /// <summary>pg_ctl restart -m immediate: the database crashes and comes straight back.</summary>
    PostgresRestart,

    /// <summary>PostgreSQL stopped for <see cref="ChaosOptions.DatabaseDownFor"/>, then started.</summary>
    PostgresStop,
}

public static class FaultNames
{
    public static readonly IReadOnlyList<FaultKind> FullRun =
        [FaultKind.KillHolder, FaultKind.KillRandom, FaultKind.KillRandom, FaultKind.Stop, FaultKind.PostgresRestart, FaultKind.PostgresStop];

    private static readonly Dictionary<string, FaultKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kill-holder"] = FaultKind.KillHolder,
        ["kill-random"] = FaultKind.KillRandom,
        ["sigstop"] = FaultKind.Stop,
        ["pg-restart"] = FaultKind.PostgresRestart,
        ["pg-stop"] = FaultKind.PostgresStop,
    };

    public static FaultKind Parse(string name) => ByName.TryGetValue(name, out var kind)
        ? kind
        : throw new ArgumentException($"Unknown fault '{name}'; the faults are {string.Join(", ", ByName.Keys)}.");

    public static string Name(this FaultKind kind) => ByName.First(p => p.Value == kind).Key;

    public static bool IsKill(this FaultKind kind) => kind is FaultKind.KillHolder or FaultKind.KillRandom;

    public static bool IsDatabase(this FaultKind kind) => kind is FaultKind.PostgresRestart or FaultKind.PostgresStop;
}

using System.Globalization;
using Buurtzorg.Chaos.Faults;

namespace Buurtzorg.Chaos;

/// <summary>
/// What one run does. tools/chaos/run.sh starts PostgreSQL and makes the certificate, then
/// passes where they are; the rest has defaults for the full run, and <c>--short</c> picks the
/// CI run (one kill of the host holding the load's grains, one PostgreSQL crash restart).
/// </summary>
public sealed record ChaosOptions
{
    public required string Repository { get; init; }

    public required string Postgres { get; init; }

    public required string PostgresBin { get; init; }

    public required string PostgresDataDir { get; init; }

    public required string CertificatePath { get; init; }

    public required string CertificatePassword { get; init; }

    public required string ReportPath { get; init; }

    /// <summary>"short", "full", or "custom" when the faults were named.</summary>
    public string Mode { get; init; } = "full";

    public int Hosts { get; init; } = 3;

    public IReadOnlyList<FaultKind> Faults { get; init; } = [];

    /// <summary>Load before the first fault, so every figure has a baseline.</summary>
    public TimeSpan Baseline { get; init; }

    /// <summary>How long a killed host stays down before it is started again.</summary>
    public TimeSpan KilledFor { get; init; }

    /// <summary>After a fault has ended (the host back, the database up), load goes on this long before the next one.</summary>
    public TimeSpan Settle { get; init; }

    public TimeSpan StoppedFor { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan DatabaseDownFor { get; init; } = TimeSpan.FromSeconds(30);

    public int Seed { get; init; } = Environment.TickCount;

    public static ChaosOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }

        string Required(string name) => Value(name) ?? throw new ArgumentException($"{name} is required (tools/chaos/run.sh passes it).");
        TimeSpan? Seconds(string name) => Value(name) is { } text ? TimeSpan.FromSeconds(double.Parse(text, CultureInfo.InvariantCulture)) : null;

        var isShort = args.Contains("--short");
        var faults = Value("--faults") is { } names
            ? names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(FaultNames.Parse).ToList()
            : isShort ? [FaultKind.KillHolder, FaultKind.PostgresRestart] : FaultNames.FullRun;
        return new ChaosOptions
        {
            Repository = Required("--repo"),
            Postgres = Required("--postgres"),
            PostgresBin = Required("--pg-bin"),
            PostgresDataDir = Required("--pg-dir"),
            CertificatePath = Required("--certificate"),
            CertificatePassword = Required("--certificate-password"),
            ReportPath = Value("--report") ?? "chaos-report.json",
            Mode = args.Contains("--faults") ? "custom" : isShort ? "short" : "full",
            Hosts = Value("--hosts") is { } hosts ? int.Parse(hosts, CultureInfo.InvariantCulture) : 3,
            Faults = faults,
            Baseline = Seconds("--baseline") ?? TimeSpan.FromSeconds(isShort ? 8 : 15),
            KilledFor = Seconds("--killed-for") ?? TimeSpan.FromSeconds(isShort ? 3 : 10),
            Settle = Seconds("--settle") ?? TimeSpan.FromSeconds(isShort ? 10 : 20),
            StoppedFor = Seconds("--stopped-for") ?? TimeSpan.FromSeconds(60),
            DatabaseDownFor = Seconds("--db-down-for") ?? TimeSpan.FromSeconds(30),
            Seed = Value("--seed") is { } seed ? int.Parse(seed, CultureInfo.InvariantCulture) : Environment.TickCount,
        };
    }
}

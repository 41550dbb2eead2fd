using Buurtzorg.Chaos.Faults;

namespace Buurtzorg.Chaos;

/// <summary>
/// What one run does (<see cref="ChaosCommand"/>). tools/chaos/run.sh starts PostgreSQL and
/// makes the certificate, then passes where they are; the rest has defaults for the full run, and
/// <c>--short</c> picks the CI run (one kill of the host holding the load's grains, one
/// PostgreSQL crash restart).
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
}

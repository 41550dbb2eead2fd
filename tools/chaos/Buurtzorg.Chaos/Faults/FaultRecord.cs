namespace Buurtzorg.Chaos.Faults;

/// <summary>
/// One fault as it was applied, on the run clock: when it began, when its cause was over (the
/// killed host started again, the stopped one continued, the database accepting connections
/// again), and which host it hit.
/// </summary>
public sealed record FaultRecord(FaultKind Kind, int? Host, double At)
{
    public string Name => Kind.Name();

    /// <summary>The killed host was started again, the stopped one continued, or the database was back.</summary>
    public double? CauseEndedAt { get; set; }

    /// <summary>For a database fault: when PostgreSQL accepted connections again.</summary>
    public double? DatabaseBackAt { get; set; }

    /// <summary>Where the load's grains were just before (kills), or why this target.</summary>
    public string? Note { get; set; }
}

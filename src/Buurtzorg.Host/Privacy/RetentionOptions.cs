namespace Buurtzorg.Host.Privacy;

/// <summary>The <c>Retention</c> settings: how long a discharged client's care record is kept, and how often the job looks.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// Years a care record is kept after its last change: twenty under the WGBO since 2020
    /// (art. 7:454 lid 3 BW). Longer only where the law or the client's interest requires it.
    /// </summary>
    public int Years { get; set; } = 20;

    /// <summary>How often each host runs the retention job; any host may, as a run is idempotent.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(24);
}

namespace Buurtzorg.Grains.Idempotency;

/// <summary>
/// The outcomes of a grain's recent keyed commands, kept in the grain's own state so each is
/// stored in the same write as the change it describes: a change is never stored without its
/// key, so a retry can never apply it twice. Bounded by age and count, because a retry comes
/// within minutes and the whole state is written on every change.
/// </summary>
public sealed class OutcomeLedger
{
    internal static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    internal const int Capacity = 64;

    public List<KeptOutcome> Entries { get; set; } = [];

    /// <summary>
    /// Records the outcome of the keyed call in progress, if any; a grain calls it with its
    /// answer just before it writes the change.
    /// </summary>
    public void Keep(object? outcome) => IdempotentCall.Current?.KeepIn(this, outcome);

    /// <summary>
    /// Records that the keyed call in progress, if any, answered the grain as it stood at
    /// <paramref name="version"/>: a grain whose history can give that answer again keeps the
    /// number, not the answer, so the ledger does not hold a copy of the record per command.
    /// </summary>
    public void KeepVersion(long version) => IdempotentCall.Current?.KeepVersionIn(this, version);

    internal KeptOutcome? Find(string key, string operation) =>
        Entries.Find(e => e.Key == key && e.Operation == operation);

    internal void Add(KeptOutcome outcome)
    {
        Entries.RemoveAll(e => (e.Key == outcome.Key && e.Operation == outcome.Operation) || outcome.At - e.At > Window);
        Entries.Add(outcome);
        if (Entries.Count > Capacity)
        {
            Entries.RemoveRange(0, Entries.Count - Capacity);
        }
    }
}

/// <param name="Key">The caller's key, scoped to the caller by the host.</param>
/// <param name="Operation">The grain method: one request may change the same grain through two methods.</param>
/// <param name="Fingerprint">A digest of the request the key was first used with.</param>
/// <param name="At">When the change was made; outcomes older than the window are dropped.</param>
/// <param name="Outcome">The answer, in Orleans' own serialization (null for a method without one, or one kept by version).</param>
/// <param name="Version">Set instead of the answer: the grain rebuilds the answer it gave at this version.</param>
public sealed record KeptOutcome(string Key, string Operation, string Fingerprint, DateTimeOffset At, byte[]? Outcome, long? Version = null);

/// <summary>A grain whose commands can be replayed by key.</summary>
public interface IKeepsOutcomes
{
    OutcomeLedger Outcomes { get; }

    /// <summary>The answer a command gave at <paramref name="version"/>, for a grain that keeps outcomes by version.</summary>
    ValueTask<object?> Rebuild(long version) => throw new NotSupportedException($"{GetType().Name} keeps its outcomes whole.");
}

using Orleans.Serialization;

namespace Buurtzorg.Grains.Idempotency;

/// <summary>
/// The keyed call a grain is handling right now. It flows with the call (the grain is not
/// reentrant, so one call at a time), which lets a grain keep its outcome without every grain
/// method taking the key as an argument.
/// </summary>
internal sealed class IdempotentCall(string key, string operation, string fingerprint, DateTimeOffset at, Serializer serializer)
{
    private static readonly AsyncLocal<IdempotentCall?> Ambient = new();

    public static IdempotentCall? Current => Ambient.Value;

    public static void Begin(IdempotentCall call) => Ambient.Value = call;

    public static void End() => Ambient.Value = null;

    public void KeepIn(OutcomeLedger ledger, object? outcome) =>
        ledger.Add(new KeptOutcome(key, operation, fingerprint, at, outcome is null ? null : serializer.SerializeToArray<object>(outcome)));

    public void KeepVersionIn(OutcomeLedger ledger, long version) =>
        ledger.Add(new KeptOutcome(key, operation, fingerprint, at, null, version));
}

namespace Buurtzorg.Grains.Idempotency;

/// <summary>
/// How a host hands a request's idempotency key to the grains it calls: in Orleans' request
/// context, which travels with each call. The grain that keeps outcomes takes the key out, so
/// the calls it makes in turn do not carry it.
/// </summary>
public static class IdempotentRequest
{
    internal const string KeyName = "bz-idempotency-key";

    internal const string FingerprintName = "bz-idempotency-fingerprint";

    /// <summary>For the rest of this asynchronous flow, grain calls carry the key and the request's digest.</summary>
    public static void Carry(string key, string fingerprint)
    {
        RequestContext.Set(KeyName, key);
        RequestContext.Set(FingerprintName, fingerprint);
    }

    public static bool IsCarried => RequestContext.Get(KeyName) is string;
}

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

    /// <summary>
    /// The id of something a request creates (a team, a client): derived from the request's key
    /// when it has one, so its retry addresses the grain the first attempt created and gets the
    /// kept outcome there, instead of creating a second one.
    /// </summary>
    public static Guid NewId(string purpose)
    {
        if (RequestContext.Get(KeyName) is not string key)
        {
            return Guid.NewGuid();
        }

        var digest = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{purpose}\n{key}"));
        return new Guid(digest.AsSpan(0, 16));
    }
}

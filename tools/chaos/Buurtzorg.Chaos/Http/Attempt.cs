namespace Buurtzorg.Chaos.Http;

public enum Purpose
{
    /// <summary>A try of a user's action (a change, with its idempotency key).</summary>
    Action,

    /// <summary>A read a user or a watcher makes to know where things stand.</summary>
    Read,

    /// <summary>The harness asking each host in turn whether it serves, to time recovery.</summary>
    Probe,
}

/// <summary>
/// One HTTP request as it went: when it was sent (seconds on the run clock), to which host, what
/// came back (a status, or an error when nothing did) and how long it took.
/// </summary>
public sealed record Attempt(
    double At,
    int Host,
    string Method,
    string Path,
    string? Key,
    Purpose Purpose,
    int? Status,
    string? Error,
    double LatencyMs,
    double? RetryAfterSeconds,
    string? Digest,
    string? Excerpt)
{
    public double EndedAt => At + LatencyMs / 1000;

    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>The host did not serve: a 5xx, or no answer at all (refused, reset, timed out).</summary>
    public bool Failed => Status is null or >= 500;
}

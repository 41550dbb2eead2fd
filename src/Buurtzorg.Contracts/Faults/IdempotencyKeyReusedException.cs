namespace Buurtzorg.Contracts.Faults;

/// <summary>
/// An idempotency key came back with a different request than the one it was first used for:
/// replaying the first outcome would answer a question that was not asked.
/// </summary>
[GenerateSerializer, Alias("Buurtzorg.Faults.IdempotencyKeyReusedException")]
public sealed class IdempotencyKeyReusedException : Exception
{
    public IdempotencyKeyReusedException()
        : base("This Idempotency-Key was already used for a different request; send a fresh key for a new action.")
    {
    }

    public IdempotencyKeyReusedException(string message)
        : base(message)
    {
    }

    public IdempotencyKeyReusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

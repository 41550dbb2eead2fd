using Buurtzorg.Contracts.Faults;
using Orleans.Serialization;
using Orleans.Storage;

namespace Buurtzorg.Grains.Idempotency;

/// <summary>
/// Replays the kept outcome of a keyed command instead of running it again, and refuses a key
/// that comes back with a different request. A grain that failed to reach its storage is
/// deactivated: what it holds in memory may be a change that was never stored, and the next
/// call must start from what the database says (where a kept outcome may well be, if the write
/// went through but its answer was lost).
/// </summary>
public sealed class IdempotentCallFilter(Serializer serializer, TimeProvider clock) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            if (context.TargetContext.GrainInstance is IKeepsOutcomes keeper && RequestContext.Get(IdempotentRequest.KeyName) is string key)
            {
                await InvokeKeyed(context, keeper, key);
            }
            else
            {
                await context.Invoke();
            }
        }
        catch (Exception ex) when (FromStorage(ex))
        {
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, "Its storage failed; its state in memory may not be what is stored."));
            throw;
        }
    }

    // Orleans wraps what a storage provider throws in an exception of its own.
    private static bool FromStorage(Exception exception) =>
        exception is StorageUnavailableException or InconsistentStateException
        || (exception.InnerException is { } inner && FromStorage(inner));

    private async Task InvokeKeyed(IIncomingGrainCallContext context, IKeepsOutcomes keeper, string key)
    {
        var fingerprint = RequestContext.Get(IdempotentRequest.FingerprintName) as string ?? string.Empty;
        RequestContext.Remove(IdempotentRequest.KeyName);
        RequestContext.Remove(IdempotentRequest.FingerprintName);

        var operation = context.MethodName;
        if (keeper.Outcomes.Find(key, operation) is { } kept)
        {
            if (kept.Fingerprint != fingerprint)
            {
                throw new IdempotencyKeyReusedException();
            }

            context.Result = kept.Version is { } version ? await keeper.Rebuild(version)
                : kept.Outcome is null ? null
                : serializer.Deserialize<object>(kept.Outcome);
            return;
        }

        IdempotentCall.Begin(new IdempotentCall(key, operation, fingerprint, clock.GetUtcNow(), serializer));
        try
        {
            await context.Invoke();
        }
        finally
        {
            IdempotentCall.End();
        }
    }
}

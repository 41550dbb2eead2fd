using System.Collections.Concurrent;

namespace Buurtzorg.Grains.Tests.Faults;

/// <summary>Fails calls of one method of one grain while a test asks it to, as an unreachable or broken grain would.</summary>
public sealed class FailingCalls : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(GrainId Grain, string Method), CallFault> _faults = new();

    /// <summary>
    /// Every call of <paramref name="method"/> on the grain (whose first argument passes
    /// <paramref name="firstArgument"/>, if given) fails until the fault is healed.
    /// </summary>
    public CallFault Fail(GrainId grain, string method, Func<object?, bool>? firstArgument = null)
    {
        var fault = new CallFault(firstArgument ?? (_ => true));
        _faults[(grain, method)] = fault;
        return fault;
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (!_faults.TryGetValue((context.TargetId, context.MethodName), out var fault)
            || !fault.Concerns(context.Request.GetArgumentCount() > 0 ? context.Request.GetArgument(0) : null))
        {
            await context.Invoke();
            return;
        }

        if (fault.Failing)
        {
            fault.Failed.TrySetResult();
            throw new TimeoutException($"Injected fault calling {context.MethodName} on {context.TargetId}.");
        }

        await context.Invoke();
        fault.PassedAfterHealing.TrySetResult();
    }
}

public sealed class CallFault(Func<object?, bool> concerns)
{
    private volatile bool _failing = true;

    public bool Failing => _failing;

    /// <summary>Completes when a call was failed: the fault was actually met.</summary>
    public TaskCompletionSource Failed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a call went through once the fault was healed.</summary>
    public TaskCompletionSource PassedAfterHealing { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Heal() => _failing = false;

    internal bool Concerns(object? firstArgument) => concerns(firstArgument);
}

using System.Collections.Concurrent;

namespace Buurtzorg.Chaos.Load;

/// <summary>Every action of the run, in the order they started.</summary>
public sealed class ActionLog
{
    private readonly ConcurrentQueue<ActionRecord> _actions = new();

    public IReadOnlyList<ActionRecord> All => [.. _actions.OrderBy(a => a.Started)];

    public ActionRecord Add(ActionRecord action)
    {
        _actions.Enqueue(action);
        return action;
    }
}

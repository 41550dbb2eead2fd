namespace Buurtzorg.Benchmarks;

/// <summary>The anchor for activation: a grain with no state, so activating it costs only Orleans.</summary>
[Alias("Buurtzorg.Benchmarks.IEmptyGrain")]
public interface IEmptyGrain : IGrainWithGuidKey
{
    [Alias("Ping")]
    ValueTask Ping();
}

public sealed class EmptyGrain : Grain, IEmptyGrain
{
    public ValueTask Ping() => ValueTask.CompletedTask;
}

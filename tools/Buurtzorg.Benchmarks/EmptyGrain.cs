using Buurtzorg.Grains;

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

/// <summary>
/// The second anchor: a grain whose state is one number, read through the same storage provider
/// as the domain's grains. What it costs over the empty grain is the provider's read path alone.
/// </summary>
[Alias("Buurtzorg.Benchmarks.IStoredNumberGrain")]
public interface IStoredNumberGrain : IGrainWithGuidKey
{
    [Alias("Set")]
    ValueTask Set(int value);

    [Alias("Get")]
    ValueTask<int> Get();
}

public sealed class StoredNumberGrain([PersistentState("stored-number", GrainStorage.Name)] IPersistentState<StoredNumber> number) : Grain, IStoredNumberGrain
{
    public async ValueTask Set(int value)
    {
        number.State.Value = value;
        await number.WriteStateAsync();
    }

    public ValueTask<int> Get() => ValueTask.FromResult(number.State.Value);
}

public sealed class StoredNumber
{
    public int Value { get; set; }
}

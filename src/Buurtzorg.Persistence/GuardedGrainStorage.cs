using Buurtzorg.Contracts.Faults;
using Buurtzorg.Contracts.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Buurtzorg.Persistence;

/// <summary>
/// The storage boundary: a database that cannot be reached becomes one exception every silo
/// knows (<see cref="StorageUnavailableException"/>), logged here with the driver's details. The
/// driver's own exceptions would otherwise cross between silos, where Orleans has no codec for
/// them, and reach the host as an unexplained 500. A version conflict keeps its own meaning.
/// Writes take their turn at the embedded database's single writer (<see cref="SqliteWriteGate"/>).
/// </summary>
public sealed partial class GuardedGrainStorage(IGrainStorage inner, SqliteWriteGate writer, ILogger<GuardedGrainStorage> logger, AdoNetBatchReader? batches = null) : IGrainStorage, IBatchGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard("read", grainId, () => inner.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard("write", grainId, async () =>
        {
            using var turn = await writer.Enter();
            await inner.WriteStateAsync(stateName, grainId, grainState);
        });

    public Task ReadStatesAsync<T>(string stateName, IReadOnlyList<(GrainId GrainId, IGrainState<T> State)> states)
        where T : new() =>
        batches is null
            ? Task.WhenAll(states.Select(s => ReadStateAsync(stateName, s.GrainId, s.State)))
            : Guard("read", states.Count > 0 ? states[0].GrainId : default, () => batches.ReadStatesAsync(stateName, states));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard("clear", grainId, async () =>
        {
            using var turn = await writer.Enter();
            await inner.ClearStateAsync(stateName, grainId, grainState);
        });

    private async Task Guard(string operation, GrainId grainId, Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex) when (ex is not (InconsistentStateException or StorageUnavailableException or OperationCanceledException))
        {
            LogUnavailable(logger, operation, grainId, ex);
            throw new StorageUnavailableException();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not {Operation} the state of {GrainId}")]
    private static partial void LogUnavailable(ILogger logger, string operation, GrainId grainId, Exception exception);
}

using System.Collections.Concurrent;
using Orleans.Storage;

namespace Buurtzorg.Grains.Tests.Faults;

/// <summary>
/// The test silo's grain storage: memory storage that counts each grain's writes and fails them
/// while a test asks it to, so a test can tell how many writes a command took and what a failed
/// write leaves behind, and how many bytes each write stored (as the host's serializer writes them).
/// </summary>
public sealed class WatchedStorage(IGrainStorage inner, IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<GrainId, int> _writes = new();
    private readonly ConcurrentQueue<StoredWrite> _log = new();
    private readonly ConcurrentDictionary<GrainId, bool> _failing = new();
    private readonly ConcurrentDictionary<string, long> _bytes = new();
    private volatile bool _countingBytes;

    /// <summary>
    /// From now until disposed, the bytes each state name's writes would store, as the host's
    /// serializer makes them (serializing costs, so only while a test measures).
    /// </summary>
    public IDisposable CountBytes()
    {
        _bytes.Clear();
        _countingBytes = true;
        return new Healing(() => _countingBytes = false);
    }

    /// <summary>Bytes counted for these state names since <see cref="CountBytes"/>.</summary>
    public long BytesWritten(params string[] stateNames) => stateNames.Sum(n => _bytes.GetValueOrDefault(n));

    /// <summary>How many writes of this grain's state were stored.</summary>
    public int Writes(GrainId grain) => _writes.GetValueOrDefault(grain);

    /// <summary>Every write stored so far, in order: a test takes the count before a change and reads what followed.</summary>
    public IReadOnlyList<StoredWrite> Log => [.. _log];

    /// <summary>The writes stored after the first <paramref name="skip"/> whose grain key is <paramref name="key"/> (with any extension).</summary>
    public IReadOnlyList<StoredWrite> WritesSince(int skip, Guid key) =>
        [.. _log.Skip(skip).Where(w => w.Grain.TryGetGuidKey(out var guid, out _) && guid == key)];

    /// <summary>Every write of this grain's state fails until the result is disposed.</summary>
    public IDisposable FailWrites(GrainId grain)
    {
        _failing[grain] = true;
        return new Healing(() => _failing.TryRemove(grain, out _));
    }

    /// <summary>The state as stored, not as the grain holds it in memory.</summary>
    public async Task<T> Stored<T>(string stateName, GrainId grain)
        where T : class, new()
    {
        var state = new GrainState<T>(new T());
        await inner.ReadStateAsync(stateName, grain, state);
        return state.State ?? new T();
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_failing.ContainsKey(grainId))
        {
            throw new IOException($"Injected storage fault writing {grainId}.");
        }

        await inner.WriteStateAsync(stateName, grainId, grainState);
        _log.Enqueue(new StoredWrite(stateName, grainId, serializer.Serialize(grainState.State).Length));
        _writes.AddOrUpdate(grainId, 1, (_, count) => count + 1);
        if (_countingBytes)
        {
            var size = serializer.Serialize(grainState.State).ToMemory().Length;
            _bytes.AddOrUpdate(stateName, size, (_, total) => total + size);
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    private sealed class Healing(Action heal) : IDisposable
    {
        public void Dispose() => heal();
    }
}

/// <summary>One stored write: which row, and how many bytes its payload took.</summary>
public sealed record StoredWrite(string StateName, GrainId Grain, int Bytes);

namespace Buurtzorg.Contracts.Storage;

/// <summary>
/// A grain storage that reads the states of many grains of one state name in one round trip. The
/// grains look for it on their storage and read one state a call where it is missing (the test
/// silo's memory storage). It lives here because both the grains and the persistence project see
/// this project, and neither the other.
/// </summary>
public interface IBatchGrainStorage
{
    /// <summary>Reads each state as <c>IGrainStorage.ReadStateAsync</c> would: ETag and RecordExists set, a default state where none is stored.</summary>
    Task ReadStatesAsync<T>(string stateName, IReadOnlyList<(GrainId GrainId, IGrainState<T> State)> states)
        where T : new();
}

using Buurtzorg.Contracts.Knowledge;

namespace Buurtzorg.Grains.Knowledge;

public sealed class KnowHowDirectoryGrain(
    [PersistentState("know-how-directory", GrainStorage.Name)] IPersistentState<KnowHowDirectoryState> directory)
    : Grain, IKnowHowDirectoryGrain
{
    private Dictionary<Guid, KnowHowDirectoryEntry> Entries => directory.State.Entries;

    public async ValueTask Put(Guid nurseId, IReadOnlyList<string> listed, IReadOnlyList<string> following)
    {
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(following);
        var known = Entries.GetValueOrDefault(nurseId);
        if (known is not null && known.Listed.SequenceEqual(listed) && known.Following.SequenceEqual(following))
        {
            return;
        }

        if (listed.Count == 0 && following.Count == 0)
        {
            Entries.Remove(nurseId);
        }
        else
        {
            Entries[nurseId] = new KnowHowDirectoryEntry { Listed = [.. listed], Following = [.. following] };
        }

        try
        {
            await directory.WriteStateAsync();
        }
        catch
        {
            await directory.ReadStateAsync();
            throw;
        }
    }

    public ValueTask<IReadOnlyList<KnowHowListing>> Find(string? topic) => ValueTask.FromResult<IReadOnlyList<KnowHowListing>>(
        [.. Entries
            .Where(e => e.Value.Listed.Count > 0 && (topic is null || e.Value.Listed.Contains(topic)))
            .Select(e => new KnowHowListing(e.Key, [.. e.Value.Listed]))]);

    public ValueTask<IReadOnlyList<TopicCount>> Count()
    {
        var listed = Entries.Values.SelectMany(e => e.Listed).CountBy(t => t).ToDictionary();
        var following = Entries.Values.SelectMany(e => e.Following).CountBy(t => t).ToDictionary();
        return ValueTask.FromResult<IReadOnlyList<TopicCount>>(
            [.. listed.Keys.Union(following.Keys)
                .Order(StringComparer.Ordinal)
                .Select(t => new TopicCount(t, listed.GetValueOrDefault(t), following.GetValueOrDefault(t)))]);
    }
}

/// <summary>Stored form of the know-how directory: per nurse, the topics she lists and follows.</summary>
public sealed class KnowHowDirectoryState
{
    public int Schema { get; set; } = 1;

    public Dictionary<Guid, KnowHowDirectoryEntry> Entries { get; set; } = [];
}

public sealed class KnowHowDirectoryEntry
{
    public List<string> Listed { get; set; } = [];

    public List<string> Following { get; set; } = [];
}

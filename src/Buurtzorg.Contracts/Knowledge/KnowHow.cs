namespace Buurtzorg.Contracts.Knowledge;

/// <summary>
/// What nurses know well, as topic keys: lower case, words joined by hyphens. The shared list is
/// what the pages offer first (and name in Dutch and English); a nurse may add her own topic,
/// which is then searched and followed like the shared ones.
/// </summary>
public static class KnowHowTopics
{
    public const int MaxLength = 40;
    public const int MaxPerNurse = 12;

    public static IReadOnlyList<string> Shared { get; } =
    [
        "palliatieve-zorg",
        "wondzorg",
        "diabetes",
        "dementie",
        "stomazorg",
        "medicatie",
        "psychische-gezondheid",
        "katheterzorg",
        "hartfalen",
        "copd",
        "parkinson",
        "valpreventie",
    ];

    /// <summary>
    /// The key of a topic as a nurse typed it ("Wond zorg " is "wond-zorg"), or null when it is
    /// empty, too long, or holds anything but letters, digits, spaces and hyphens.
    /// </summary>
    public static string? Normalize(string? topic)
    {
        if (string.IsNullOrWhiteSpace(topic))
        {
            return null;
        }

        var words = topic.Trim().ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        var key = string.Join('-', words);
        return key.Length is >= 2 and <= MaxLength && key.All(c => char.IsLetterOrDigit(c) || c == '-') ? key : null;
    }
}

/// <summary>
/// A nurse's own entry in the know-how directory: what she knows well, whether others may find
/// her by it, and which topics she follows (questions under those reach her live).
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Knowledge.KnowHowProfile")]
public sealed record KnowHowProfile(
    [property: Id(0)] IReadOnlyList<string> Topics,
    [property: Id(1)] bool Hidden,
    [property: Id(2)] IReadOnlyList<string> Following);

/// <summary>A nurse's know-how, keyed by her nurse id. Only she changes it.</summary>
[Alias("Buurtzorg.Knowledge.IKnowHowGrain")]
public interface IKnowHowGrain : IGrainWithGuidKey
{
    [Alias("Get")]
    ValueTask<KnowHowProfile> Get();

    [Alias("Set")]
    ValueTask<KnowHowProfile> Set(KnowHowProfile profile);
}

/// <summary>One nurse the directory can find, with the topics she listed.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Knowledge.KnowHowListing")]
public sealed record KnowHowListing(
    [property: Id(0)] Guid NurseId,
    [property: Id(1)] IReadOnlyList<string> Topics);

/// <summary>How many nurses list a topic, and how many follow it.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Knowledge.TopicCount")]
public sealed record TopicCount(
    [property: Id(0)] string Topic,
    [property: Id(1)] int Listed,
    [property: Id(2)] int Following);

/// <summary>
/// The national index of who knows what (key 0): only nurses who did not hide themselves, and
/// only their topics. Names and teams are read live from the nurses when a search is answered,
/// so a move or a division never leaves a stale team in the directory.
/// </summary>
[Alias("Buurtzorg.Knowledge.IKnowHowDirectoryGrain")]
public interface IKnowHowDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Sets what a nurse lists (none, or hidden, takes her off) and follows; safe to repeat.</summary>
    [Alias("Put")]
    ValueTask Put(Guid nurseId, IReadOnlyList<string> listed, IReadOnlyList<string> following);

    /// <summary>Nurses who list <paramref name="topic"/> (every listed nurse when null).</summary>
    [Alias("Find")]
    ValueTask<IReadOnlyList<KnowHowListing>> Find(string? topic);

    /// <summary>Per topic, how many nurses list and follow it: counts only.</summary>
    [Alias("Count")]
    ValueTask<IReadOnlyList<TopicCount>> Count();
}

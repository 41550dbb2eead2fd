using Buurtzorg.Contracts.Capacity;

namespace Buurtzorg.Grains.Places;

/// <summary>
/// Which counts of waiting join requests central staff do not see. A nurse asking another team to
/// take her in is telling that she wants to move, which is hers to tell: a region with fewer than
/// <see cref="CapacityPrivacy.MinimumCount"/> waiting requests (one nurse, or a few) is withheld.
/// The same rule as the capacity figures' client counts (<see cref="Capacity.ComplementarySuppression"/>),
/// with one level less, since no team's count is shown: the nation's total is the sum of the regions,
/// so it hides none of them or at least two; one withheld region takes the nation's total with it.
/// </summary>
public sealed class WaitingSuppression
{
    private readonly HashSet<string> _regions;

    private WaitingSuppression(HashSet<string> regions, bool nation)
    {
        _regions = regions;
        Nation = nation;
    }

    public bool Nation { get; }

    public static WaitingSuppression Of(IReadOnlyDictionary<string, int> waitingPerRegion)
    {
        var regions = waitingPerRegion.Where(r => Small(r.Value)).Select(r => r.Key).ToHashSet();
        var nation = Small(waitingPerRegion.Values.Sum()) || regions.Count == 1;
        return new WaitingSuppression(regions, nation);
    }

    public bool Region(string region) => _regions.Contains(region);

    private static bool Small(int count) => CapacityPrivacy.Suppress(count) is null;
}

namespace Buurtzorg.HubBench;

/// <summary>
/// The versions one connection heard, as bits from the team's version before the run: a
/// watcher of one team at 1,000 changes a second for a minute needs 7.5 kB, not a hash set.
/// Written by the connection's own event loop only, read after the run.
/// </summary>
public sealed class VersionSet
{
    private ulong[] _bits = new ulong[4];

    /// <summary>Marks <paramref name="offset"/> (1 is the first version after the run began); false if it was already heard or lies before the run.</summary>
    public bool Add(long offset)
    {
        if (offset <= 0)
        {
            return false;
        }

        var word = (int)(offset >> 6);
        if (word >= _bits.Length)
        {
            Array.Resize(ref _bits, Math.Max(word + 1, _bits.Length * 2));
        }

        var mask = 1UL << (int)(offset & 63);
        if ((_bits[word] & mask) != 0)
        {
            return false;
        }

        _bits[word] |= mask;
        return true;
    }

    public bool Contains(long offset)
    {
        var word = offset >> 6;
        return offset > 0 && word < _bits.Length && (_bits[word] & (1UL << (int)(offset & 63))) != 0;
    }
}

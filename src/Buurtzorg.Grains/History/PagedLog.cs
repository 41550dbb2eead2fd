using Orleans.Storage;

namespace Buurtzorg.Grains.History;

/// <summary>One stored page of a grain's history (a schema: add members with defaults, never rename).</summary>
public sealed class LogPage<TEntry>
{
    /// <summary>In version order. An entry above the owner's stored version is a write whose head was never stored: ignored, then overwritten.</summary>
    public List<TEntry> Entries { get; set; } = [];
}

/// <summary>
/// A grain's history stored beside its state, as pages of <see cref="PageSize"/> entries in rows
/// of their own (the owner's key with the page number as extension), through the same grain
/// storage. An entry is numbered by the version it made, so the page that holds a version is
/// known without an index, and a change rewrites only the last page: what a change stores does
/// not grow with the history behind it.
/// </summary>
/// <remarks>
/// The owner stores the page first and its own state (the version, and the kept outcome of a
/// keyed command) second. A crash between the two leaves an entry the owner's version does not
/// reach: readers skip it and the next change overwrites it, so nothing is half stored, and
/// nothing acknowledged is missing from the history.
/// </remarks>
public sealed class PagedLog<TEntry>(IGrainStorage storage, string stateName, GrainId owner, Func<TEntry, long> versionOf)
{
    /// <summary>
    /// Small enough that rewriting the last page costs about one current record, large enough that
    /// an activation reading the whole history reads few rows.
    /// </summary>
    public const int PageSize = 16;

    private GrainState<LogPage<TEntry>>? _last;
    private long _lastIndex = -1;

    /// <summary>Stores <paramref name="entry"/> in its page, replacing any entry at or above its version left by a change whose owner write failed.</summary>
    public Task Append(TEntry entry) => AppendAll([entry]);

    /// <summary>Stores entries of consecutive versions, in order, a page at a time.</summary>
    public async Task AppendAll(IReadOnlyList<TEntry> entries)
    {
        foreach (var group in entries.GroupBy(e => IndexOf(versionOf(e))))
        {
            var page = _last is not null && _lastIndex == group.Key ? _last : await ReadPage(group.Key);
            var first = versionOf(group.First());
            page.State!.Entries = [.. page.State!.Entries.Where(e => versionOf(e) < first), .. group];

            // Until the write answers, the page's version tag is unknown: a failure must re-read it.
            (_last, _lastIndex) = (null, -1);
            await storage.WriteStateAsync(stateName, PageId(group.Key), page);
            (_last, _lastIndex) = (page, group.Key);
        }
    }

    /// <summary>The entries of versions <paramref name="from"/> to <paramref name="to"/>, both included, in order.</summary>
    public async Task<List<TEntry>> Read(long from, long to)
    {
        var entries = new List<TEntry>();
        if (from > to)
        {
            return entries;
        }

        // The pages are read together: an activation that reads a long history waits for one round trip, not one per page.
        var first = IndexOf(Math.Max(from, 1));
        var pages = await Task.WhenAll(Enumerable.Range(0, (int)(IndexOf(to) - first + 1)).Select(offset => first + offset)
            .Select(index => _last is not null && _lastIndex == index ? Task.FromResult(_last) : ReadPage(index)));
        foreach (var page in pages)
        {
            entries.AddRange(page.State!.Entries.Where(e => versionOf(e) >= from && versionOf(e) <= to));
        }

        return entries;
    }

    /// <summary>
    /// Rewrites, in place, the stored entries of versions 1 to <paramref name="to"/> that
    /// <paramref name="rewrite"/> changes (it answers whether it did): the one way history is
    /// altered, for erasing a person's details that the record may not keep (AVG art. 17).
    /// </summary>
    public async Task Rewrite(long to, Func<TEntry, bool> rewrite)
    {
        Forget();
        for (var index = 0L; index <= IndexOf(to) && to >= 1; index++)
        {
            var page = await ReadPage(index);
            var changed = false;
            foreach (var entry in page.State!.Entries)
            {
                changed |= rewrite(entry);
            }

            if (changed)
            {
                await storage.WriteStateAsync(stateName, PageId(index), page);
            }
        }
    }

    /// <summary>Clears every stored page up to the one of version <paramref name="to"/>: the history goes with the record it belongs to.</summary>
    public async Task Clear(long to)
    {
        Forget();
        // One page further: a change whose owner write failed may have begun a page of its own.
        for (var index = 0L; index <= IndexOf(to + 1); index++)
        {
            var page = await ReadPage(index);
            if (page.RecordExists)
            {
                await storage.ClearStateAsync(stateName, PageId(index), page);
            }
        }
    }

    /// <summary>Drops the page held in memory: after a failed write its version tag may not be the stored one.</summary>
    public void Forget() => (_last, _lastIndex) = (null, -1);

    private static long IndexOf(long version) => (version - 1) / PageSize;

    private async Task<GrainState<LogPage<TEntry>>> ReadPage(long index)
    {
        var page = new GrainState<LogPage<TEntry>>(new LogPage<TEntry>());
        await storage.ReadStateAsync(stateName, PageId(index), page);
        page.State ??= new LogPage<TEntry>();
        return page;
    }

    private GrainId PageId(long index) =>
        GrainId.Create(owner.Type, GrainIdKeyExtensions.CreateGuidKey(owner.GetGuidKey(), index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

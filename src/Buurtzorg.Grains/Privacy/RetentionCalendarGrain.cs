using Buurtzorg.Contracts.Privacy;

namespace Buurtzorg.Grains.Privacy;

/// <summary>The stored discharge months (a schema: add members with defaults, never rename).</summary>
public sealed class RetentionCalendarState
{
    public int Schema { get; set; } = 1;

    /// <summary>yyyyMM; a month leaves once its retention has run out and its clients are erased, so this holds about twenty years of months.</summary>
    public SortedSet<int> Months { get; set; } = [];
}

public sealed class RetentionCalendarGrain(
    [PersistentState("retention-calendar", GrainStorage.Name)] IPersistentState<RetentionCalendarState> calendar) : Grain, IRetentionCalendarGrain
{
    public async Task AddMonth(int month)
    {
        if (calendar.State.Months.Add(month))
        {
            await Write();
        }
    }

    public async Task RemoveMonth(int month)
    {
        if (calendar.State.Months.Remove(month))
        {
            await Write();
        }
    }

    public ValueTask<IReadOnlyList<int>> Months() => ValueTask.FromResult<IReadOnlyList<int>>([.. calendar.State.Months]);

    private async Task Write()
    {
        try
        {
            await calendar.WriteStateAsync();
        }
        catch
        {
            await calendar.ReadStateAsync();
            throw;
        }
    }
}

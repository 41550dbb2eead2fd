using Buurtzorg.Contracts.Capacity;

namespace Buurtzorg.Grains.Capacity;

/// <summary>
/// A team's weekly figures. Written on every flush of the team's capacity (see
/// <see cref="TeamCapacityGrain"/>) rather than by a reminder: the figures change only when a
/// report comes in, so recording each change keeps the week's last figure without a reminder
/// table, and a week is stored only when its figures differ from what is stored.
/// </summary>
public sealed class CapacityHistoryGrain(
    [PersistentState("capacity-history", GrainStorage.Name)] IPersistentState<CapacityHistoryState> history) : Grain, ICapacityHistoryGrain
{
    private List<WeekFigures> Weeks => history.State.Weeks;

    public async ValueTask Record(WeekFigures figures)
    {
        var at = Weeks.FindIndex(w => w.Week == figures.Week);
        if (at >= 0 && Weeks[at] == figures)
        {
            return;
        }

        if (at >= 0)
        {
            Weeks[at] = figures;
        }
        else
        {
            Weeks.Add(figures);
        }

        await Store();
    }

    public async ValueTask Backfill(IReadOnlyList<WeekFigures> weeks)
    {
        var added = weeks.Where(w => !Weeks.Exists(known => known.Week == w.Week)).ToList();
        if (added.Count == 0)
        {
            return;
        }

        Weeks.AddRange(added);
        await Store();
    }

    public ValueTask<IReadOnlyList<WeekFigures>> GetWeeks(DateOnly fromMonday) =>
        ValueTask.FromResult<IReadOnlyList<WeekFigures>>([.. Weeks.Where(w => w.Week >= fromMonday)]);

    private async Task Store()
    {
        Weeks.Sort((a, b) => a.Week.CompareTo(b.Week));
        if (Weeks.Count > CapacityHistory.WeeksKept)
        {
            Weeks.RemoveRange(0, Weeks.Count - CapacityHistory.WeeksKept);
        }

        await history.WriteStateAsync();
    }
}

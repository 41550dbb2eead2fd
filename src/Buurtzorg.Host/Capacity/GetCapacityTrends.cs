using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Grains;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Capacity;

/// <summary>
/// The weekly figures of a region's teams over the last <see cref="Weeks"/> weeks, this one
/// included (it is still under way). Aggregates only: nurses, hours and productivity.
/// </summary>
public sealed record GetCapacityTrends(string? Region, int? Weeks) : IQuery<CapacityTrends>, IValidatedMessage
{
    public const int DefaultWeeks = 12;

    public void Validate(ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Region))
        {
            errors.Add("region", "Name the region whose teams' trends to show.");
        }

        if (Weeks is < 1 or > CapacityHistory.WeeksKept)
        {
            errors.Add("weeks", $"Between 1 and {CapacityHistory.WeeksKept} weeks.");
        }
    }
}

/// <summary><see cref="Weeks"/>: the Mondays shown, oldest first; <see cref="Generated"/>: some of the weeks are the demo's made-up past.</summary>
public sealed record CapacityTrends(string Region, IReadOnlyList<DateOnly> Weeks, IReadOnlyList<TeamTrend> Teams, bool Generated);

public sealed record TeamTrend(Guid TeamId, string TeamName, IReadOnlyList<WeekFigures> Weeks);

public sealed class GetCapacityTrendsHandler(IGrainFactory grains, TimeProvider clock) : IQueryHandler<GetCapacityTrends, CapacityTrends>
{
    public async ValueTask<CapacityTrends> Handle(GetCapacityTrends query, CancellationToken cancellationToken)
    {
        var count = query.Weeks ?? GetCapacityTrends.DefaultWeeks;
        var thisWeek = CapacityHistory.WeekOf(DutchCalendar.Today(clock));
        var first = thisWeek.AddDays(-7 * (count - 1));
        var overview = await grains.GetGrain<ICapacityRollupGrain>(CapacityRollup.Nation).GetOverview();
        var teams = await Task.WhenAll(overview.Teams
            .Where(t => t.Region == query.Region)
            .Select(async t => new TeamTrend(t.TeamId, t.TeamName, await grains.GetGrain<ICapacityHistoryGrain>(t.TeamId).GetWeeks(first))));
        return new CapacityTrends(
            query.Region!,
            [.. Enumerable.Range(0, count).Select(i => first.AddDays(7 * i))],
            teams,
            teams.Any(t => t.Weeks.Any(w => w.Generated)));
    }
}

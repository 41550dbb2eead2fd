using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Grains.Schedule;
using Microsoft.Extensions.Logging;

namespace Buurtzorg.Grains.Capacity;

/// <summary>
/// The national picture. Reports are applied in memory at once, so a query reflects them
/// immediately; storing them is batched (at most every <see cref="StoreEvery"/>), since a
/// silo stopping in order stores them as it deactivates, and a report lost with a crashing silo
/// is repeated by the team's next change anyway.
/// </summary>
public sealed class CapacityRollupGrain(
    [PersistentState("capacity-rollup", GrainStorage.Name)] IPersistentState<CapacityRollupState> rollup,
    ILogger<CapacityRollupGrain> logger) : Grain, ICapacityRollupGrain
{
    private static readonly TimeSpan StoreEvery = TimeSpan.FromSeconds(2);

    private IGrainTimer? _store;
    private FollowUps? _followUps;

    private FollowUps FollowUps => _followUps ??= new(this, logger);

    public async ValueTask Report(TeamCapacityReport team)
    {
        rollup.State.Teams[team.TeamId] = team;
        rollup.State.Version++;
        _store ??= this.RegisterGrainTimer(Store, new GrainTimerCreationOptions { DueTime = StoreEvery, Period = Timeout.InfiniteTimeSpan });

        // The report is taken: watchers hearing of it late is no error for the team reporting it.
        // They re-read the whole overview, so only the newest version need reach them.
        await FollowUps.Refresh("events", () => GrainFactory.GetGrain<IScheduleEventPublisherGrain>(0).Publish(new CapacityChanged(rollup.State.Version)).AsTask());
    }

    public ValueTask<CapacityOverview> GetOverview()
    {
        var teams = rollup.State.Teams.Values.Where(t => !t.Divided).ToList();
        var withheld = new Withheld(
            ComplementarySuppression.Of(teams, t => t.ActiveClients),
            ComplementarySuppression.Of(teams, t => t.WaitingClients));
        return ValueTask.FromResult(new CapacityOverview(
            Totals("Nederland", teams, withheld, region: null),
            [.. teams.GroupBy(t => t.Region).OrderBy(g => g.Key, StringComparer.CurrentCulture).Select(g => Totals(g.Key, [.. g], withheld, g.Key))],
            [.. teams.OrderBy(t => t.Region, StringComparer.CurrentCulture).ThenBy(t => t.TeamName, StringComparer.CurrentCulture).Select(t => Public(t, withheld))],
            rollup.State.Version));
    }

    /// <summary>A silo shutting down deactivates its grains: reports not yet stored are stored now.</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _store is null ? Task.CompletedTask : Store();

    private async Task Store()
    {
        // Disposing the timer cancels the token it hands this callback, so it goes last.
        using var timer = _store;
        _store = null;
        await rollup.WriteStateAsync();
    }

    private static TeamCapacity Public(TeamCapacityReport t, Withheld withheld) => new(
        t.TeamId, t.TeamName, t.Region, t.Nurses, t.SupplyHoursPerWeek, t.DemandHoursPerWeek, t.OpenVisitHours,
        withheld.Active.Team(t, t.ActiveClients), withheld.Waiting.Team(t, t.WaitingClients), t.Divided, t.ConfirmedHoursThisWeek,
        t.Coverage ?? [.. PartsOfDay.All.Select(p => new PartOfDayCoverage(p, 0, 0, 0))], t.VisitHoursThisWeek);

    // region: the region these teams make up, or null for the nation.
    private static CapacityTotals Totals(string name, List<TeamCapacityReport> teams, Withheld withheld, string? region)
    {
        var shown = teams.Select(t => Public(t, withheld)).ToList();
        int? Publish(ComplementarySuppression of, int count) => region is null ? of.Nation(count) : of.Region(region, count);
        return new CapacityTotals(
            name,
            teams.Count,
            teams.Sum(t => t.Nurses),
            teams.Sum(t => t.SupplyHoursPerWeek),
            teams.Sum(t => t.DemandHoursPerWeek),
            teams.Sum(t => t.OpenVisitHours),
            Publish(withheld.Active, teams.Sum(t => t.ActiveClients)),
            Publish(withheld.Waiting, teams.Sum(t => t.WaitingClients)),
            shown.Count(t => t.NearDivision),
            shown.Count(t => t.OverCapacity),
            teams.Sum(t => t.ConfirmedHoursThisWeek),
            [.. PartsOfDay.All.Select(part =>
            {
                var cells = shown.Select(t => t.Coverage.First(c => c.Part == part)).ToList();
                return new PartOfDayTotals(part, cells.Sum(c => c.DemandHoursPerWeek), cells.Sum(c => c.RosteredHoursPerWeek), cells.Sum(c => c.UncoveredHoursPerWeek), cells.Count(c => c.Short));
            })],
            teams.Sum(t => t.VisitHoursThisWeek));
    }

    /// <summary>What is withheld of each client count, worked out over the whole table at once.</summary>
    private sealed record Withheld(ComplementarySuppression Active, ComplementarySuppression Waiting);
}

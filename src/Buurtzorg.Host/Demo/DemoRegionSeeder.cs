using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Demo;
using Buurtzorg.Grains;
using Buurtzorg.Host.Teams;
using Mediator;

namespace Buurtzorg.Host.Demo;

/// <summary>
/// Development feature, on only with <c>--demo</c>: fills an empty system with a small demo
/// region (teams, nurses, clients with care plans and their visits) from a fixed seed, and the
/// weeks before this one for the trend chart (made up, and marked so, see <see cref="DemoHistory"/>).
/// </summary>
public sealed partial class DemoRegionSeeder(IMediator mediator, IGrainFactory grains, DemoAccounts accounts, IHostEnvironment environment, TimeProvider clock, ILogger<DemoRegionSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if ((await mediator.Send(new ListTeams(), cancellationToken)).Count == 0)
        {
            var summary = await DemoRegionGenerator.Generate(grains, DemoOptions.Small, cancellationToken);
            LogSeeded(logger, summary.Teams, summary.Nurses, summary.Clients, summary.Elapsed.TotalSeconds);
            await BackfillHistory(summary.Teams, cancellationToken);
            await DemoOpenPlaces.Post(mediator, grains, cancellationToken);
            await DemoNetwork.Seed(grains, await LiveTeams(cancellationToken));
        }

        var opened = await accounts.Ensure(cancellationToken);
        if (!environment.IsDevelopment())
        {
            // In the log too (without the credentials), where a real deployment's operators look.
            LogPublicAccounts(logger, environment.EnvironmentName);
        }

        // On the console, not in the log: these are credentials, for trying the demo only.
        DemoAccountsNotice.Write(Console.Out, environment, opened);
    }

    /// <summary>The past weeks go from the teams' present figures, once the rollup holds them all (within seconds).</summary>
    private async Task BackfillHistory(int teams, CancellationToken cancellationToken)
    {
        var rollup = grains.GetGrain<ICapacityRollupGrain>(CapacityRollup.Nation);
        var overview = await rollup.GetOverview();
        for (var tries = 0; tries < 300 && overview.Teams.Count(t => t.DemandHoursPerWeek > 0 && t.SupplyHoursPerWeek > 0) < teams; tries++)
        {
            await Task.Delay(100, cancellationToken);
            overview = await rollup.GetOverview();
        }

        var thisWeek = CapacityHistory.WeekOf(DutchCalendar.Today(clock));
        foreach (var (team, index) in overview.Teams.OrderBy(t => t.TeamName, StringComparer.Ordinal).Select((t, i) => (t, i)))
        {
            await grains.GetGrain<ICapacityHistoryGrain>(team.TeamId).Backfill(DemoHistory.Before(team, thisWeek, DemoOptions.Small.Seed + index));
        }
    }

    private async Task<IReadOnlyList<TeamSnapshot>> LiveTeams(CancellationToken cancellationToken)
    {
        var teams = await Task.WhenAll((await mediator.Send(new ListTeams(), cancellationToken)).Select(t => grains.GetGrain<ITeamGrain>(t.Id).Get().AsTask()));
        return [.. teams.OfType<TeamSnapshot>()];
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo region seeded: {Teams} teams, {Nurses} nurses, {Clients} clients in {Seconds:F1} s")]
    private static partial void LogSeeded(ILogger logger, int teams, int nurses, int clients, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "--demo in the {Environment} environment: the demo accounts, with a password and authenticator keys anyone can read in the source, are open on this host")]
    private static partial void LogPublicAccounts(ILogger logger, string environment);
}

using System.Net.Http.Json;
using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.Operations;

/// <summary>
/// Figures batched in memory (the capacity rollup stores at most every 2 s) are stored when a
/// host stops in order, as a container does on SIGTERM: a restart straight after a change
/// still shows it, without the team reporting again.
/// </summary>
public sealed class ShutdownFlushTests
{
    [Fact]
    public async Task A_host_stopped_straight_after_a_change_stores_the_batched_capacity_figures()
    {
        using var file = new TempSqliteFile();
        Guid team;
        await using (var host = await TestHost.StartOnSqlite(file.Path))
        {
            team = (await host.CreateTeam("Buurtzorg Afsluiten")).Id;
            await host.AddNurse(team, "Ria Hendriks");
            // The rollup hears of the team within the team's 200 ms settle; its store is still pending.
            await EventuallyExtensions.Eventually(
                () => host.Http.GetFromJsonAsync<CapacityOverview>("/api/capacity", TeamDay.Json)!,
                o => o!.Teams.Any(t => t.TeamId == team && t.Nurses == 1),
                TimeSpan.FromSeconds(5));
        }

        await using var restarted = await TestHost.StartOnSqlite(file.Path);
        var overview = await restarted.Http.GetFromJsonAsync<CapacityOverview>("/api/capacity", TeamDay.Json);
        var figures = Assert.Single(overview!.Teams, t => t.TeamId == team);
        Assert.Equal(1, figures.Nurses);
    }
}

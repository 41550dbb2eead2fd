using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Capacity;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Buurtzorg.Host.Tests.Infrastructure.EventuallyExtensions;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;

namespace Buurtzorg.Host.Tests.Capacity;

/// <summary>A team's view of itself: its hours, productivity, caseload and continuity, for its own nurses only.</summary>
public sealed class TeamMonitorApiTests(SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_nurse_sees_her_teams_hours_productivity_and_how_many_nurses_each_client_saw_and_nobody_else_does()
    {
        var team = await Host.FoundTeam("Buurtzorg Hoograven");
        var anne = await Host.Hire(team, "Anne de Vries", "anne-hoograven");
        var bram = await Host.Hire(team, "Bram Jansen", "bram-hoograven");
        var other = await Host.FoundTeam("Buurtzorg Tolsteeg");
        await Host.Hire(other, "Carla Smit", "carla-tolsteeg");
        await Host.OpenAccount("centraal-hoograven", AccountRole.Central);
        var anneSession = await Host.SignIn("anne-hoograven");
        var bramSession = await Host.SignIn("bram-hoograven");

        // The hoist needs two: Anne and Bram both go; the injection is Anne's alone.
        var hoisted = await anneSession.Http.AddClient(team, "Johanna de Groot");
        var double_ = await anneSession.Http.AddDailyVisit(team, hoisted.Id, twoNurses: true, description: "Douchen met tillift");
        var injected = await anneSession.Http.AddClient(team, "Gerrit Bakker", houseNumber: "12");
        var single = await anneSession.Http.AddDailyVisit(team, injected.Id);
        await Ok(anneSession.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{double_.Id}/claim", new { nurseId = anne }, Json));
        await Ok(bramSession.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{double_.Id}/claim", new { nurseId = bram }, Json));
        await Ok(anneSession.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{single.Id}/claim", new { nurseId = anne }, Json));
        await Ok(anneSession.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{double_.Id}/confirm", new { nurseId = anne }, Json));
        await Ok(anneSession.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{single.Id}/confirm", new { nurseId = anne }, Json));

        var monitor = await Eventually(
            async () => (await anneSession.Http.GetFromJsonAsync<TeamMonitor>($"/api/teams/{team}/monitor", Json))!,
            m => m.VisitHoursThisWeek > 0 && m.ConfirmedHoursThisWeek > 0 && m.ActiveClients + m.WaitingClients == 2);

        Assert.Equal(("Buurtzorg Hoograven", 2, 56m), (monitor.TeamName, monitor.Nurses, monitor.ContractHoursPerWeek));
        Assert.Equal(Productivity.Percent(monitor.VisitHoursThisWeek, 56), monitor.ProductivityPercent);
        // Today's two visits are done: 30 minutes by two nurses and 30 by one.
        Assert.Equal(1.5m, monitor.ConfirmedHoursThisWeek);
        var daysLeft = 7 - ((int)Today.DayOfWeek + 6) % 7;
        Assert.Equal(daysLeft * 2, monitor.VisitsThisWeek);
        Assert.Equal(daysLeft * 1.5m, monitor.VisitHoursThisWeek);
        Assert.Equal(2, monitor.LastFourWeeks.Clients);
        Assert.Equal(1.5m, monitor.LastFourWeeks.AverageNurses);
        Assert.Equal([2, 0, 0, 0], monitor.LastFourWeeks.Bands.Select(b => b.Clients));
        Assert.Equal((1, (int?)2), (monitor.LastFourWeeks.Bands[0].From, monitor.LastFourWeeks.Bands[0].To));
        Assert.Null(monitor.LastFourWeeks.Bands[^1].To);

        // A nurse of another team and central staff get the same refusal as for a team that does not exist.
        var log = Host.App.Services.GetRequiredService<AccessLog>();
        var lines = (await log.All()).Count;
        foreach (var outsider in new[] { "carla-tolsteeg", "centraal-hoograven" })
        {
            var refused = await (await Host.SignIn(outsider)).Http.GetAsync($"/api/teams/{team}/monitor");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Contains(AccessGate.NotFoundDetail, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The answer names no client, so reading it leaves no access-log line about any client.
        await anneSession.Http.GetAsync($"/api/teams/{team}/monitor");
        Assert.Equal(lines, (await log.All()).Count);
    }

    private static async Task Ok(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}

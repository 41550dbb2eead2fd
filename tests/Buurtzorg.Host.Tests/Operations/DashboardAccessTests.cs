using System.Net;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.Operations;

/// <summary>
/// The Orleans dashboard is for operators only: never anonymous, not for nurses, and not for
/// central staff, who see aggregates only. Its grain-state page would show any grain's stored
/// state (clients' records included), so nobody gets it.
/// </summary>
public sealed class DashboardAccessTests : IAsyncLifetime
{
    private readonly TempSqliteFile _file = new();
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartSecureOnSqlite(_file.Path, new Dictionary<string, string?> { ["Operations:Dashboard"] = "true" });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task Only_an_operator_reaches_the_dashboard_and_nobody_its_grain_state_page()
    {
        var team = await _host.FoundTeam("Buurtzorg Dashboard");
        await _host.Hire(team, "Noor Visser", "dash-nurse");
        await _host.OpenAccount("dash-central", AccountRole.Central);
        await _host.OpenAccount("dash-operator", AccountRole.Operations);
        var nurse = await _host.SignIn("dash-nurse");
        var central = await _host.SignIn("dash-central");
        var operatorSession = await _host.SignIn("dash-operator");

        const string stats = "/dashboard/ClusterStats";
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Http.GetAsync(stats)).StatusCode);
        await ProblemAssert.Problem(await nurse.Http.GetAsync(stats), HttpStatusCode.NotFound, "nothing here");
        await ProblemAssert.Problem(await central.Http.GetAsync(stats), HttpStatusCode.NotFound, "nothing here");

        var answer = await operatorSession.Http.GetAsync(stats);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
        var page = await operatorSession.Http.GetAsync("/dashboard/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        await ProblemAssert.Problem(
            await operatorSession.Http.GetAsync("/dashboard/GrainState?grainId=00000000-0000-0000-0000-000000000001&grainType=Buurtzorg.Grains.Clients.ClientGrain"),
            HttpStatusCode.NotFound,
            "nothing here");
        // The live log stream is switched off: logs are read where they are collected.
        Assert.NotEqual(HttpStatusCode.OK, (await operatorSession.Http.GetAsync("/dashboard/Trace")).StatusCode);
    }

    [Fact]
    public async Task An_operator_reaches_no_team_client_or_capacity_figures()
    {
        var team = await _host.FoundTeam("Buurtzorg Beheer");
        await _host.OpenAccount("ops-only", AccountRole.Operations);
        var operatorSession = await _host.SignIn("ops-only");

        foreach (var path in new[] { "/api/teams", $"/api/teams/{team}", "/api/capacity", $"/api/teams/{team}/clients" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await operatorSession.Http.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task Switched_off_there_is_no_dashboard_at_all()
    {
        using var file = new TempSqliteFile();
        await using var host = await TestHost.StartSecureOnSqlite(file.Path, new Dictionary<string, string?> { ["Operations:Dashboard"] = "false" });
        await host.OpenAccount("ops-off", AccountRole.Operations);
        var operatorSession = await host.SignIn("ops-off");
        Assert.Equal(HttpStatusCode.NotFound, (await operatorSession.Http.GetAsync("/dashboard/ClusterStats")).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>
/// The thin web client in a real headless Chromium against the real host: nurses, a family and
/// central staff, each page checked with axe-core and saved as a screenshot.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebClientBrowserTests(BrowserFixture browser, SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    static WebClientBrowserTests() => SetDefaultExpectTimeout(15_000);

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task Nurse_A_takes_a_visit_and_nurse_Bs_board_shows_it_without_a_reload()
    {
        var team = await Host.CreateTeam("Buurtzorg Lombok");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne de Vries");
        var bram = await Host.AddWorkingNurse(team.Id, "Bram Jansen");
        var visit = await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, "Johanna de Groot")).Id);
        var pageA = await OpenLive($"nurse.html?team={team.Id}&nurse={anne.Id}");
        var pageB = await OpenLive($"nurse.html?team={team.Id}&nurse={bram.Id}");
        await Expect(pageB.Locator($"#open-list [data-visit='{visit.Id}']")).ToBeVisibleAsync();
        await pageB.EvaluateAsync("() => { window.notReloaded = true; }");

        await pageA.GetByRole(AriaRole.Button, new() { Name = "Johanna de Groot om 08:00 oppakken" }).ClickAsync();

        await Expect(pageA.Locator($"#round-list [data-visit='{visit.Id}'] .stop-time")).ToHaveTextAsync("08:00–08:30");
        await Expect(pageB.Locator($"#taken-list [data-visit='{visit.Id}'] .nurse-names")).ToHaveTextAsync("Anne de Vries");
        await Expect(pageB.Locator($"#open-list [data-visit='{visit.Id}']")).ToHaveCountAsync(0);
        Assert.True(await pageB.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await Expect(pageA.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await Accessibility.AssertNoSeriousViolations(pageA, "nurse round");
        await Screenshots.Save(pageA, "nurse-round");
        await Screenshots.Save(pageB, "nurse-team-board");
    }

    [Fact]
    public async Task A_nurse_asks_for_a_proposal_sees_it_beside_the_current_rounds_and_the_team_takes_it_but_never_over_a_newer_schedule()
    {
        var team = await Host.CreateTeam("Buurtzorg Kanaleneiland");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne de Vries");
        var bram = await Host.AddWorkingNurse(team.Id, "Bram Jansen");
        var visits = new List<Guid>();
        foreach (var (name, street) in new[] { ("Johanna de Groot", "Twijnstraat"), ("Gerrit Bakker", "Jutfaseweg"), ("Truus Visser", "Vondellaan") })
        {
            visits.Add((await Host.AddDailyVisit(team.Id, (await Host.AddClient(team.Id, name, street, "4")).Id)).Id);
        }

        var page = await OpenLive($"nurse.html?team={team.Id}&nurse={anne.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vraag een voorstel" }).ClickAsync();
        await Expect(page.Locator("#proposal-table tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator($"#proposal-table tr[data-nurse='{bram.Id}'] th")).ToHaveTextAsync("Bram Jansen");
        await Expect(page.Locator("#proposal-summary")).ToContainTextAsync("Voorstel: 3 bezoeken");
        await Expect(page.Locator("#proposal-rounds li")).ToHaveCountAsync(3);
        await Accessibility.AssertNoSeriousViolations(page, "nurse with a proposal");
        await Screenshots.Save(page, "nurse-proposal");

        await page.GetByRole(AriaRole.Button, new() { Name = "Alles overnemen" }).ClickAsync();
        await Expect(page.Locator("#proposal")).ToBeHiddenAsync();
        await Expect(page.Locator("#open-list li")).ToHaveCountAsync(0);
        var taken = await Host.Http.GetFromJsonAsync<Contracts.Visits.ScheduleView>($"/api/teams/{team.Id}/visits?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", Json);
        Assert.All(taken!.Visits, v => Assert.Single(v.AssignedNurses));

        // A fresh proposal, then a colleague gives a visit back before the team accepts.
        await page.GetByRole(AriaRole.Button, new() { Name = "Vraag een voorstel" }).ClickAsync();
        await Expect(page.Locator("#proposal")).ToBeVisibleAsync();
        var holder = taken.Visits.First(v => v.Id == visits[0]).AssignedNurses[0];
        (await Host.Http.PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visits[0]}/release", new { nurseId = holder }, Json)).EnsureSuccessStatusCode();
        await page.GetByRole(AriaRole.Button, new() { Name = "Alles overnemen" }).ClickAsync();

        await Expect(page.Locator("#proposal-problem")).ToContainTextAsync("The schedule changed after this proposal was made.");
        var after = await Host.Http.GetFromJsonAsync<Contracts.Visits.ScheduleView>($"/api/teams/{team.Id}/visits?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", Json);
        Assert.Empty(after!.Visits.Single(v => v.Id == visits[0]).AssignedNurses);
    }

    [Fact]
    public async Task The_family_page_shows_who_is_coming_and_changes_when_the_nurse_changes()
    {
        var team = await Host.CreateTeam("Buurtzorg Wittevrouwen");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne de Vries");
        var bram = await Host.AddWorkingNurse(team.Id, "Bram Jansen");
        var client = await Host.AddClient(team.Id, "Gerrit Bakker");
        var visit = await Host.AddDailyVisit(team.Id, client.Id);
        var page = await OpenLive($"client.html?team={team.Id}&client={client.Id}");
        var who = page.Locator($"#visit-days [data-visit='{visit.Id}'] .who");
        await Expect(who).ToHaveTextAsync("Nog niet bekend wie komt");
        await Expect(page.Locator("#plan-problems h3")).ToHaveTextAsync("Medication regimen");

        (await Host.Http.PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visit.Id}/claim", new { nurseId = anne.Id }, Json)).EnsureSuccessStatusCode();
        await Expect(who).ToHaveTextAsync("Anne komt");
        (await Host.Http.PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visit.Id}/handover", new { fromNurseId = anne.Id, toNurseId = bram.Id }, Json)).EnsureSuccessStatusCode();
        await Expect(who).ToHaveTextAsync("Bram komt");

        await Accessibility.AssertNoSeriousViolations(page, "client and family");
        await Screenshots.Save(page, "client-and-family");
    }

    [Fact]
    public async Task The_central_page_figures_change_when_a_nurses_availability_changes()
    {
        var team = await Host.CreateTeam("Buurtzorg Zuilen");
        var anne = await Host.AddWorkingNurse(team.Id, "Anne de Vries", from: "08:00", to: "16:00");
        var region = (await EventuallyExtensions.Eventually(
            async () => await Host.Http.GetFromJsonAsync<CapacityOverview>("/api/capacity", Json),
            o => o!.Teams.Any(t => t.TeamId == team.Id)))!.Teams.Single(t => t.TeamId == team.Id).Region;
        var page = await OpenLive($"central.html?region={Uri.EscapeDataString(region)}");
        var supply = page.Locator($"#teams-table tr[data-team='{team.Id}'] td").Nth(1);
        await Expect(supply).ToHaveTextAsync("56");

        var changed = await Host.Http.PutAsJsonAsync($"/api/nurses/{anne.Id}/availability",
            new { weeklyAvailability = new[] { new { day = "Monday", from = "08:00", to = "12:00" } } }, Json);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        await Expect(supply).ToHaveTextAsync("4");
        await Expect(page.Locator("#chart svg")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolations(page, "central office");
        await Screenshots.Save(page, "central-office");
    }

    [Fact]
    public async Task The_teams_page_opens_in_Dutch_founds_a_team_and_passes_the_accessibility_check()
    {
        var page = await OpenLive("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");

        await page.GetByLabel("Teamnaam").FillAsync("Buurtzorg Vathorst");
        await page.GetByRole(AriaRole.Button, new() { Name = "Oprichten" }).ClickAsync();

        // Other tests of this class found teams on the same host: look for this one by name.
        await Expect(page.Locator("#team-list").GetByRole(AriaRole.Button, new() { Name = "Buurtzorg Vathorst", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("#team-heading")).ToHaveTextAsync("Buurtzorg Vathorst");
        await Accessibility.AssertNoSeriousViolations(page, "teams");
        await Screenshots.Save(page, "teams");
    }

    private async Task<IPage> OpenLive(string path)
    {
        var page = await browser.NewPage(Host.Address);
        await page.GotoAsync(path);
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        return page;
    }
}

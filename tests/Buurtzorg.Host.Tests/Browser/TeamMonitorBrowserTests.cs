using System.Net.Http.Json;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Tests.Infrastructure;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>"Ons team" in Chromium on a phone and a desktop: a nurse sees her own team's hours, productivity, caseload and continuity.</summary>
[Collection(ScreensCollection.Name)]
public sealed class TeamMonitorBrowserTests(BrowserFixture browser, SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1366, 900)]
    public async Task A_nurse_sees_her_teams_hours_productivity_caseload_and_how_many_nurses_each_client_saw(string screen, int width, int height)
    {
        var team = await Host.FoundTeam($"Buurtzorg Rivierenwijk {screen}");
        var anne = await Host.Hire(team, "Anne de Vries", $"anne-rivieren-{screen}");
        var bram = await Host.Hire(team, "Bram Jansen", $"bram-rivieren-{screen}");
        var anneSession = await Host.SignIn($"anne-rivieren-{screen}");
        var bramSession = await Host.SignIn($"bram-rivieren-{screen}");
        var hoisted = await anneSession.Http.AddDailyVisit(team, (await anneSession.Http.AddClient(team, "Johanna de Groot")).Id, twoNurses: true, description: "Douchen met tillift");
        var injected = await anneSession.Http.AddDailyVisit(team, (await anneSession.Http.AddClient(team, "Gerrit Bakker", houseNumber: "12")).Id);
        await anneSession.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{hoisted.Id}/claim", new { nurseId = anne }, Json);
        await bramSession.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{hoisted.Id}/claim", new { nurseId = bram }, Json);
        await anneSession.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{injected.Id}/claim", new { nurseId = anne }, Json);
        await anneSession.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{hoisted.Id}/confirm", new { nurseId = anne }, Json);
        await anneSession.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{injected.Id}/confirm", new { nurseId = anne }, Json);

        var page = await browser.SignedIn(Host, $"anne-rivieren-{screen}", "team.html");
        await page.SetViewportSizeAsync(width, height);

        await Expect(page.Locator("#monitor-title")).ToHaveTextAsync($"Ons team: Buurtzorg Rivierenwijk {screen}");
        await Expect(page.Locator(".site-nav a[aria-current='page']")).ToHaveTextAsync("Ons team");
        await Expect(page.Locator("#hours-figures [data-figure='contract'] dd")).ToHaveTextAsync("56");
        await Expect(page.Locator("#hours-figures [data-figure='productivity'] dd")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ %$"));
        await Expect(page.Locator("#hours-figures [data-figure='confirmed'] dd")).ToHaveTextAsync("1,5");
        await Expect(page.Locator("#caseload-figures [data-figure='clients'] dd")).Not.ToBeEmptyAsync();
        // One client saw two nurses, the other one: both in the band of one or two, on average one and a half.
        await Expect(page.Locator("#continuity-past .band[data-from='1']")).ToHaveTextAsync("1–2 verpleegkundigen:2 cliënten");
        await Expect(page.Locator("#continuity-past .continuity-average")).ToHaveTextAsync("Gemiddeld 1,5 verpleegkundigen per cliënt (2 cliënten).");
        await Expect(page.Locator("#continuity-coming h3")).ToHaveTextAsync("Komende twee weken (ingeplande bezoeken)");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");

        await Accessibility.AssertNoSeriousViolations(page, $"team monitor ({screen})");
        await Screenshots.Save(page, $"team-monitor-{screen}");
    }

    [Fact]
    public async Task Central_staff_opening_the_team_page_are_sent_to_the_central_figures()
    {
        await Host.OpenAccount("centraal-rivieren", AccountRole.Central);
        var page = await browser.SignedIn(Host, "centraal-rivieren", "team.html");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/central\.html"));
    }
}

using System.Globalization;
using System.Net.Http.Json;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>
/// "Vandaag" on a nurse's phone (issue 16, item 1): the first screen shows the next visit, the
/// whole day of eight visits reads in at most two screens, a tap opens a stop with its actions,
/// and the team board and the proposal are views of their own. The page heights are written to
/// the test output.
/// </summary>
[Collection(ScreensCollection.Name)]
public sealed class NurseTodayBrowserTests(BrowserFixture browser, SecureHostFixture fixture, ITestOutputHelper output) : IClassFixture<SecureHostFixture>
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    private static readonly (string Client, string Street, string From, string To, int Minutes, string What)[] Day =
    [
        ("Johanna de Groot", "Twijnstraat", "08:00", "08:30", 20, "Insuline spuiten"),
        ("Gerrit Bakker", "Jutfaseweg", "08:45", "09:30", 30, "Steunkousen aantrekken"),
        ("Truus Visser", "Vondellaan", "09:45", "10:30", 45, "Wondverzorging onderbeen"),
        ("Kees van Dijk", "Oudegracht", "11:00", "11:30", 15, "Medicatie aanreiken"),
        ("Annie Smit", "Biltstraat", "13:00", "13:30", 30, "Oogdruppels geven"),
        ("Piet de Wit", "Amsterdamsestraatweg", "14:00", "15:00", 60, "Persoonlijke verzorging en huid controleren"),
        ("Riet Mulder", "Kanaalstraat", "16:00", "16:30", 20, "Bloedsuiker meten"),
        ("Henk Jansen", "Adriaen van Ostadelaan", "18:00", "18:30", 20, "Steunkousen uittrekken"),
    ];

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task Vandaag_on_a_phone_shows_the_next_visit_on_the_first_screen_and_the_day_of_eight_visits_within_two_screens()
    {
        await EightVisitsFor("anne-vandaag", "Buurtzorg Vandaag");
        var page = await SignedIn("anne-vandaag", PhoneWidth, PhoneHeight);
        await Expect(page.Locator("#round-list li")).ToHaveCountAsync(8);

        var normal = await PageHeight(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Grote tekst" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("large-text"));
        var large = await PageHeight(page);
        output.WriteLine(Line("normale tekst", normal));
        output.WriteLine(Line("grote tekst", large));
        await Screenshots.Save(page, "nurse-today-phone-large-text");
        // Large text wraps instead of cutting off: nothing is wider than the screen, apart from the
        // menu's row, which scrolls sideways on its own by design.
        var wider = await page.EvaluateAsync<string[]>(
            "(width) => [...document.querySelectorAll('body *')].filter((e) => !e.closest('.site-nav ul') && e.getBoundingClientRect().right > width).map((e) => `${e.tagName}#${e.id}.${e.className}`)", PhoneWidth);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= PhoneWidth, "large text makes the page wider than the screen");
        Assert.True(wider.Length == 0, $"large text makes the page scroll sideways: {string.Join(", ", wider)}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Grote tekst" }).ClickAsync();
        await Expect(page.Locator("html")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("large-text"));

        Assert.True(normal <= 2 * PhoneHeight, $"Vandaag with 8 visits is {normal} px at {PhoneWidth} px: more than two screens ({2 * PhoneHeight} px)");
        var card = page.Locator("#next-card");
        await Expect(card.Locator(".next-time")).ToHaveTextAsync("08:00–08:20");
        await Expect(card.Locator(".client-name")).ToHaveTextAsync("Johanna de Groot");
        await Expect(card.Locator(".address")).ToHaveTextAsync("Twijnstraat 1, 3511 NK Utrecht");
        await Expect(card.Locator(".what")).ToHaveTextAsync("Insuline spuiten");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        foreach (var part in new[] { ".next-time", ".client-name", ".address", ".what" })
        {
            var box = (await card.Locator(part).BoundingBoxAsync())!;
            Assert.True(box.Y >= 0 && box.Y + box.Height <= PhoneHeight, $"{part} of the next visit is at {box.Y}+{box.Height}, not on the first screen");
        }

        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "Bel Johanna de Groot: 0302314567" })).ToHaveAttributeAsync("href", "tel:0302314567");
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "Navigeren naar Twijnstraat 1, 3511 NK Utrecht" }))
            .ToHaveAttributeAsync("href", "geo:52.0894,5.1196?q=Twijnstraat%201%2C%203511%20NK%20Utrecht");
        var lines = page.Locator("#round-list li");
        await Expect(lines.Nth(5)).ToContainTextAsync("14:00–15:00");
        await Expect(lines.Nth(5)).ToContainTextAsync("Piet de Wit");
        await Expect(lines.Nth(5)).ToContainTextAsync("Persoonlijke verzorging");
        await Expect(page.Locator(".site-nav a:visible")).ToHaveTextAsync(["Mijn ronde", "Cliënt en familie", "Ons team", "Mijn beschikbaarheid", "Nieuwe cliënt", "Teams", "Open plekken", "Kennisnetwerk", "Centraal bureau"]);
        await Expect(page.Locator("#who-problem")).ToBeEmptyAsync();
        Assert.Equal(0, await page.Locator("select").CountAsync());
        await Accessibility.AssertNoSeriousViolations(page, "Vandaag on a phone");
        await Screenshots.Save(page, "nurse-today-phone");
    }

    [Fact]
    public async Task A_tap_on_a_line_opens_the_stop_with_call_navigate_and_report_and_confirming_takes_her_to_the_next_visit()
    {
        var (_, visits) = await EightVisitsFor("anne-stop", "Buurtzorg Stop");
        var (johanna, johannaClient) = visits[0];
        var page = await SignedIn("anne-stop", PhoneWidth, PhoneHeight);
        await page.Locator("#round-list li", new() { HasText = "Johanna de Groot" }).GetByRole(AriaRole.Link).ClickAsync();

        var stop = page.Locator("#view-stop");
        await Expect(stop.GetByRole(AriaRole.Heading, new() { Name = "Johanna de Groot" })).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#bezoek/{johanna}"));
        await Expect(stop.GetByRole(AriaRole.Link, new() { Name = "Bel Johanna de Groot: 0302314567" })).ToHaveAttributeAsync("href", "tel:0302314567");
        await Expect(stop.GetByRole(AriaRole.Link, new() { Name = "Bel Kees de Groot, familie van Johanna de Groot: 06-12345678" })).ToHaveAttributeAsync("href", "tel:0612345678");
        await Expect(stop.GetByRole(AriaRole.Link, new() { Name = "Navigeren naar Twijnstraat 1, 3511 NK Utrecht" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^geo:52.0894,5.1196"));
        await Expect(stop.GetByRole(AriaRole.Link, new() { Name = "Twijnstraat 1, 3511 NK Utrecht op de kaart (OpenStreetMap)" }))
            .ToHaveAttributeAsync("href", "https://www.openstreetmap.org/?mlat=52.0894&mlon=5.1196#map=18/52.0894/5.1196");
        await Expect(stop.GetByRole(AriaRole.Link, new() { Name = "Rapportage bij Johanna de Groot" }))
            .ToHaveAttributeAsync("href", $"client.html?client={johannaClient}&visit={johanna}");
        await Expect(stop.GetByRole(AriaRole.Button, new() { Name = "Johanna de Groot eerder in de ronde" })).ToBeDisabledAsync();
        await Expect(stop.GetByLabel("Overdragen aan")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolations(page, "a stop on a phone");
        await Screenshots.Save(page, "nurse-stop-phone");

        await stop.GetByRole(AriaRole.Button, new() { Name = "Johanna de Groot: gedaan zoals gepland" }).ClickAsync();

        await Expect(page.Locator("#view-today")).ToBeVisibleAsync();
        await Expect(page.Locator($"#round-list [data-visit='{johanna}'] .line-status")).ToHaveTextAsync("gedaan");
        await Expect(page.Locator("#next-card .client-name")).ToHaveTextAsync("Gerrit Bakker");
        await Expect(page.Locator($"#round-list [data-visit='{johanna}'] a")).ToBeFocusedAsync();
        await Screenshots.Save(page, "nurse-today-phone-after-confirm");
    }

    [Fact]
    public async Task On_a_desktop_the_team_board_and_the_proposal_are_views_of_their_own_and_a_claim_lands_in_Vandaag()
    {
        var team = await Host.FoundTeam("Buurtzorg Bord");
        await Host.Hire(team, "Anne de Vries", "anne-bord");
        await Host.Hire(team, "Bram Jansen", "bram-bord");
        var anne = await Host.SignIn("anne-bord");
        var visit = await anne.Http.AddDailyVisit(team, (await anne.Http.AddClient(team, "Johanna de Groot", "Twijnstraat", "1")).Id);
        var page = await SignedIn("anne-bord", 1366, 900);
        await Expect(page.Locator("#round-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#view-board")).ToBeHiddenAsync();

        await page.Locator(".view-tabs").GetByRole(AriaRole.Link, new() { Name = "Teambord" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Teambord", Level = 2 })).ToBeFocusedAsync();
        await Expect(page.Locator(".view-tabs a[aria-current='page']")).ToHaveTextAsync("Teambord");
        await Expect(page.Locator($"#open-list [data-visit='{visit.Id}']")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolations(page, "team board on a desktop");
        await Screenshots.Save(page, "nurse-board-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Johanna de Groot om 08:00 oppakken" }).ClickAsync();
        await Expect(page.Locator($"#open-list [data-visit='{visit.Id}']")).ToHaveCountAsync(0);

        await page.Locator(".view-tabs").GetByRole(AriaRole.Link, new() { Name = "Voorstel" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Voorstel voor deze dag" })).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vraag een voorstel" }).ClickAsync();
        await Expect(page.Locator("#proposal-summary")).ToContainTextAsync("Voorstel: 1 bezoeken");
        await Accessibility.AssertNoSeriousViolations(page, "proposal on a desktop");
        await Screenshots.Save(page, "nurse-proposal-desktop");

        await page.Locator(".view-tabs").GetByRole(AriaRole.Link, new() { Name = "Vandaag" }).ClickAsync();
        await Expect(page.Locator("#next-card .client-name")).ToHaveTextAsync("Johanna de Groot");
        await Expect(page.Locator($"#round-list [data-visit='{visit.Id}'] .stop-time")).ToHaveTextAsync("08:00–08:30");
        await Accessibility.AssertNoSeriousViolations(page, "Vandaag on a desktop");
        await Screenshots.Save(page, "nurse-today-desktop");
    }

    [Fact]
    public async Task A_nurse_without_a_team_is_led_to_the_teams_page()
    {
        var mediator = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Mediator.IMediator>(Host.App.Services);
        var nurse = await mediator.Send(new Buurtzorg.Host.Nurses.RegisterNurse("Sara Koster", [Contracts.Nurses.Qualification.BasicCare], 24, 52.09, 5.12, []));
        await Host.OpenAccount("sara-zonder-team", Accounts.AccountRole.Nurse, nurse.Id);
        var page = await SignedIn("sara-zonder-team", PhoneWidth, PhoneHeight);

        await Expect(page.Locator("#no-team")).ToContainTextAsync("U hoort op dit moment bij geen team.");
        await Expect(page.Locator("#no-team").GetByRole(AriaRole.Link, new() { Name = "Naar de pagina Teams" })).ToHaveAttributeAsync("href", "index.html");
        await Expect(page.Locator("#day")).ToBeHiddenAsync();
        await Accessibility.AssertNoSeriousViolations(page, "nurse without a team");
        await Screenshots.Save(page, "nurse-without-team-phone");
    }

    /// <summary>Anne's day: eight visits in her round, the first client with a relative to call.</summary>
    private async Task<(Guid Team, List<(Guid Visit, Guid Client)> Visits)> EightVisitsFor(string userName, string teamName)
    {
        var team = await Host.FoundTeam(teamName);
        await Host.Hire(team, "Anne de Vries", userName);
        await Host.Hire(team, "Bram Jansen", $"bram-{userName}");
        var anne = await Host.SignIn(userName);
        var visits = new List<(Guid, Guid)>();
        for (var i = 0; i < Day.Length; i++)
        {
            var (name, street, from, to, minutes, what) = Day[i];
            var client = await anne.Http.AddClient(team, name, street, (i + 1).ToString(CultureInfo.InvariantCulture));
            if (i == 0)
            {
                (await anne.Http.PostAsJsonAsync($"/api/clients/{client.Id}/network", new { name = "Kees de Groot", relation = "Family", phone = "06-12345678" }, Json)).EnsureSuccessStatusCode();
            }

            var visit = await anne.Http.AddDailyVisit(team, client.Id, from, to, minutes, description: what);
            (await anne.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{visit.Id}/claim", new { }, Json)).EnsureSuccessStatusCode();
            visits.Add((visit.Id, client.Id));
        }

        return (team, visits);
    }

    private async Task<IPage> SignedIn(string userName, int width, int height)
    {
        var page = await browser.SignedIn(Host, userName, "nurse.html");
        await page.SetViewportSizeAsync(width, height);
        return page;
    }

    private static Task<int> PageHeight(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");

    private static string Line(string text, int height) => string.Create(CultureInfo.GetCultureInfo("nl-NL"),
        $"Vandaag, 8 bezoeken, {PhoneWidth} px, {text}: {height} px ({(double)height / PhoneHeight:0.00} schermen)");
}

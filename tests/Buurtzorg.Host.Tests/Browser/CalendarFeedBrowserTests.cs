using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Host.Calendar;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>
/// "Agenda-abonnement" on a nurse's phone (issue 19, item 8): she makes the link on her round's
/// page, copies it, and the link serves her round to a calendar app; a new link ends the old one
/// and withdrawing ends the new one.
/// </summary>
[Collection(ScreensCollection.Name)]
public sealed class CalendarFeedBrowserTests(BrowserFixture browser, SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_nurse_makes_her_calendar_link_on_her_phone_and_the_link_serves_her_round()
    {
        var team = await Host.FoundTeam("Buurtzorg Agenda");
        await Host.Hire(team, "Anne de Vries", "anne-agenda");
        var anne = await Host.SignIn("anne-agenda");
        var client = await anne.Http.AddClient(team, "Johanna de Groot", "Twijnstraat", "1");
        var visit = await anne.Http.AddDailyVisit(team, client.Id, "08:00", "08:30", 20);
        (await anne.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{visit.Id}/claim", new { }, Json)).EnsureSuccessStatusCode();

        var page = await browser.SignedIn(Host, "anne-agenda", "nurse.html");
        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var section = page.Locator("#round-feed");
        // Folded below her round until she opens it.
        await Expect(section.GetByRole(AriaRole.Button, new() { Name = "Link maken" })).ToBeHiddenAsync();
        await section.Locator("summary", new() { HasText = "Agenda-abonnement" }).ClickAsync();
        await Expect(section).ToContainTextAsync("Er is nog geen link.");

        await section.GetByRole(AriaRole.Button, new() { Name = "Link maken" }).ClickAsync();

        var field = section.GetByLabel("Link voor uw agenda-app");
        await Expect(field).ToBeFocusedAsync();
        var url = await field.InputValueAsync();
        Assert.StartsWith(new Uri(Host.Address, "/api/calendar/").ToString(), url, StringComparison.Ordinal);
        await section.GetByRole(AriaRole.Button, new() { Name = "Kopiëren" }).ClickAsync();
        Assert.Equal(url, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= PhoneWidth, "the link makes the page wider than the phone");
        var box = (await field.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= PhoneWidth, $"the link's field is at {box.X}+{box.Width}, beyond the screen");
        await Accessibility.AssertNoSeriousViolations(page, "the calendar link on a phone");
        await Screenshots.Save(page, "nurse-calendar-link-phone");

        using var app = new HttpClient();
        using (var served = await app.GetAsync(new Uri(url)))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(FeedCalendar.ContentType, served.Content.Headers.ContentType?.ToString());
            var feed = Ical.Net.Calendar.Load(await served.Content.ReadAsStringAsync())!;
            var only = Assert.Single(feed.Events);
            Assert.Equal("Bezoek Johanna", only.Summary);
            Assert.Equal(Today.ToDateTime(new TimeOnly(8, 0)), only.Start!.Value);
        }

        await section.GetByRole(AriaRole.Button, new() { Name = "Nieuwe link" }).ClickAsync();
        await Expect(field).Not.ToHaveValueAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync(new Uri(url))).StatusCode);
        var renewed = await field.InputValueAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync(new Uri(renewed))).StatusCode);

        await section.GetByRole(AriaRole.Button, new() { Name = "Intrekken" }).ClickAsync();
        await Expect(section).ToContainTextAsync("Er is nog geen link.");
        await Expect(field).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync(new Uri(renewed))).StatusCode);
    }
}

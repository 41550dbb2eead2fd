using System.Net.Http.Json;
using Buurtzorg.Host.Tests.Infrastructure;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>SignalR does not deliver what was sent while a browser was away: the page must catch up by itself, still signed in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconnectBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_browser_that_lost_its_host_catches_up_with_what_changed_while_it_was_away()
    {
        using var file = new TempSqliteFile();
        var first = await TestHost.StartSecureOnSqlite(file.Path);
        var team = await first.FoundTeam("Buurtzorg Overvecht");
        var anne = await first.Hire(team, "Anne de Vries", "anne");
        await first.Hire(team, "Bram Jansen", "bram");
        var asAnne = await first.SignIn("anne");
        var visit = await asAnne.Http.AddDailyVisit(team, (await asAnne.Http.AddClient(team, "Johanna de Groot")).Id);
        var page = await browser.SignedIn(first, "bram", "nurse.html");
        await NursePage.OpenBoard(page);
        await Expect(page.Locator($"#open-list [data-visit='{visit.Id}']")).ToBeVisibleAsync();

        // The host goes; the browser is kept off the network until the change below is made, so
        // no event can possibly reach it.
        await first.DisposeAsync();
        await Expect(page.Locator("#connection")).Not.ToHaveAttributeAsync("data-state", "live");
        await page.Context.SetOfflineAsync(true);
        await using var second = await TestHost.StartSecureOnSqliteAt(file.Path, first.Address);
        var anneAgain = await second.SignIn("anne");
        (await anneAgain.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{visit.Id}/claim", new { }, Json)).EnsureSuccessStatusCode();
        await page.Context.SetOfflineAsync(false);

        // Its session outlives the host: the key ring that protects the cookie is in the database.
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        await Expect(page.Locator($"#taken-list [data-visit='{visit.Id}'] .nurse-names")).ToHaveTextAsync("Anne de Vries");
        await Expect(page.Locator($"#open-list [data-visit='{visit.Id}']")).ToHaveCountAsync(0);
        await Screenshots.Save(page, "nurse-after-reconnect");
    }
}

using System.Net.Http.Json;
using Buurtzorg.Host.Tests.Infrastructure;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>SignalR does not deliver what was sent while a browser was away: the page must catch up by itself.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconnectBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_browser_that_lost_its_host_catches_up_with_what_changed_while_it_was_away()
    {
        using var file = new TempSqliteFile();
        var first = await TestHost.StartOnSqlite(file.Path);
        var team = await first.CreateTeam("Buurtzorg Overvecht");
        var anne = await first.AddWorkingNurse(team.Id, "Anne de Vries");
        var bram = await first.AddWorkingNurse(team.Id, "Bram Jansen");
        var visit = await first.AddDailyVisit(team.Id, (await first.AddClient(team.Id, "Johanna de Groot")).Id);
        var page = await browser.NewPage(first.Address);
        await page.GotoAsync($"nurse.html?team={team.Id}&nurse={bram.Id}");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        await Expect(page.Locator($"#open-list [data-visit='{visit.Id}']")).ToBeVisibleAsync();

        // The host goes; the browser is kept off the network until the change below is made, so
        // no event can possibly reach it.
        await first.DisposeAsync();
        await Expect(page.Locator("#connection")).Not.ToHaveAttributeAsync("data-state", "live");
        await page.Context.SetOfflineAsync(true);
        await using var second = await TestHost.StartOnSqliteAt(file.Path, first.Address);
        (await second.Http.PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visit.Id}/claim", new { nurseId = anne.Id }, Json)).EnsureSuccessStatusCode();
        await page.Context.SetOfflineAsync(false);

        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        await Expect(page.Locator($"#taken-list [data-visit='{visit.Id}'] .nurse-names")).ToHaveTextAsync("Anne de Vries");
        await Expect(page.Locator($"#open-list [data-visit='{visit.Id}']")).ToHaveCountAsync(0);
        await Screenshots.Save(page, "nurse-after-reconnect");
    }
}

using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Tests.Browser;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Scenarios;

/// <summary>
/// A team of twelve takes in a thirteenth nurse and divides while two of its nurses have their
/// round open on their phones: each page moves to the half its nurse went with, without a
/// reload, and says in Dutch what happened; neither shows a refusal.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DivisionFollowedByOpenPagesTests(BrowserFixture browser, SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task Both_nurses_round_pages_follow_a_division_to_their_own_new_team_without_a_reload()
    {
        var team = await Host.FoundTeam("Buurtzorg Oog in Al");
        var nurses = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            nurses.Add(await Host.Hire(team, $"Verpleegkundige {i + 1:00}", $"oog-{i + 1:00}"));
        }

        var elsewhere = await Host.FoundTeam("Buurtzorg Lombok West");
        var newcomer = await Host.Hire(elsewhere, "Noor Visser", "noor-oog");
        var first = await Host.SignIn("oog-01");
        await first.Http.AddDailyVisit(team, (await first.Http.AddClient(team, "Johanna de Groot")).Id);

        var pages = new List<IPage>();
        foreach (var user in new[] { "oog-01", "oog-12" })
        {
            var page = await browser.SignedIn(Host, user, "nurse.html");
            await Expect(page.Locator("#team-select option:checked")).ToHaveTextAsync("Buurtzorg Oog in Al");
            await page.EvaluateAsync("() => { window.notReloaded = true; }");
            pages.Add(page);
        }

        var noor = await Host.SignIn("noor-oog");
        Assert.Equal(HttpStatusCode.OK, (await noor.Http.PostAsJsonAsync($"/api/teams/{team}/join-requests", new { message = "Ik kom het team versterken." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.Http.PostAsync($"/api/teams/{team}/join-requests/{newcomer}/accept", null)).StatusCode);
        var divided = (await Host.Http.GetAsync($"/api/teams/{team}")).StatusCode;
        Assert.Equal(HttpStatusCode.Unauthorized, divided);

        for (var i = 0; i < pages.Count; i++)
        {
            var nurseId = nurses[i == 0 ? 0 : 11];
            var session = await Host.SignIn(i == 0 ? "oog-01" : "oog-12");
            var record = (await session.Http.GetFromJsonAsync<NurseRecord>($"/api/nurses/{nurseId}", Json))!;
            var half = (await session.Http.GetFromJsonAsync<TeamSnapshot>($"/api/teams/{record.TeamId}", Json))!;
            Assert.Equal(team, half.ParentTeamId);

            var page = pages[i];
            await Expect(page.Locator("#team-select option:checked")).ToHaveTextAsync(half.Name);
            await Expect(page.Locator("#team-note")).ToContainTextAsync("Uw team is gesplitst in twee kleinere teams");
            await Expect(page.Locator("#team-note")).ToContainTextAsync(half.Name);
            await Expect(page.Locator("#who-problem")).ToBeEmptyAsync();
            await Expect(page.Locator("#board-problem")).ToBeEmptyAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
            await Accessibility.AssertNoSeriousViolations(page, $"nurse page after a division ({i})");
            await Screenshots.Save(page, $"division-followed-{i}");
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Clients;
using Buurtzorg.Host.Tests.Browser;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Scenarios;

/// <summary>
/// A team of twelve takes in a thirteenth nurse and divides while two of its nurses have their
/// round open on their phones, and one of them has two clients' pages open: each page moves to
/// the half its nurse went with, without a reload, and says in Dutch what happened; a client
/// page says whether the client came along or went to the other team; none shows a refusal.
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
        var clients = new[] { "Johanna de Groot", "Pieter Bos" };
        var clientIds = new List<Guid>();
        foreach (var name in clients)
        {
            var client = await first.Http.AddClient(team, name);
            await first.Http.AddDailyVisit(team, client.Id);
            clientIds.Add(client.Id);
        }

        var pages = new List<IPage>();
        foreach (var user in new[] { "oog-01", "oog-12" })
        {
            var page = await browser.SignedIn(Host, user, "nurse.html");
            await Expect(page.Locator("#team-name")).ToHaveTextAsync("Buurtzorg Oog in Al");
            await page.EvaluateAsync("() => { window.notReloaded = true; }");
            pages.Add(page);
        }

        var clientPages = new List<IPage>();
        foreach (var clientId in clientIds)
        {
            var page = await browser.SignedIn(Host, "oog-01", $"client.html?client={clientId}");
            await Expect(page.Locator("#client")).ToBeVisibleAsync();
            await page.EvaluateAsync("() => { window.notReloaded = true; }");
            clientPages.Add(page);
        }

        // A nurse who opened the client page and has not chosen a client yet.
        var unchosen = await browser.SignedIn(Host, "oog-12", "client.html");
        await Expect(unchosen.Locator("#team-select option:checked")).ToHaveTextAsync("Buurtzorg Oog in Al");

        var noor = await Host.SignIn("noor-oog");
        Assert.Equal(HttpStatusCode.OK, (await noor.Http.PostAsJsonAsync($"/api/teams/{team}/join-requests", new { message = "Ik kom het team versterken." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.Http.PostAsync($"/api/teams/{team}/join-requests/{newcomer}/accept", null)).StatusCode);
        var divided = (await Host.Http.GetAsync($"/api/teams/{team}")).StatusCode;
        Assert.Equal(HttpStatusCode.Unauthorized, divided);

        for (var i = 0; i < pages.Count; i++)
        {
            var nurseId = nurses[i == 0 ? 0 : 11];
            var session = i == 0 ? first : await Host.SignIn("oog-12");
            var record = (await session.Http.GetFromJsonAsync<NurseRecord>($"/api/nurses/{nurseId}", Json))!;
            var half = (await session.Http.GetFromJsonAsync<TeamSnapshot>($"/api/teams/{record.TeamId}", Json))!;
            Assert.Equal(team, half.ParentTeamId);

            var page = pages[i];
            await Expect(page.Locator("#team-name")).ToHaveTextAsync(half.Name);
            await Expect(page.Locator("#team-note")).ToContainTextAsync("Uw team is gesplitst in twee kleinere teams");
            await Expect(page.Locator("#team-note")).ToContainTextAsync(half.Name);
            await Expect(page.Locator("#who-problem")).ToBeEmptyAsync();
            await Expect(page.Locator("#board-problem")).ToBeEmptyAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
            await Accessibility.AssertNoSeriousViolations(page, $"nurse page after a division ({i})");
            await Screenshots.Save(page, $"division-followed-{i}");
        }

        // Both halves can work, so the two clients, each needing a daily visit, went apart.
        var own = first;
        var ownTeam = (await own.Http.GetFromJsonAsync<NurseRecord>($"/api/nurses/{nurses[0]}", Json))!.TeamId!.Value;
        var ownHalf = (await own.Http.GetFromJsonAsync<TeamSnapshot>($"/api/teams/{ownTeam}", Json))!;
        var ownClients = (await own.Http.GetFromJsonAsync<List<TeamClient>>($"/api/teams/{ownTeam}/clients", Json))!.Select(c => c.Id).ToHashSet();
        Assert.Single(clientIds, ownClients.Contains);

        for (var i = 0; i < clientPages.Count; i++)
        {
            var page = clientPages[i];
            var kept = ownClients.Contains(clientIds[i]);
            await Expect(page.Locator("#team-select option:checked")).ToHaveTextAsync(ownHalf.Name);
            await Expect(page.Locator("#team-note")).ToContainTextAsync(kept
                ? $"U en {clients[i]} horen nu bij {ownHalf.Name}"
                : $"{clients[i]} hoort nu bij het andere team");
            if (kept)
            {
                await Expect(page.Locator("#client")).ToBeVisibleAsync();
                await Expect(page.Locator("#client-select option:checked")).ToHaveTextAsync(clients[i]);
            }
            else
            {
                await Expect(page.Locator("#client")).ToBeHiddenAsync();
            }

            await Expect(page.Locator("#who-problem")).ToBeEmptyAsync();
            await Expect(page.Locator("#visits-problem")).ToBeEmptyAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
            await Accessibility.AssertNoSeriousViolations(page, $"client page after a division ({(kept ? "kept" : "gone")})");
            await Screenshots.Save(page, $"division-followed-client-{(kept ? "kept" : "gone")}");
        }

        var twelfthNurse = await Host.SignIn("oog-12");
        var twelfth = (await twelfthNurse.Http.GetFromJsonAsync<NurseRecord>($"/api/nurses/{nurses[11]}", Json))!.TeamId!.Value;
        var twelfthHalf = (await twelfthNurse.Http.GetFromJsonAsync<TeamSnapshot>($"/api/teams/{twelfth}", Json))!;
        await Expect(unchosen.Locator("#team-select option:checked")).ToHaveTextAsync(twelfthHalf.Name);
        await Expect(unchosen.Locator("#team-note")).ToHaveTextAsync($"Uw team is gesplitst in twee kleinere teams. U hoort nu bij {twelfthHalf.Name}.");
        await Expect(unchosen.Locator("#who-problem")).ToBeEmptyAsync();
    }
}

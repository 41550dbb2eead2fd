using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>
/// The thin web client in a real headless Chromium against the real host with its real access
/// policy: nurses, a client, a family member and central staff each sign in on the sign-in page
/// (with their authenticator code where the role needs one); each page is checked with axe-core
/// and saved as a screenshot.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebClientBrowserTests(BrowserFixture browser, SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task Nurse_A_takes_a_visit_and_nurse_Bs_board_shows_it_without_a_reload()
    {
        var team = await Host.FoundTeam("Buurtzorg Lombok");
        await Host.Hire(team, "Anne de Vries", "anne-lombok");
        await Host.Hire(team, "Bram Jansen", "bram-lombok");
        var anne = await Host.SignIn("anne-lombok");
        var visit = await anne.Http.AddDailyVisit(team, (await anne.Http.AddClient(team, "Johanna de Groot")).Id);
        var pageA = await SignedIn("anne-lombok", "nurse.html");
        var pageB = await SignedIn("bram-lombok", "nurse.html");
        await NursePage.OpenBoard(pageA);
        await NursePage.OpenBoard(pageB);
        await Expect(pageB.Locator($"#open-list [data-visit='{visit.Id}']")).ToBeVisibleAsync();
        await pageB.EvaluateAsync("() => { window.notReloaded = true; }");

        await pageA.GetByRole(AriaRole.Button, new() { Name = "Johanna de Groot om 08:00 oppakken" }).ClickAsync();

        await Expect(pageA.Locator($"#round-list [data-visit='{visit.Id}'] .stop-time")).ToHaveTextAsync("08:00–08:30");
        await Expect(pageB.Locator($"#taken-list [data-visit='{visit.Id}'] .nurse-names")).ToHaveTextAsync("Anne de Vries");
        await Expect(pageB.Locator($"#open-list [data-visit='{visit.Id}']")).ToHaveCountAsync(0);
        Assert.True(await pageB.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await NursePage.OpenToday(pageA);
        await Expect(pageA.Locator($"#next-card [data-visit='{visit.Id}'] .client-name")).ToHaveTextAsync("Johanna de Groot");
        await Expect(pageA.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await Expect(pageA.Locator(".site-nav a:visible")).ToHaveTextAsync(["Mijn ronde", "Cliënt en familie", "Ons team", "Mijn beschikbaarheid", "Nieuwe cliënt", "Teams", "Open plekken", "Kennisnetwerk", "Centraal bureau"]);
        await Accessibility.AssertNoSeriousViolations(pageA, "nurse round");
        await Screenshots.Save(pageA, "nurse-round");
        await Screenshots.Save(pageB, "nurse-team-board");
    }

    [Fact]
    public async Task A_claim_whose_answer_was_lost_is_sent_again_with_the_same_key_and_taken_once()
    {
        var team = await Host.FoundTeam("Buurtzorg Ondiep");
        await Host.Hire(team, "Anne de Vries", "anne-ondiep");
        var anne = await Host.SignIn("anne-ondiep");
        var visit = await anne.Http.AddDailyVisit(team, (await anne.Http.AddClient(team, "Johanna de Groot")).Id);
        var before = (await anne.Http.GetFromJsonAsync<Contracts.Visits.ScheduleView>($"/api/teams/{team}/visits?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", Json))!.Version;
        var page = await SignedIn("anne-ondiep", "nurse.html");
        var keys = new List<string?>();
        var resent = new TaskCompletionSource();
        // The first claim reaches the server and is applied, but its answer is lost on the way
        // back (a host dying mid-answer); the page must send the same action again.
        await page.RouteAsync("**/claim", async route =>
        {
            keys.Add(await route.Request.HeaderValueAsync("idempotency-key"));
            if (keys.Count == 1)
            {
                await route.FetchAsync();
                await route.FulfillAsync(new() { Status = 503, Headers = new Dictionary<string, string> { ["Retry-After"] = "0" }, Body = "" });
                return;
            }

            await route.ContinueAsync();
            resent.TrySetResult();
        });

        await NursePage.OpenBoard(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Johanna de Groot om 08:00 oppakken" }).ClickAsync();

        // The first attempt was applied, so its event may show the visit before the page resends.
        await resent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Expect(page.Locator($"#round-list [data-visit='{visit.Id}'] .stop-time")).ToHaveTextAsync("08:00–08:30");
        Assert.Equal(2, keys.Count);
        Assert.False(string.IsNullOrEmpty(keys[0]));
        Assert.Equal(keys[0], keys[1]);
        var after = (await anne.Http.GetFromJsonAsync<Contracts.Visits.ScheduleView>($"/api/teams/{team}/visits?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", Json))!.Version;
        Assert.Equal(before + 1, after);
    }

    [Fact]
    public async Task A_nurse_asks_for_a_proposal_sees_it_beside_the_current_rounds_and_the_team_takes_it_but_never_over_a_newer_schedule()
    {
        var teamId = await Host.FoundTeam("Buurtzorg Kanaleneiland");
        await Host.Hire(teamId, "Anne de Vries", "anne-kanaleneiland");
        var bramId = await Host.Hire(teamId, "Bram Jansen", "bram-kanaleneiland");
        var bram = new { Id = bramId };
        var team = new { Id = teamId };
        var anne = await Host.SignIn("anne-kanaleneiland");
        var visits = new List<Guid>();
        foreach (var (name, street) in new[] { ("Johanna de Groot", "Twijnstraat"), ("Gerrit Bakker", "Jutfaseweg"), ("Truus Visser", "Vondellaan") })
        {
            visits.Add((await anne.Http.AddDailyVisit(teamId, (await anne.Http.AddClient(teamId, name, street, "4")).Id)).Id);
        }

        var page = await SignedIn("anne-kanaleneiland", "nurse.html");
        await NursePage.OpenProposal(page);
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
        var taken = await anne.Http.GetFromJsonAsync<Contracts.Visits.ScheduleView>($"/api/teams/{team.Id}/visits?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", Json);
        Assert.All(taken!.Visits, v => Assert.Single(v.AssignedNurses));

        // A fresh proposal, then a colleague gives a visit back before the team accepts.
        await page.GetByRole(AriaRole.Button, new() { Name = "Vraag een voorstel" }).ClickAsync();
        await Expect(page.Locator("#proposal")).ToBeVisibleAsync();
        // Whoever holds it gives it back herself: nobody releases a visit in a colleague's name.
        var holder = taken.Visits.First(v => v.Id == visits[0]).AssignedNurses[0];
        var holderSession = holder == bramId ? await Host.SignIn("bram-kanaleneiland") : anne;
        (await holderSession.Http.PostAsJsonAsync($"/api/teams/{team.Id}/visits/{visits[0]}/release", new { }, Json)).EnsureSuccessStatusCode();
        await page.GetByRole(AriaRole.Button, new() { Name = "Alles overnemen" }).ClickAsync();

        await Expect(page.Locator("#proposal-problem")).ToContainTextAsync("De planning is veranderd sinds dit voorstel.");
        var after = await anne.Http.GetFromJsonAsync<Contracts.Visits.ScheduleView>($"/api/teams/{team.Id}/visits?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", Json);
        Assert.Empty(after!.Visits.Single(v => v.Id == visits[0]).AssignedNurses);
    }

    [Fact]
    public async Task A_visit_the_proposal_cannot_fit_is_said_beside_the_nurse_who_keeps_it_and_taking_the_proposal_leaves_it_hers()
    {
        // Three 90-minute visits from 08:00 do not fit Anne's morning; Bram's hour ends before any could.
        var teamId = await Host.FoundTeam("Buurtzorg Dichterswijk");
        var anneId = await Host.Hire(teamId, "Anne de Vries", "anne-dichterswijk", to: "12:00");
        await Host.Hire(teamId, "Bram Jansen", "bram-dichterswijk", to: "08:00");
        var anne = await Host.SignIn("anne-dichterswijk");
        var hers = new List<Guid>();
        foreach (var (name, street) in new[] { ("Johanna de Groot", "Twijnstraat"), ("Gerrit Bakker", "Jutfaseweg"), ("Truus Visser", "Vondellaan") })
        {
            var visit = await anne.Http.AddDailyVisit(teamId, (await anne.Http.AddClient(teamId, name, street, "6")).Id, minutes: 90);
            (await anne.Http.PostAsJsonAsync($"/api/teams/{teamId}/visits/{visit.Id}/claim", new { nurseId = anneId }, Json)).EnsureSuccessStatusCode();
            hers.Add(visit.Id);
        }

        var page = await SignedIn("anne-dichterswijk", "nurse.html");
        await NursePage.OpenProposal(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Vraag een voorstel" }).ClickAsync();

        var kept = page.Locator($"#proposal-rounds .proposed-round[data-nurse='{anneId}'] .kept-visits li");
        await Expect(kept).ToHaveCountAsync(1);
        await Expect(kept).ToContainTextAsync("Niet in te passen:");
        await Expect(kept).ToContainTextAsync("blijft bij Anne de Vries. De ronde van Anne de Vries is al vol");
        await Accessibility.AssertNoSeriousViolations(page, "nurse with a visit the proposal keeps with her");
        await Screenshots.Save(page, "nurse-proposal-kept");

        await page.GetByRole(AriaRole.Button, new() { Name = "Alles overnemen" }).ClickAsync();
        await Expect(page.Locator("#proposal")).ToBeHiddenAsync();
        var after = await anne.Http.GetFromJsonAsync<Contracts.Visits.ScheduleView>($"/api/teams/{teamId}/visits?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}", Json);
        Assert.All(after!.Visits, v => Assert.Equal([anneId], v.AssignedNurses));
    }

    [Fact]
    public async Task The_family_page_shows_who_is_coming_and_changes_when_the_nurse_changes_and_the_client_sees_who_looked()
    {
        var team = await Host.FoundTeam("Buurtzorg Wittevrouwen");
        await Host.Hire(team, "Anne de Vries", "anne-wittevrouwen");
        var bramId = await Host.Hire(team, "Bram Jansen", "bram-wittevrouwen");
        var anne = await Host.SignIn("anne-wittevrouwen");
        var client = await anne.Http.AddClient(team, "Gerrit Bakker");
        var visit = await anne.Http.AddDailyVisit(team, client.Id);
        var added = await anne.Http.PostAsJsonAsync($"/api/clients/{client.Id}/network", new { name = "Ria Bakker", relation = "Family" }, Json);
        var ria = (await added.Content.ReadFromJsonAsync<Contracts.Clients.ClientRecord>(Json))!.Network.Single().Id;
        (await anne.Http.PutAsJsonAsync($"/api/clients/{client.Id}/network/{ria}/access", new { access = "CarePlan" }, Json)).EnsureSuccessStatusCode();
        await Host.Link(await Host.OpenAccount("ria-bakker", Accounts.AccountRole.Family), client.Id, ria);
        await Host.OpenAccount("gerrit-bakker", Accounts.AccountRole.Client, client.Id);

        var page = await SignedIn("ria-bakker", "client.html");
        var who = page.Locator($"#visit-days [data-visit='{visit.Id}'] .who");
        await Expect(who).ToHaveTextAsync("Nog niet bekend wie komt");
        await Expect(page.Locator("#plan-problems h3")).ToHaveTextAsync("Medicatie");
        await Expect(page.Locator("#access-log")).ToBeHiddenAsync();

        (await anne.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{visit.Id}/claim", new { }, Json)).EnsureSuccessStatusCode();
        await Expect(who).ToHaveTextAsync("Anne komt");
        (await anne.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{visit.Id}/handover", new { toNurseId = bramId }, Json)).EnsureSuccessStatusCode();
        await Expect(who).ToHaveTextAsync("Bram komt");
        await Accessibility.AssertNoSeriousViolations(page, "client and family");
        await Screenshots.Save(page, "client-and-family");

        var own = await SignedIn("gerrit-bakker", "client.html");
        // A client's menu offers only the client's own pages.
        await Expect(own.Locator(".site-nav a:visible")).ToHaveTextAsync(["Cliënt en familie", "Netwerk"]);
        // A day at a time: each other person once, a first look marked new, her own looks a count.
        var relative = own.Locator("#log-days li", new() { HasText = "ria-bakker (uw netwerk)" });
        await Expect(relative).ToHaveCountAsync(1);
        await Expect(relative).ToContainTextAsync("zorgplan");
        await Expect(relative.Locator(".log-new")).ToHaveTextAsync("Nieuw");
        await Expect(own.Locator("#log-days")).ToContainTextAsync("anne-wittevrouwen (wijkverpleegkundige)");
        await Expect(own.Locator("#log-days li.log-own")).ToContainTextAsync("U zelf");
        await Accessibility.AssertNoSeriousViolations(own, "client with access log");
        await Screenshots.Save(own, "client-access-log");

        // The client takes the care plan away from Ria; her open page can no longer read it.
        await own.GetByLabel("Ria Bakker (familie)").SelectOptionAsync("Agenda");
        await Expect(own.Locator("#announcer")).ToHaveTextAsync("Ria Bakker ziet nu: De agenda.");
        await page.ReloadAsync();
        await Expect(page.Locator("#plan-heading")).ToBeHiddenAsync();
        await Expect(who).ToHaveTextAsync("Bram komt");
    }

    [Fact]
    public async Task The_relatives_open_page_follows_the_client_lowering_her_access_to_the_agenda_and_then_to_nothing_in_Dutch()
    {
        var team = await Host.FoundTeam("Buurtzorg Tuindorp");
        await Host.Hire(team, "Anne de Vries", "anne-tuindorp");
        var anne = await Host.SignIn("anne-tuindorp");
        var client = await anne.Http.AddClient(team, "Gerrit Bakker");
        var visit = await anne.Http.AddDailyVisit(team, client.Id);
        var added = await anne.Http.PostAsJsonAsync($"/api/clients/{client.Id}/network", new { name = "Ria Bakker", relation = "Family" }, Json);
        var ria = (await added.Content.ReadFromJsonAsync<Contracts.Clients.ClientRecord>(Json))!.Network.Single().Id;
        (await anne.Http.PutAsJsonAsync($"/api/clients/{client.Id}/network/{ria}/access", new { access = "CarePlan" }, Json)).EnsureSuccessStatusCode();
        await Host.Link(await Host.OpenAccount("ria-tuindorp", Accounts.AccountRole.Family), client.Id, ria);
        await Host.OpenAccount("gerrit-tuindorp", Accounts.AccountRole.Client, client.Id);
        var page = await SignedIn("ria-tuindorp", "client.html");
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var who = page.Locator($"#visit-days [data-visit='{visit.Id}'] .who");
        await Expect(page.Locator("#plan-problems h3")).ToHaveTextAsync("Medicatie");
        await Expect(who).ToHaveTextAsync("Nog niet bekend wie komt");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        var own = await SignedIn("gerrit-tuindorp", "client.html");

        await own.GetByLabel("Ria Bakker (familie)").SelectOptionAsync("Agenda");

        await Expect(page.Locator("#plan-heading")).ToBeHiddenAsync();
        await Expect(page.Locator("#access-notice")).ToHaveTextAsync("Gerrit Bakker heeft uw toegang aangepast; u ziet nu alleen wie wanneer komt.");
        await Expect(who).ToHaveTextAsync("Nog niet bekend wie komt");
        await Accessibility.AssertNoSeriousViolations(page, "family page after access lowered");

        await own.GetByLabel("Ria Bakker (familie)").SelectOptionAsync("None");

        await Expect(page.Locator("#access-notice")).ToHaveTextAsync("U heeft geen toegang meer tot de gegevens van Gerrit Bakker.");
        await Expect(page.Locator("#visits-heading")).ToBeHiddenAsync();
        await Expect(page.Locator("#plan-heading")).ToBeHiddenAsync();
        await Expect(page.Locator("#visits-problem")).ToBeEmptyAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        Assert.Empty(errors);
        await Screenshots.Save(page, "family-access-ended");
    }

    [Fact]
    public async Task The_central_page_counts_contract_hours_as_supply_and_shows_coverage_per_part_of_the_day_follow_availability()
    {
        var teamId = await Host.FoundTeam("Buurtzorg Zuilen");
        var team = new { Id = teamId };
        var anneId = await Host.Hire(teamId, "Anne de Vries", "anne-zuilen", from: "08:00", to: "16:00");
        var anne = await Host.SignIn("anne-zuilen");
        await Host.OpenAccount("centraal-zuilen", Accounts.AccountRole.Central);
        var region = (await EventuallyExtensions.Eventually(
            async () => await anne.Http.GetFromJsonAsync<CapacityOverview>("/api/capacity", Json),
            o => o!.Teams.Any(t => t.TeamId == team.Id)))!.Teams.Single(t => t.TeamId == team.Id).Region;
        var page = await SignedIn("centraal-zuilen", $"central.html?region={Uri.EscapeDataString(region)}");
        // Her contract is 28 hours; available 08:00-16:00 all week (56 hours), she works 28 of
        // them: 14 in the mornings, of which 60 % (8) is time for clients.
        var supply = page.Locator($"#teams-table tr[data-team='{team.Id}'] td").Nth(1);
        var morning = page.Locator($"#coverage-table tr[data-team='{team.Id}'] td").Nth(0);
        await Expect(supply).ToHaveTextAsync("28");
        await Expect(morning).ToHaveTextAsync("0 / 8");

        var changed = await anne.Http.PutAsJsonAsync($"/api/nurses/{anneId}/availability",
            new { weeklyAvailability = new[] { new { day = "Monday", from = "08:00", to = "12:00" } } }, Json);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        // Narrower availability is not fewer contract hours: supply stays, the mornings shrink.
        await Expect(morning).ToHaveTextAsync("0 / 2");
        await Expect(supply).ToHaveTextAsync("28");
        await Expect(page.Locator("#chart svg")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolations(page, "central office");
        await Screenshots.Save(page, "central-office");
    }

    [Fact]
    public async Task The_teams_page_opens_in_Dutch_founds_a_team_and_passes_the_accessibility_check()
    {
        // A nurse new to the organisation, not yet in a team, founds one and is its first member.
        var mediator = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Mediator.IMediator>(Host.App.Services);
        var founder = await mediator.Send(new Buurtzorg.Host.Nurses.RegisterNurse("Fenna Dijkstra", [Contracts.Nurses.Qualification.BasicCare], 24, 52.09, 5.12, []));
        await Host.OpenAccount("fenna", Accounts.AccountRole.Nurse, founder.Id);
        var page = await SignedIn("fenna", "/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");

        await page.GetByLabel("Teamnaam").FillAsync("Buurtzorg Vathorst");
        await page.GetByRole(AriaRole.Button, new() { Name = "Oprichten" }).ClickAsync();

        // Other tests of this class found teams on the same host: look for this one by name.
        await Expect(page.Locator("#team-list").GetByRole(AriaRole.Button, new() { Name = "Buurtzorg Vathorst", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("#team-heading")).ToHaveTextAsync("Buurtzorg Vathorst");
        await Accessibility.AssertNoSeriousViolations(page, "teams");
        await Screenshots.Save(page, "teams");
    }

    private Task<IPage> SignedIn(string userName, string path) => browser.SignedIn(Host, userName, path);
}

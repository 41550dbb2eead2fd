using System.Net.Http.Json;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>
/// The care-plan screen in a real Chromium: a nurse of the client's team writes an Omaha problem
/// with interventions for the team and for the client's network, rates it and sees the ratings as
/// a chart; a stale edit from a second browser is refused as the 409 it is, with the newer plan
/// shown and the nurse's own input kept; Omaha names in Dutch, English after the switch; nobody
/// outside the team writes.
/// </summary>
[Collection(ScreensCollection.Name)]
public sealed class CarePlanBrowserTests(BrowserFixture browser, SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_nurse_writes_a_problem_with_interventions_rates_it_twice_and_sees_the_chart_in_Dutch_and_in_English()
    {
        var team = await Host.FoundTeam("Buurtzorg Oog in Al");
        await Host.Hire(team, "Anne de Vries", "anne-ooginal");
        var anne = await Host.SignIn("anne-ooginal");
        var client = await anne.Http.AddClient(team, "Gerrit Bakker");
        (await anne.Http.PostAsJsonAsync($"/api/clients/{client.Id}/network", new { name = "Ria Bakker", relation = "Family" }, Json)).EnsureSuccessStatusCode();

        // From the client's page, the nurse follows the one link to writing the plan.
        var page = await browser.SignedIn(Host, "anne-ooginal", $"client.html?team={team}&client={client.Id}");
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GetByRole(AriaRole.Link, new() { Name = "Zorgplan schrijven" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"careplan\\.html\\?client={client.Id}"));
        await Expect(page.Locator("#plan-title")).ToHaveTextAsync("Zorgplan van Gerrit Bakker");
        await Expect(page.Locator("#no-problems")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Aandachtsgebied toevoegen" }).ClickAsync();
        await page.GetByLabel("Aandachtsgebied", new() { Exact = true }).SelectOptionAsync("27");
        await Expect(page.Locator("#problem-domain")).ToHaveTextAsync("Domein: Fysiologisch domein");
        await page.GetByLabel("Voor wie").SelectOptionAsync("Individual");
        await page.GetByLabel("Ernst").SelectOptionAsync("Actual");
        await page.GetByLabel("Signalen en symptomen (één per regel)").FillAsync("oedeem\npijn in de benen bij lopen");

        var first = page.Locator(".intervention-editor").Nth(0);
        await first.GetByLabel("Soort actie").SelectOptionAsync("TreatmentsAndProcedures");
        await first.GetByLabel("Actievlak").SelectOptionAsync("18");
        await first.GetByLabel("Wat er gebeurt").FillAsync("Steunkousen aantrekken");
        await first.GetByLabel("Vanaf").FillAsync("07:30");
        await first.GetByLabel("Uiterlijk tot").FillAsync("09:30");
        await first.GetByLabel("Duur (minuten)").FillAsync("15");
        await first.GetByLabel("Deskundigheid").SelectOptionAsync("BasicCare");

        await page.GetByRole(AriaRole.Button, new() { Name = "Actie toevoegen" }).ClickAsync();
        var second = page.Locator(".intervention-editor").Nth(1);
        await second.GetByLabel("Soort actie").SelectOptionAsync("TreatmentsAndProcedures");
        await second.GetByLabel("Actievlak").SelectOptionAsync("18");
        await second.GetByLabel("Wat er gebeurt").FillAsync("Steunkousen uittrekken");
        await second.GetByLabel("Vanaf").FillAsync("20:00");
        await second.GetByLabel("Uiterlijk tot").FillAsync("22:00");
        await second.GetByLabel("Duur (minuten)").FillAsync("10");
        await second.GetByLabel("Wie doet het").SelectOptionAsync("Network");
        await second.GetByLabel("Wie uit het netwerk").SelectOptionAsync(new SelectOptionValue { Label = "Ria Bakker" });
        await Expect(second.GetByLabel("Met twee verpleegkundigen")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();

        var problem = page.Locator("article[data-code='27']");
        await Expect(problem.Locator("h3")).ToHaveTextAsync("Circulatie");
        await Expect(problem).ToContainTextAsync("Fysiologisch domein · Individu · Actueel");
        await Expect(problem).ToContainTextAsync("Behandelingen en procedures — hulpmiddelen: Steunkousen aantrekken");
        await Expect(problem).ToContainTextAsync("1× per dag, tussen 07:30 en 09:30, 15 min · basiszorg · doet het team");
        await Expect(problem).ToContainTextAsync("Steunkousen uittrekken");
        await Expect(problem).ToContainTextAsync("doet het netwerk: Ria Bakker");
        await Expect(page.Locator("#plan-version")).ToContainTextAsync("Versie 1");
        await Expect(page.Locator("#editor")).ToBeHiddenAsync();

        await Rate(problem, "Admission", knowledge: "2", behavior: "2", status: "2");
        await Expect(problem.Locator(".ratings-table tbody tr")).ToHaveCountAsync(1);
        await Rate(problem, "Review", knowledge: "4", behavior: "3", status: "3");
        await Expect(problem.Locator(".ratings-table tbody tr")).ToHaveCountAsync(2);
        await Expect(problem.Locator(".rating-chart svg polyline")).ToHaveCountAsync(3);
        await Expect(problem.Locator(".rating-chart svg")).ToHaveAttributeAsync("aria-label",
            "Verloop van de scores voor Circulatie: Kennis 2 naar 4, Gedrag 2 naar 3, Status 2 naar 3");
        await Expect(problem.Locator(".ratings-table thead th")).ToHaveTextAsync(["Datum", "Moment", "Kennis", "Gedrag", "Status"]);
        await Accessibility.AssertNoSeriousViolations(page, "care plan with ratings");
        await Screenshots.Save(page, "careplan-nurse-phone");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(problem.Locator("h3")).ToHaveTextAsync("Circulation");
        await Expect(problem).ToContainTextAsync("Physiological · Individual · Actual");
        await Expect(problem).ToContainTextAsync("Treatments and procedures — durable medical equipment: Steunkousen aantrekken");
        await Expect(problem.Locator(".ratings-table thead th")).ToHaveTextAsync(["Date", "Moment", "Knowledge", "Behavior", "Status"]);
        await Expect(page.Locator("#plan-title")).ToHaveTextAsync("Care plan of Gerrit Bakker");
        await Screenshots.Save(page, "careplan-nurse-phone-english");

        await page.SetViewportSizeAsync(1366, 900);
        await Accessibility.AssertNoSeriousViolations(page, "care plan on a desktop");
        await Screenshots.Save(page, "careplan-nurse-desktop");

        // The client's page names the problem by the same Dutch term.
        await page.GetByRole(AriaRole.Button, new() { Name = "Nederlands" }).ClickAsync();
        await page.GotoAsync($"client.html?team={team}&client={client.Id}");
        await Expect(page.Locator("#plan-problems h3")).ToHaveTextAsync("Circulatie");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_stale_edit_from_a_second_browser_shows_the_409_with_the_newer_version_and_keeps_the_nurses_own_input()
    {
        var team = await Host.FoundTeam("Buurtzorg Lunetten");
        await Host.Hire(team, "Anne de Vries", "anne-lunetten");
        await Host.Hire(team, "Bram Jansen", "bram-lunetten");
        var anne = await Host.SignIn("anne-lunetten");
        var client = await anne.Http.AddClient(team, "Johanna de Groot");
        await anne.Http.AddDailyVisit(team, client.Id, description: "Insuline spuiten");
        var path = $"careplan.html?client={client.Id}";
        var pageA = await browser.SignedIn(Host, "anne-lunetten", path);
        var pageB = await browser.SignedIn(Host, "bram-lunetten", path);
        await Expect(pageA.Locator("article[data-code='42'] h3")).ToHaveTextAsync("Medicatie");
        await Expect(pageB.Locator("article[data-code='42'] h3")).ToHaveTextAsync("Medicatie");

        // Both open the same problem on version 1.
        await pageA.GetByRole(AriaRole.Button, new() { Name = "Medicatie wijzigen" }).ClickAsync();
        await pageB.GetByRole(AriaRole.Button, new() { Name = "Medicatie wijzigen" }).ClickAsync();
        await pageB.Locator(".intervention-editor").Nth(0).GetByLabel("Wat er gebeurt").FillAsync("Insuline spuiten, bloedsuiker meten");

        await pageA.Locator(".intervention-editor").Nth(0).GetByLabel("Wat er gebeurt").FillAsync("Insuline spuiten in de buik");
        await pageA.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
        await Expect(pageA.Locator("#plan-version")).ToContainTextAsync("Versie 2");

        await pageB.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();

        await Expect(pageB.Locator("#conflict-text")).ToHaveTextAsync("Iemand anders heeft dit plan intussen gewijzigd (versie 2).");
        await Expect(pageB.Locator("#plan-version")).ToContainTextAsync("Versie 2");
        await Expect(pageB.Locator("article[data-code='42']")).ToContainTextAsync("Insuline spuiten in de buik");
        await Expect(pageB.Locator(".intervention-editor").Nth(0).GetByLabel("Wat er gebeurt")).ToHaveValueAsync("Insuline spuiten, bloedsuiker meten");
        await Accessibility.AssertNoSeriousViolations(pageB, "care plan after a stale edit");
        await Screenshots.Save(pageB, "careplan-conflict-phone");

        // Having seen the newer plan, she saves her own input again, now on version 2.
        await pageB.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
        await Expect(pageB.Locator("#plan-version")).ToContainTextAsync("Versie 3");
        await Expect(pageB.Locator("#conflict")).ToBeHiddenAsync();
        await Expect(pageB.Locator("article[data-code='42']")).ToContainTextAsync("Insuline spuiten, bloedsuiker meten");
    }

    [Fact]
    public async Task A_nurse_of_another_team_is_refused_and_the_client_and_family_read_without_any_control_to_write()
    {
        var team = await Host.FoundTeam("Buurtzorg Hoograven");
        var other = await Host.FoundTeam("Buurtzorg Overvecht");
        await Host.Hire(team, "Anne de Vries", "anne-hoograven");
        await Host.Hire(other, "Otto Smit", "otto-overvecht");
        var anne = await Host.SignIn("anne-hoograven");
        var client = await anne.Http.AddClient(team, "Gerrit Bakker");
        await anne.Http.AddDailyVisit(team, client.Id);
        var added = await anne.Http.PostAsJsonAsync($"/api/clients/{client.Id}/network", new { name = "Ria Bakker", relation = "Family" }, Json);
        var ria = (await added.Content.ReadFromJsonAsync<Contracts.Clients.ClientRecord>(Json))!.Network.Single().Id;
        (await anne.Http.PutAsJsonAsync($"/api/clients/{client.Id}/network/{ria}/access", new { access = "CarePlan" }, Json)).EnsureSuccessStatusCode();
        await Host.Link(await Host.OpenAccount("ria-hoograven", Accounts.AccountRole.Family), client.Id, ria);
        await Host.OpenAccount("gerrit-hoograven", Accounts.AccountRole.Client, client.Id);
        var path = $"careplan.html?client={client.Id}";

        var outsider = await browser.SignedIn(Host, "otto-overvecht", path);
        await Expect(outsider.Locator("#page-problem")).ToContainTextAsync("U kunt dit zorgplan niet openen.");
        await Expect(outsider.Locator("#problems-panel")).ToBeHiddenAsync();
        await Expect(outsider.GetByRole(AriaRole.Button, new() { Name = "Aandachtsgebied toevoegen" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolations(outsider, "care plan refused to another team's nurse");
        await Screenshots.Save(outsider, "careplan-other-team-refused");
        // Nor can she write by hand: the server refuses the change itself.
        var otto = await Host.SignIn("otto-overvecht");
        var write = await otto.Http.DeleteAsync($"/api/clients/{client.Id}/care-plan/problems/42?expectedVersion=1");
        Assert.False(write.IsSuccessStatusCode);

        foreach (var (user, shot) in new[] { ("ria-hoograven", "careplan-family-phone"), ("gerrit-hoograven", "careplan-client-phone") })
        {
            var reader = await browser.SignedIn(Host, user, path);
            await Expect(reader.Locator("article[data-code='42'] h3")).ToHaveTextAsync("Medicatie");
            await Expect(reader.Locator("#read-only")).ToBeVisibleAsync();
            await Expect(reader.GetByRole(AriaRole.Button, new() { Name = "Aandachtsgebied toevoegen" })).ToBeHiddenAsync();
            await Expect(reader.Locator("#main button:visible, #main form:visible, #main details")).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolations(reader, $"care plan read by {user}");
            await Screenshots.Save(reader, shot);
        }
    }

    private static async Task Rate(ILocator problem, string moment, string knowledge, string behavior, string status)
    {
        var form = problem.Locator(".rating-form");
        if (await form.GetAttributeAsync("open") is null)
        {
            await form.Locator("summary").ClickAsync();
        }

        await form.GetByLabel("Moment").SelectOptionAsync(moment);
        await form.GetByLabel("Kennis").SelectOptionAsync(knowledge);
        await form.GetByLabel("Gedrag").SelectOptionAsync(behavior);
        await form.GetByLabel("Status").SelectOptionAsync(status);
        await form.GetByRole(AriaRole.Button, new() { Name = "Score opslaan" }).ClickAsync();
    }
}

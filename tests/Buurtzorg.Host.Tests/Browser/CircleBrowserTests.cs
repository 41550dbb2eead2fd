using System.Net.Http.Json;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>
/// "The client's circle first" on phones, in Dutch: a daughter proposes on her page what she will
/// do herself, the team's nurse agrees on the care plan, and the plan shows it as hers, the
/// history says who did what, and her page shows it among her own tasks.
/// </summary>
[Collection(ScreensCollection.Name)]
public sealed class CircleBrowserTests(BrowserFixture browser, SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private const string Shopping = "ik doe de boodschappen op dinsdag en vrijdag";

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_daughter_proposes_her_shopping_the_nurse_agrees_and_the_plan_and_her_page_show_it_as_hers()
    {
        var team = await Host.FoundTeam("Buurtzorg Kanaleneiland");
        await Host.Hire(team, "Anne de Wit", "anne-kring");
        var anne = await Host.SignIn("anne-kring");
        var client = await anne.Http.AddClient(team, "Johanna de Groot");
        var added = await anne.Http.PostAsJsonAsync($"/api/clients/{client.Id}/network", new { name = "Anna de Vries", relation = "Family", relationDescription = "dochter" }, Json);
        var anna = (await added.Content.ReadFromJsonAsync<ClientRecord>(Json))!.Network.Single().Id;
        (await anne.Http.PutAsJsonAsync($"/api/clients/{client.Id}/network/{anna}/access", new { access = "CarePlan" }, Json)).EnsureSuccessStatusCode();
        (await anne.Http.PutAsJsonAsync($"/api/clients/{client.Id}/care-plan/problems/35", new
        {
            expectedVersion = 0, scope = "Individual", type = "Actual", signsAndSymptoms = new[] { "eet te weinig" }, interventions = Array.Empty<object>(),
        }, Json)).EnsureSuccessStatusCode();
        await Host.Link(await Host.OpenAccount("anna-kring", AccountRole.Family), client.Id, anna);

        // The daughter, on her phone: what she will do herself, on which days.
        var daughter = await browser.SignedIn(Host, "anna-kring", "client.html");
        await daughter.SetViewportSizeAsync(390, 844);
        var errors = new List<string>();
        daughter.PageError += (_, error) => errors.Add(error);
        await Expect(daughter.Locator("#circle-heading")).ToHaveTextAsync("Wat wij zelf doen");
        await Expect(daughter.Locator("#circle-who-self")).ToHaveTextAsync("Dit doet u zelf.");
        await daughter.GetByLabel("Wat doet u?").FillAsync(Shopping);
        await daughter.GetByRole(AriaRole.Checkbox, new() { Name = "dinsdag" }).CheckAsync();
        await daughter.GetByRole(AriaRole.Checkbox, new() { Name = "vrijdag" }).CheckAsync();
        await daughter.GetByRole(AriaRole.Button, new() { Name = "Voorstel sturen" }).ClickAsync();
        await Expect(daughter.Locator("#announcer")).ToHaveTextAsync("Uw voorstel is naar het team gestuurd.");
        var proposal = daughter.Locator("#circle-proposals li", new() { HasText = Shopping });
        await Expect(proposal).ToContainTextAsync("op dinsdag en vrijdag");
        await Expect(proposal).ToContainTextAsync("Wacht op het team");
        await Expect(proposal.GetByRole(AriaRole.Button, new() { Name = $"Voorstel intrekken: {Shopping}" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolations(daughter, "the circle's proposal on the relative's phone");
        await Screenshots.Save(daughter, "circle-proposed-daughter-phone");

        // The nurse, on her phone: the proposal waits on the care plan, with who proposed it.
        var nurse = await browser.SignedIn(Host, "anne-kring", $"careplan.html?client={client.Id}");
        await nurse.SetViewportSizeAsync(390, 844);
        nurse.PageError += (_, error) => errors.Add(error);
        var waiting = nurse.Locator("#circle-waiting li", new() { HasText = Shopping });
        await Expect(waiting).ToContainTextAsync("Doet het: Anna de Vries (dochter)");
        await Expect(waiting).ToContainTextAsync("Voorgesteld door Anna de Vries (dochter)");
        await Expect(waiting.GetByLabel("Onder aandachtsgebied")).ToHaveValueAsync("35");
        await Accessibility.AssertNoSeriousViolations(nurse, "a proposal of the circle waiting on the care plan");
        await Screenshots.Save(nurse, "circle-waiting-careplan-phone");
        await waiting.GetByRole(AriaRole.Button, new() { Name = $"Akkoord: {Shopping}" }).ClickAsync();
        await Expect(nurse.Locator("#announcer")).ToHaveTextAsync($"Afgesproken: {Shopping}. Het staat nu in het zorgplan.");
        await Expect(nurse.Locator("#no-circle-waiting")).ToBeVisibleAsync();

        // In the plan as hers: the network does it, on her days; the history names both steps.
        var task = nurse.Locator("article[data-code='35'] li[data-performer='Network']");
        await Expect(task).ToContainTextAsync(Shopping);
        await Expect(task).ToContainTextAsync("dinsdag en vrijdag");
        await Expect(task.Locator(".performer")).ToHaveTextAsync("doet het netwerk: Anna de Vries (dochter)");
        await Expect(nurse.Locator("#history-list li").Nth(0)).ToContainTextAsync($"Anne de Wit: sprak af: {Shopping}");
        await Expect(nurse.Locator("#history-list li").Nth(1)).ToContainTextAsync($"Anna de Vries (dochter): stelde voor: {Shopping}");
        await Screenshots.Save(nurse, "circle-agreed-careplan-phone");
        var plan = (await anne.Http.GetFromJsonAsync<CarePlanSnapshot>($"/api/clients/{client.Id}/care-plan", Json))!;
        var intervention = plan.Problems.Single().Interventions.Single();
        Assert.Equal((Performer.Network, (Guid?)anna), (intervention.PerformedBy, intervention.NetworkMemberId));

        // Her page, read again: among her own tasks, and in the plan as hers.
        await daughter.ReloadAsync();
        await Expect(daughter.Locator("#own-tasks")).ToBeVisibleAsync();
        await Expect(daughter.Locator("#own-tasks-heading")).ToHaveTextAsync("Uw taken");
        var own = daughter.Locator("#own-task-list li", new() { HasText = Shopping });
        await Expect(own).ToContainTextAsync("op dinsdag en vrijdag");
        await Expect(own).ToContainTextAsync("Afgesproken door Anne de Wit");
        await Expect(daughter.Locator("#plan-problems")).ToContainTextAsync($"{Shopping} — u neemt dit op zich");
        await Expect(daughter.Locator("#circle-agreed li", new() { HasText = Shopping })).ToContainTextAsync("Doet het: u zelf");
        await Accessibility.AssertNoSeriousViolations(daughter, "the relative's own tasks on her phone");
        await Screenshots.Save(daughter, "circle-own-tasks-daughter-phone");
        Assert.Empty(errors);
    }
}

using System.Net.Http.Json;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>
/// "Netwerk": the client adds, changes and removes the people around them and sets what each may
/// see, on one screen; the nurses of the client's team keep the list with them but do not decide
/// what anyone sees; a nurse of another team and a relative are refused in Dutch.
/// </summary>
[Collection(ScreensCollection.Name)]
public sealed class NetworkBrowserTests(BrowserFixture browser, SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task The_client_on_a_phone_adds_a_relative_sets_what_she_may_see_changes_and_removes_people_and_a_reload_keeps_it()
    {
        var team = await Host.FoundTeam("Buurtzorg Lombok");
        await Host.Hire(team, "Anne de Vries", "anne-netwerk");
        var anne = await Host.SignIn("anne-netwerk");
        var client = await anne.Http.AddClient(team, "Johanna de Groot");
        (await anne.Http.PostAsJsonAsync($"/api/clients/{client.Id}/network", new { name = "Kees de Groot", relation = "Neighbour" }, Json)).EnsureSuccessStatusCode();
        await Host.OpenAccount("johanna-netwerk", Accounts.AccountRole.Client, client.Id);
        var page = await browser.SignedIn(Host, "johanna-netwerk", "network.html");
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.Locator(".site-nav a[aria-current='page']")).ToHaveTextAsync("Netwerk");
        await Expect(page.Locator("#member-list li")).ToHaveCountAsync(1);

        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Sanne de Groot");
        await page.GetByLabel("Relatie").SelectOptionAsync(new SelectOptionValue { Label = "familie" });
        await page.GetByLabel("Omschrijving (bijv. dochter)").FillAsync("dochter");
        await page.GetByLabel("Telefoonnummer").FillAsync("06 1234 5678");
        await page.GetByLabel("E-mail").FillAsync("sanne@example.nl");
        await page.GetByLabel("Wat neemt hij of zij op zich? (mag leeg blijven)").FillAsync("Boodschappen op zaterdag");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen", Exact = true }).ClickAsync();
        var sanne = page.Locator("#member-list li", new() { HasText = "Sanne de Groot" });
        await Expect(sanne.Locator("h3")).ToHaveTextAsync("Sanne de Groot (dochter)");
        await Expect(sanne).ToContainTextAsync("Neemt op zich: Boodschappen op zaterdag");

        await page.GetByLabel("Wat mag Sanne de Groot zien?").SelectOptionAsync("Agenda");
        await Expect(page.Locator("#announcer")).ToHaveTextAsync("Sanne de Groot mag nu zien: Agenda.");
        var network = (await anne.Http.GetFromJsonAsync<ClientRecord>($"/api/clients/{client.Id}", Json))!.Network;
        var added = network.Single(m => m.Details.Name == "Sanne de Groot");
        Assert.Equal((NetworkRelation.Family, "dochter", "06 1234 5678", "sanne@example.nl", "Boodschappen op zaterdag", NetworkAccess.Agenda),
            (added.Details.Relation, added.Details.RelationDescription, added.Details.Phone, added.Details.Email, added.Details.TakesOn, added.Access));

        await sanne.GetByRole(AriaRole.Button, new() { Name = "Sanne de Groot wijzigen" }).ClickAsync();
        await Expect(page.Locator("#member-form-heading")).ToHaveTextAsync("Sanne de Groot wijzigen");
        await page.GetByLabel("Wat neemt hij of zij op zich? (mag leeg blijven)").FillAsync("Boodschappen en de was");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Expect(sanne).ToContainTextAsync("Neemt op zich: Boodschappen en de was");

        var kees = page.Locator("#member-list li", new() { HasText = "Kees de Groot" });
        await kees.GetByRole(AriaRole.Button, new() { Name = "Kees de Groot verwijderen" }).ClickAsync();
        await kees.GetByRole(AriaRole.Button, new() { Name = "Ja, verwijderen" }).ClickAsync();
        await Expect(page.Locator("#member-list li")).ToHaveCountAsync(1);
        await Accessibility.AssertNoSeriousViolations(page, "network for the client on a phone");
        await Screenshots.Save(page, "network-client-phone");

        network = (await anne.Http.GetFromJsonAsync<ClientRecord>($"/api/clients/{client.Id}", Json))!.Network;
        Assert.Equal(["Sanne de Groot"], network.Select(m => m.Details.Name));
        Assert.Equal("Boodschappen en de was", network[0].Details.TakesOn);

        await page.ReloadAsync();
        await Expect(page.GetByLabel("Wat mag Sanne de Groot zien?")).ToHaveValueAsync("Agenda");
        await Expect(page.Locator("#member-list li")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_nurse_of_the_team_on_a_desktop_keeps_the_list_but_sees_what_the_client_decided_without_changing_it()
    {
        var team = await Host.FoundTeam("Buurtzorg Overvecht");
        await Host.Hire(team, "Bram Jansen", "bram-netwerk");
        var bram = await Host.SignIn("bram-netwerk");
        var client = await bram.Http.AddClient(team, "Gerrit Bakker");
        var added = await bram.Http.PostAsJsonAsync($"/api/clients/{client.Id}/network", new { name = "Ria Bakker", relation = "Family", phone = "0612345678" }, Json);
        var ria = (await added.Content.ReadFromJsonAsync<ClientRecord>(Json))!.Network.Single().Id;
        await Host.OpenAccount("gerrit-netwerk", Accounts.AccountRole.Client, client.Id);
        var gerrit = await Host.SignIn("gerrit-netwerk");
        (await gerrit.Http.PutAsJsonAsync($"/api/clients/{client.Id}/network/{ria}/access", new { access = "CarePlan" }, Json)).EnsureSuccessStatusCode();

        var page = await browser.SignedIn(Host, "bram-netwerk", $"network.html?client={client.Id}");
        await page.SetViewportSizeAsync(1366, 900);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Netwerk van Gerrit Bakker");
        var riaItem = page.Locator("#member-list li", new() { HasText = "Ria Bakker" });
        await Expect(riaItem.Locator(".member-access")).ToHaveTextAsync("Mag zien: Zorgplan");
        await Expect(riaItem.Locator("select")).ToHaveCountAsync(0);
        await Expect(riaItem.GetByRole(AriaRole.Link, new() { Name = "Bel Ria Bakker: 0612345678" })).ToHaveAttributeAsync("href", "tel:0612345678");

        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Henk Mulder");
        await page.GetByLabel("Relatie").SelectOptionAsync("Neighbour");
        await page.GetByLabel("Telefoonnummer").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Telefoonnummer")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#member-phone-error")).ToContainTextAsync("Nederlands telefoonnummer");
        await page.GetByLabel("Telefoonnummer").FillAsync("030 123 4567");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen", Exact = true }).ClickAsync();
        await Expect(page.Locator("#member-list li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#member-list li", new() { HasText = "Henk Mulder" }).Locator(".member-access")).ToHaveTextAsync("Mag zien: Niets");
        await Accessibility.AssertNoSeriousViolations(page, "network for a nurse on a desktop");
        await Screenshots.Save(page, "network-nurse-desktop");

        var henk = (await bram.Http.GetFromJsonAsync<ClientRecord>($"/api/clients/{client.Id}", Json))!.Network.Single(m => m.Details.Name == "Henk Mulder");
        Assert.Equal((NetworkRelation.Neighbour, NetworkAccess.None), (henk.Details.Relation, henk.Access));
        await page.ReloadAsync();
        await Expect(page.Locator("#member-list li")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task A_nurse_of_another_team_and_a_relative_are_refused_in_Dutch()
    {
        var team = await Host.FoundTeam("Buurtzorg Zuilen");
        await Host.Hire(team, "Anne de Vries", "anne-zuilen-netwerk");
        var anne = await Host.SignIn("anne-zuilen-netwerk");
        var client = await anne.Http.AddClient(team, "Gerrit Bakker");
        var added = await anne.Http.PostAsJsonAsync($"/api/clients/{client.Id}/network", new { name = "Ria Bakker", relation = "Family" }, Json);
        var ria = (await added.Content.ReadFromJsonAsync<ClientRecord>(Json))!.Network.Single().Id;
        (await anne.Http.PutAsJsonAsync($"/api/clients/{client.Id}/network/{ria}/access", new { access = "CarePlan" }, Json)).EnsureSuccessStatusCode();
        await Host.Link(await Host.OpenAccount("ria-netwerk", Accounts.AccountRole.Family), client.Id, ria);
        var other = await Host.FoundTeam("Buurtzorg Vathorst");
        await Host.Hire(other, "Carla Smit", "carla-netwerk");

        var page = await browser.SignedIn(Host, "carla-netwerk", $"network.html?client={client.Id}");
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.Locator("#page-problem")).ToHaveTextAsync("U kunt het netwerk van deze cliënt niet openen: de cliënt hoort niet bij uw team.");
        await Expect(page.Locator("#network")).ToBeHiddenAsync();
        await Accessibility.AssertNoSeriousViolations(page, "network refused to another team");
        await Screenshots.Save(page, "network-other-team-refused");

        var relative = await browser.SignedIn(Host, "ria-netwerk", "network.html");
        await Expect(relative.Locator("#page-problem")).ToContainTextAsync("Het netwerk beheert de cliënt zelf");
        // The relative's menu does not offer the page; only the page she is on stays listed.
        await Expect(relative.Locator(".site-nav a:visible")).ToHaveTextAsync(["Cliënt en familie", "Netwerk"]);
        var refused = await (await Host.SignIn("ria-netwerk")).Http.PostAsJsonAsync($"/api/clients/{client.Id}/network", new { name = "Piet", relation = "Friend" }, Json);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Single((await anne.Http.GetFromJsonAsync<ClientRecord>($"/api/clients/{client.Id}", Json))!.Network);
    }
}

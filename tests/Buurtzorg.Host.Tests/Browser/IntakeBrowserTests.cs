using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Clients;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>
/// "Nieuwe cliënt": a nurse registers a client for her own team with the first Omaha problems and
/// lands on the client's page; the server's refusals stand beside the fields they name; a nurse of
/// another team and a client are refused in Dutch.
/// </summary>
[Collection(ScreensCollection.Name)]
public sealed class IntakeBrowserTests(BrowserFixture browser, SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private static readonly Regex OnClientPage = new(@"/client\.html\?client=(?<id>[0-9a-f-]{36})");

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_nurse_on_her_phone_registers_a_client_with_first_problems_and_lands_on_the_clients_page()
    {
        var team = await Host.FoundTeam("Buurtzorg Wittevrouwen");
        await Host.Hire(team, "Anne de Vries", "anne-intake");
        var anne = await Host.SignIn("anne-intake");
        var page = await browser.SignedIn(Host, "anne-intake", "intake.html");
        await page.SetViewportSizeAsync(390, 844);

        await Expect(page.Locator("#intake-team")).ToHaveTextAsync("Inschrijven bij Buurtzorg Wittevrouwen.");
        // No geocoder: the first guess is the team's neighbourhood, and the page says so.
        await Expect(page.Locator("#location-note")).ToContainTextAsync("bij benadering");
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Truus Visser");
        await page.GetByLabel("Geboortedatum").FillAsync("1941-02-03");
        await page.GetByLabel("Telefoonnummer").FillAsync("030 271 4455");
        await page.GetByLabel("Straat").FillAsync("Biltstraat");
        await page.GetByLabel("Huisnummer").FillAsync("112");
        await page.GetByLabel("Postcode").FillAsync("3572bh");
        await page.GetByLabel("Plaats").FillAsync("Utrecht");
        await page.GetByLabel("Uren per week").FillAsync("3.5");
        await page.GetByLabel("Probleem", new() { Exact = true }).SelectOptionAsync("42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Probleem toevoegen" }).ClickAsync();
        await page.Locator("#signs-42").FillAsync("Vergeet medicijnen\nTabletten door elkaar");
        await page.GetByLabel("Probleem", new() { Exact = true }).SelectOptionAsync("24");
        await page.GetByRole(AriaRole.Button, new() { Name = "Probleem toevoegen" }).ClickAsync();
        await page.Locator(".intake-problem[data-problem='24']").GetByLabel("Risico (potentieel)").CheckAsync();
        await Expect(page.Locator("#signs-24")).ToBeHiddenAsync();
        await Accessibility.AssertNoSeriousViolations(page, "intake on a phone");
        await Screenshots.Save(page, "intake-phone");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cliënt inschrijven" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(OnClientPage);
        // By name, not by place: the client page goes on to add its team to the address.
        var clientId = Guid.Parse(OnClientPage.Match(page.Url).Groups["id"].Value);
        var client = (await anne.Http.GetFromJsonAsync<ClientRecord>($"/api/clients/{clientId}", Json))!;
        Assert.Equal(("Truus Visser", new DateOnly(1941, 2, 3), "030 271 4455", team, 3.5m, Today),
            (client.Details.Name, client.Details.DateOfBirth, client.Details.Phone, client.Details.TeamId, client.Details.IndicationHoursPerWeek, client.Details.StartDate));
        Assert.Equal(("Biltstraat", "112", "3572 BH", "Utrecht"), (client.Details.Address.Street, client.Details.Address.HouseNumber, client.Details.Address.Postcode, client.Details.Address.City));
        Assert.True(client.Details.Address.Location.IsInTheNetherlands);
        var plan = (await anne.Http.GetFromJsonAsync<CarePlanSnapshot>($"/api/clients/{clientId}/care-plan", Json))!;
        Assert.Equal([(24, ProblemType.Potential), (42, ProblemType.Actual)], plan.Problems.Select(p => (p.Code, p.Type)).OrderBy(p => p.Code));
        Assert.Equal(["Vergeet medicijnen", "Tabletten door elkaar"], plan.Problems.Single(p => p.Code == 42).SignsAndSymptoms);

        // The client's page shows the new client, and so does a reload.
        await Expect(page.Locator("#client-select")).ToHaveValueAsync(clientId.ToString());
        await page.ReloadAsync();
        await Expect(page.Locator("#client-select")).ToHaveValueAsync(clientId.ToString());
        await Expect(page.Locator("#plan-problems h3")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task On_a_desktop_the_servers_refusals_stand_beside_the_fields_they_name_and_nothing_is_registered()
    {
        var team = await Host.FoundTeam("Buurtzorg Kanaleneiland");
        await Host.Hire(team, "Bram Jansen", "bram-intake");
        var bram = await Host.SignIn("bram-intake");
        var page = await browser.SignedIn(Host, "bram-intake", "intake.html");
        await page.SetViewportSizeAsync(1366, 900);

        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Gerrit Bakker");
        await page.GetByLabel("Geboortedatum").FillAsync("1936-11-30");
        await page.GetByLabel("Telefoonnummer").FillAsync("12345");
        await page.GetByLabel("Straat").FillAsync("Marco Polohof");
        await page.GetByLabel("Huisnummer").FillAsync("9");
        await page.GetByLabel("Postcode").FillAsync("0123 AB");
        await page.GetByLabel("Plaats").FillAsync("Utrecht");
        await page.GetByLabel("Uren per week").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cliënt inschrijven" }).ClickAsync();

        await Expect(page.GetByLabel("Telefoonnummer")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Postcode")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#postcode-error")).ToContainTextAsync("postcode in zoals 3511 AB");
        await Expect(page.Locator("#intake-problem")).ToContainTextAsync("Niet opgeslagen");
        await Expect(page.GetByLabel("Naam", new() { Exact = true })).Not.ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Empty((await bram.Http.GetFromJsonAsync<List<TeamClient>>($"/api/teams/{team}/clients", Json))!);
        await Accessibility.AssertNoSeriousViolations(page, "intake with refusals on a desktop");
        await Screenshots.Save(page, "intake-desktop-refused");

        // Corrected, it goes through, and the approximate location can be set by hand.
        await page.GetByLabel("Telefoonnummer").FillAsync("+31 6 12345678");
        await page.GetByLabel("Postcode").FillAsync("3526 KV");
        await page.GetByText("Ligging aanpassen").ClickAsync();
        await page.GetByLabel("Breedtegraad").FillAsync("52.0731");
        await page.GetByLabel("Lengtegraad").FillAsync("5.0962");
        await Expect(page.Locator("#location-note")).ToContainTextAsync("door u ingevuld");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cliënt inschrijven" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(OnClientPage);
        var client = Assert.Single((await bram.Http.GetFromJsonAsync<List<TeamClient>>($"/api/teams/{team}/clients", Json))!);
        var record = (await bram.Http.GetFromJsonAsync<ClientRecord>($"/api/clients/{client.Id}", Json))!;
        Assert.Equal((52.0731, 5.0962), (record.Details.Address.Location.Latitude, record.Details.Address.Location.Longitude));
    }

    [Fact]
    public async Task A_nurse_of_another_team_and_a_client_are_refused_in_Dutch()
    {
        var team = await Host.FoundTeam("Buurtzorg Tuindorp");
        await Host.Hire(team, "Anne de Vries", "anne-tuindorp-intake");
        var other = await Host.FoundTeam("Buurtzorg Schothorst");
        await Host.Hire(other, "Carla Smit", "carla-intake");
        var page = await browser.SignedIn(Host, "carla-intake", $"intake.html?team={team}");
        await page.SetViewportSizeAsync(390, 844);

        await Expect(page.Locator("#page-problem")).ToHaveTextAsync("U kunt dit team niet openen. U schrijft alleen cliënten in voor het team waarin u zelf werkt.");
        await Expect(page.Locator("#intake-form")).ToBeHiddenAsync();
        await Accessibility.AssertNoSeriousViolations(page, "intake refused");
        await Screenshots.Save(page, "intake-other-team-refused");

        var anne = await Host.SignIn("anne-tuindorp-intake");
        var client = await anne.Http.AddClient(team, "Gerrit Bakker");
        await Host.OpenAccount("gerrit-intake", Accounts.AccountRole.Client, client.Id);
        var own = await browser.SignedIn(Host, "gerrit-intake", "intake.html");
        await Expect(own.Locator("#page-problem")).ToHaveTextAsync("Alleen wijkverpleegkundigen schrijven cliënten in.");
        await Expect(own.Locator(".site-nav a:visible")).ToHaveTextAsync(["Cliënt en familie", "Netwerk", "Nieuwe cliënt"]);
        Assert.Single((await anne.Http.GetFromJsonAsync<List<TeamClient>>($"/api/teams/{team}/clients", Json))!);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Nurses;
using Buurtzorg.Host.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Buurtzorg.Host.Tests.Infrastructure.EventuallyExtensions;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>"Open plekken" in Chromium at phone width: a new nurse finds a place near her home, asks to join, and a member accepts.</summary>
[Collection(ScreensCollection.Name)]
public sealed class PlacesBrowserTests(BrowserFixture browser, SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_new_nurse_finds_an_open_place_near_her_home_asks_to_join_and_a_member_accepts()
    {
        // A team in Utrecht with a place (its only nurse lives at 52.09, 5.12), and one in Maastricht, far away.
        var team = await Host.FoundTeam("Buurtzorg Oog in Al");
        await Host.Hire(team, "Anne de Vries", "anne-plek");
        var anne = await Host.SignIn("anne-plek");
        var posted = await anne.Http.PostAsJsonAsync($"/api/teams/{team}/open-places",
            new { hoursPerWeek = 24, qualification = Qualification.WoundCare, neighbourhood = "Oog in Al", note = "Vooral ochtenden, wondzorg." }, Json);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var place = (await posted.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
        var far = await Host.FoundTeam("Buurtzorg Wyck");
        await Nurse("Vera Peters", "vera-plek", 50.85, 5.70, far);
        var vera = await Host.SignIn("vera-plek");
        Assert.Equal(HttpStatusCode.Created, (await vera.Http.PostAsJsonAsync($"/api/teams/{far}/open-places", new { hoursPerWeek = 32 }, Json)).StatusCode);
        // New to the organisation: no team yet, living about a kilometre and a half from the team.
        var noor = await Nurse("Noor Bakker", "noor-plek", 52.095, 5.10, teamId: null);

        var page = await browser.SignedIn(Host, "noor-plek", "plekken.html");
        await page.SetViewportSizeAsync(390, 844);

        await Expect(page.Locator(".site-nav a[aria-current='page']")).ToHaveTextAsync("Open plekken");
        var card = page.Locator($"#near-places [data-place-id='{place}']");
        await Expect(page.Locator("#near-places > li")).ToHaveCountAsync(1);
        await Expect(card.Locator("h3")).ToHaveTextAsync("Buurtzorg Oog in Al");
        await Expect(card.Locator(".place-facts")).ToHaveTextAsync("24 uur per week · wondzorg · Oog in Al");
        await Expect(card.Locator(".place-distance")).ToHaveTextAsync(new Regex(@"^1(,5)? km van uw huis$"));
        await Expect(card.Locator(".place-note")).ToHaveTextAsync("Vooral ochtenden, wondzorg.");
        await Expect(page.Locator("#own-section")).ToBeHiddenAsync();

        await card.GetByLabel("Bericht aan het team (mag leeg blijven)").FillAsync("Ik woon om de hoek en werk graag 's ochtends.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Vraag om erbij te komen bij Buurtzorg Oog in Al" }).ClickAsync();

        await Expect(card.Locator(".place-waiting")).ToHaveTextAsync("Uw vraag wacht op het team");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        await Accessibility.AssertNoSeriousViolations(page, "open places (phone)");
        await Screenshots.Save(page, "places-phone");
        await page.Locator("#language").ClickAsync();
        await Expect(page.Locator("#near-heading")).ToHaveTextAsync("Open places near you");
        await Expect(card.Locator(".place-waiting")).ToHaveTextAsync("Your request is waiting for the team");
        await Expect(card.Locator(".place-facts")).ToHaveTextAsync("24 hours a week · wound care · Oog in Al");
        await page.Locator("#language").ClickAsync();
        await Expect(page.Locator("#near-heading")).ToHaveTextAsync("Open plekken bij u in de buurt");

        // A member accepts on the teams page, where the request waits with her message.
        var member = await browser.SignedIn(Host, "anne-plek", $"index.html#team={team}");
        await member.SetViewportSizeAsync(390, 844);
        await Expect(member.Locator("#join-requests .join-message")).ToHaveTextAsync("Ik woon om de hoek en werk graag 's ochtends.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Noor Bakker accepteren" }).ClickAsync();
        await Expect(member.Locator("#nurse-list .nurse-name")).ToHaveTextAsync(["Anne de Vries", "Noor Bakker"]);
        var noorSession = await Host.SignIn("noor-plek");
        await Eventually(async () => await noorSession.Http.GetFromJsonAsync<JsonElement>($"/api/nurses/{noor}", Json),
            n => n.TryGetProperty("teamId", out var id) && id.ValueKind == JsonValueKind.String && id.GetGuid() == team);

        // Now in the team: its place is hers to close, not one to find; she posts another.
        await page.ReloadAsync();
        await Expect(page.Locator("#own-section")).ToBeVisibleAsync();
        await Expect(page.Locator($"#own-places [data-place-id='{place}'] .place-facts")).ToHaveTextAsync("24 uur per week · wondzorg · Oog in Al");
        await Expect(page.Locator("#near-empty")).ToHaveTextAsync("Er zijn nu geen open plekken binnen 25 km van uw huis.");
        await page.GetByLabel("Uren per week").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plek plaatsen" }).ClickAsync();
        await Expect(page.Locator("#place-hours-error")).ToHaveTextAsync("Deze waarde valt buiten de grenzen.");
        await page.GetByLabel("Uren per week").FillAsync("16");
        await page.GetByLabel("Bevoegdheid die de plek vraagt").SelectOptionAsync("PalliativeCare");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plek plaatsen" }).ClickAsync();
        await Expect(page.Locator("#own-places > li .place-facts")).ToHaveTextAsync(["24 uur per week · wondzorg · Oog in Al", "16 uur per week · palliatieve zorg · Niet ingedeeld"]);
        await page.Locator($"#own-places [data-place-id='{place}']").GetByRole(AriaRole.Button, new() { Name = "Plek sluiten: 24 uur per week" }).ClickAsync();
        await Expect(page.Locator("#own-places > li .place-facts")).ToHaveTextAsync(["16 uur per week · palliatieve zorg · Niet ingedeeld"]);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        await Accessibility.AssertNoSeriousViolations(page, "our open places (phone)");
        await Screenshots.Save(page, "places-own-phone");
    }

    private async Task<Guid> Nurse(string name, string userName, double latitude, double longitude, Guid? teamId)
    {
        var mediator = Host.App.Services.GetRequiredService<IMediator>();
        var nurse = await mediator.Send(new RegisterNurse(
            name, [Qualification.BasicCare, Qualification.WoundCare], 24, latitude, longitude,
            [.. Enum.GetValues<DayOfWeek>().Select(day => new AvailabilitySlotInput(day, new TimeOnly(7, 0), new TimeOnly(17, 0)))]));
        if (teamId is { } team)
        {
            await mediator.Send(new MoveNurse(nurse.Id, team));
        }

        await Host.OpenAccount(userName, AccountRole.Nurse, nurse.Id);
        return nurse.Id;
    }
}

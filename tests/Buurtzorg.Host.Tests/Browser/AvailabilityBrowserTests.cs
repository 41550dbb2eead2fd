using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>
/// "Mijn beschikbaarheid": a nurse sets her own week with the rota's shifts or hours of her own
/// and plans her leave, on a phone and on a desktop; the server has it and a reload shows it.
/// </summary>
[Collection(ScreensCollection.Name)]
public sealed class AvailabilityBrowserTests(BrowserFixture browser, SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_nurse_on_her_phone_picks_shifts_and_own_hours_takes_leave_and_a_reload_shows_what_the_server_keeps()
    {
        var team = await Host.FoundTeam("Buurtzorg Lombok");
        var anneId = await Host.Hire(team, "Anne de Vries", "anne-beschikbaar");
        var anne = await Host.SignIn("anne-beschikbaar");
        var page = await browser.SignedIn(Host, "anne-beschikbaar", "availability.html");
        await page.SetViewportSizeAsync(390, 844);

        await Expect(page.Locator("h1")).ToHaveTextAsync("Mijn beschikbaarheid");
        await Expect(page.Locator(".site-nav a[aria-current='page']")).ToHaveTextAsync("Mijn beschikbaarheid");
        await Expect(page.Locator("#hours-summary")).ToHaveTextAsync("Contract: 28 uur per week. Beschikbaar: 105 uur per week.");
        var monday = page.Locator(".week-day[data-day='Monday']");
        var tuesday = page.Locator(".week-day[data-day='Tuesday']");
        // Her hours from the office (07:00-22:00) are no shift, so they are a block of her own.
        await monday.GetByRole(AriaRole.Button, new() { Name = "Maandag 07:00–22:00 verwijderen" }).ClickAsync();
        await monday.GetByRole(AriaRole.Button, new() { Name = "Maandag: Ochtend 07:00–12:30" }).ClickAsync();
        await monday.GetByRole(AriaRole.Button, new() { Name = "Maandag: Avond 17:00–22:30" }).ClickAsync();
        await tuesday.GetByRole(AriaRole.Button, new() { Name = "Dinsdag 07:00–22:00 verwijderen" }).ClickAsync();
        await tuesday.GetByRole(AriaRole.Button, new() { Name = "Eigen tijden toevoegen op Dinsdag" }).ClickAsync();
        await tuesday.GetByLabel("Dinsdag: Van").SelectOptionAsync("09:00");
        await tuesday.GetByLabel("Dinsdag: Tot").SelectOptionAsync("13:30");
        await Expect(monday.GetByRole(AriaRole.Button, new() { Name = "Maandag: Ochtend 07:00–12:30" })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Beschikbaarheid opslaan" }).ClickAsync();
        await Expect(page.Locator("#week-state")).ToHaveTextAsync("Uw beschikbaarheid is opgeslagen.");

        var nurse = (await anne.Http.GetFromJsonAsync<NurseRecord>($"/api/nurses/{anneId}", Json))!;
        Assert.Equal(
            [(new TimeOnly(7, 0), new TimeOnly(12, 30)), (new TimeOnly(17, 0), new TimeOnly(22, 30))],
            nurse.Profile.WeeklyAvailability.Where(s => s.Day == DayOfWeek.Monday).Select(s => (s.From, s.To)));
        Assert.Equal([(new TimeOnly(9, 0), new TimeOnly(13, 30))], nurse.Profile.WeeklyAvailability.Where(s => s.Day == DayOfWeek.Tuesday).Select(s => (s.From, s.To)));

        var from = Today.AddDays(7);
        await page.Locator("#absence-from").FillAsync(from.ToString("yyyy-MM-dd"));
        await page.Locator("#absence-to").FillAsync(from.AddDays(4).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Reden").SelectOptionAsync(new SelectOptionValue { Label = "Verlof" });
        await page.GetByLabel("Toelichting (mag leeg blijven)").FillAsync("Zomervakantie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen", Exact = true }).ClickAsync();
        await Expect(page.Locator("#absence-list li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#absence-list li .absence-what")).ToContainTextAsync("Verlof:");
        var absence = Assert.Single((await anne.Http.GetFromJsonAsync<NurseRecord>($"/api/nurses/{anneId}", Json))!.Absences);
        Assert.Equal((from, from.AddDays(4), AbsenceReason.Leave, "Zomervakantie"), (absence.From, absence.To, absence.Reason, absence.Note));

        await Accessibility.AssertNoSeriousViolations(page, "availability on a phone");
        await Screenshots.Save(page, "availability-phone");

        await page.ReloadAsync();
        await Expect(page.Locator(".week-day[data-day='Monday']").GetByRole(AriaRole.Button, new() { Name = "Maandag: Avond 17:00–22:30" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator(".week-day[data-day='Tuesday']").GetByLabel("Dinsdag: Tot")).ToHaveValueAsync("13:30");
        await Expect(page.Locator("#absence-list li")).ToHaveCountAsync(1);

        await page.Locator("#absence-list li").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator("#no-absences")).ToBeVisibleAsync();
        Assert.Empty((await anne.Http.GetFromJsonAsync<NurseRecord>($"/api/nurses/{anneId}", Json))!.Absences);
    }

    [Fact]
    public async Task On_a_desktop_the_servers_refusals_stand_beside_the_hours_and_the_dates_they_name_and_large_text_stays_usable()
    {
        var team = await Host.FoundTeam("Buurtzorg Overvecht");
        var bramId = await Host.Hire(team, "Bram Jansen", "bram-beschikbaar");
        var bram = await Host.SignIn("bram-beschikbaar");
        var page = await browser.SignedIn(Host, "bram-beschikbaar", "availability.html");
        await page.SetViewportSizeAsync(1366, 900);

        var wednesday = page.Locator(".week-day[data-day='Wednesday']");
        await wednesday.GetByLabel("Woensdag: Van").SelectOptionAsync("15:00");
        await wednesday.GetByLabel("Woensdag: Tot").SelectOptionAsync("09:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Beschikbaarheid opslaan" }).ClickAsync();
        await Expect(wednesday.GetByLabel("Woensdag: Tot")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(wednesday.Locator(".field-error")).ToContainTextAsync("het einde na het begin");
        await Expect(page.Locator("#week-problem")).ToContainTextAsync("Niet opgeslagen");

        await page.Locator("#absence-from").FillAsync(Today.AddDays(10).ToString("yyyy-MM-dd"));
        await page.Locator("#absence-to").FillAsync(Today.AddDays(8).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen", Exact = true }).ClickAsync();
        await Expect(page.Locator("#absence-to")).ToHaveAttributeAsync("aria-invalid", "true");

        var nurse = (await bram.Http.GetFromJsonAsync<NurseRecord>($"/api/nurses/{bramId}", Json))!;
        Assert.Empty(nurse.Absences);
        Assert.Equal(7, nurse.Profile.WeeklyAvailability.Count);
        await Accessibility.AssertNoSeriousViolations(page, "availability with refusals on a desktop");
        await Screenshots.Save(page, "availability-desktop-refused");

        await page.GetByRole(AriaRole.Button, new() { Name = "Grote tekst" }).ClickAsync();
        await page.SetViewportSizeAsync(390, 844);
        var sticksOut = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => `${e.tagName}#${e.id}.${e.className}`)");
        Assert.True(sticksOut.Length == 0, $"large text on a phone scrolls sideways: {string.Join(", ", sticksOut)}");
        await Screenshots.Save(page, "availability-phone-large-text");
    }

    [Fact]
    public async Task Only_her_own_record_a_nurse_of_another_team_is_refused_and_a_client_is_not_offered_the_page()
    {
        var team = await Host.FoundTeam("Buurtzorg Zuilen");
        var anneId = await Host.Hire(team, "Anne de Vries", "anne-zuilen-eigen");
        var other = await Host.FoundTeam("Buurtzorg Vathorst");
        await Host.Hire(other, "Carla Smit", "carla-vathorst");
        var carla = await Host.SignIn("carla-vathorst");

        var week = await carla.Http.PutAsJsonAsync($"/api/nurses/{anneId}/availability", new { weeklyAvailability = Array.Empty<object>() }, Json);
        var leave = await carla.Http.PostAsJsonAsync($"/api/nurses/{anneId}/absences", new { from = Today, to = Today, reason = "Leave" }, Json);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (week.StatusCode, leave.StatusCode));

        var client = await (await Host.SignIn("anne-zuilen-eigen")).Http.AddClient(team, "Gerrit Bakker");
        await Host.OpenAccount("gerrit-beschikbaar", Accounts.AccountRole.Client, client.Id);
        var page = await browser.SignedIn(Host, "gerrit-beschikbaar", "availability.html");
        await Expect(page.Locator("#page-problem")).ToHaveTextAsync("Deze pagina is voor wijkverpleegkundigen: hier geeft u uw eigen beschikbaarheid en verlof door.");
        await Expect(page.Locator(".site-nav a:visible")).ToHaveTextAsync(["Cliënt en familie", "Netwerk", "Mijn beschikbaarheid"]);
        await Expect(page.Locator("#availability")).ToBeHiddenAsync();
    }
}

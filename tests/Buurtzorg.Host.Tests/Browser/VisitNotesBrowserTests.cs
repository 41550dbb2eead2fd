using System.Net.Http.Json;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>
/// Visit notes (rapportage) on the client's page, in a real browser: the team's nurse writes and
/// corrects a note on a phone, the client and a relative with care-plan access read it, a relative
/// with agenda access never sees the section; phone and desktop, axe on each, screenshots kept.
/// </summary>
[Collection(ScreensCollection.Name)]
public sealed class VisitNotesBrowserTests(BrowserFixture browser, SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Desktop = new() { Width = 1366, Height = 900 };

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task The_nurse_writes_a_note_on_her_phone_the_client_and_care_plan_family_read_it_and_agenda_family_do_not_see_it()
    {
        var team = await Host.FoundTeam("Buurtzorg Ondiep");
        await Host.Hire(team, "Anne de Vries", "anne-ondiep");
        var anne = await Host.SignIn("anne-ondiep");
        var client = await anne.Http.AddClient(team, "Gerrit Bakker");
        var visit = await anne.Http.AddDailyVisit(team, client.Id);
        var sanne = await Relative(anne, client.Id, "Sanne Bakker", "CarePlan");
        var kees = await Relative(anne, client.Id, "Kees Bakker", "Agenda");
        await Host.OpenAccount("gerrit-ondiep", AccountRole.Client, client.Id);
        await Host.Link(await Host.OpenAccount("sanne-ondiep", AccountRole.Family), client.Id, sanne);
        await Host.Link(await Host.OpenAccount("kees-ondiep", AccountRole.Family), client.Id, kees);

        // The round page links a stop here with the visit: it is chosen already.
        var nurse = await browser.SignedIn(Host, "anne-ondiep", $"client.html?client={client.Id}&visit={visit.Id}");
        await nurse.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await Expect(nurse.Locator("#notes-heading")).ToHaveTextAsync("Rapportage");
        await Expect(nurse.GetByLabel("Over het bezoek")).ToHaveValueAsync(visit.Id.ToString());
        await nurse.GetByLabel("Wat zag u, wat is er veranderd?").FillAsync("Enkels gezwollen.\nHuisarts gebeld, komt morgen.");
        await Expect(nurse.Locator("#note-count")).ToHaveTextAsync("47 van 2000 tekens");
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Notitie opslaan" }).ClickAsync();
        var note = nurse.Locator("#note-list li.visit-note");
        await Expect(note).ToHaveCountAsync(1);
        await Expect(note.Locator(".note-text")).ToHaveTextAsync("Enkels gezwollen.\nHuisarts gebeld, komt morgen.");
        await Expect(note.Locator(".note-meta")).ToContainTextAsync("Anne de Vries · geschreven");
        await Expect(nurse.Locator("#announcer")).ToHaveTextAsync("De notitie is opgeslagen.");
        await Expect(nurse.GetByLabel("Wat zag u, wat is er veranderd?")).ToHaveValueAsync("");
        await Accessibility.AssertNoSeriousViolations(nurse, "nurse writing a visit note (phone)");
        await Save(nurse, "notes-nurse-phone");

        // A text the server refuses is shown at the form, and nothing is added.
        await nurse.GetByLabel("Wat zag u, wat is er veranderd?").FillAsync("Bel\u200B");
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Notitie opslaan" }).ClickAsync();
        await Expect(nurse.Locator("#note-form-problem")).ToContainTextAsync("Tekst: Hier staan tekens in die niet zijn toegestaan.");
        await Expect(nurse.GetByLabel("Wat zag u, wat is er veranderd?")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(note).ToHaveCountAsync(1);

        // She corrects her own note; the first text stays readable under it.
        await note.GetByRole(AriaRole.Button, new() { Name = "Corrigeren" }).ClickAsync();
        await note.Locator("textarea").FillAsync("Enkels gezwollen, links meer dan rechts.\nHuisarts gebeld, komt morgen.");
        await note.GetByRole(AriaRole.Button, new() { Name = "Correctie opslaan" }).ClickAsync();
        await Expect(note.Locator(".note-meta")).ToContainTextAsync("gecorrigeerd");
        await Expect(note.Locator(":scope > .note-text")).ToContainTextAsync("links meer dan rechts");
        await note.Locator("summary").ClickAsync();
        await Expect(note.Locator("summary")).ToHaveTextAsync("Eerdere tekst (1)");
        await Expect(note.Locator("details .note-text")).ToHaveTextAsync("Enkels gezwollen.\nHuisarts gebeld, komt morgen.");
        await Accessibility.AssertNoSeriousViolations(nurse, "nurse after correcting a visit note (phone)");
        await Save(nurse, "notes-nurse-corrected-phone");
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Grote tekst" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolations(nurse, "nurse with visit notes in large text (phone)");
        await Save(nurse, "notes-nurse-large-text-phone");
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Grote tekst" }).ClickAsync();

        await nurse.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        await Accessibility.AssertNoSeriousViolations(nurse, "nurse with visit notes (desktop)");
        await Save(nurse, "notes-nurse-desktop");

        await nurse.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(nurse.Locator("#notes-heading")).ToHaveTextAsync("Visit notes");
        await Expect(nurse.GetByRole(AriaRole.Button, new() { Name = "Save note" })).ToBeVisibleAsync();
        await Expect(note.Locator(".note-meta")).ToContainTextAsync("Anne de Vries · written");
        await Save(nurse, "notes-nurse-desktop-en");

        foreach (var (userName, name) in new[] { ("gerrit-ondiep", "client"), ("sanne-ondiep", "family-careplan") })
        {
            var reader = await browser.SignedIn(Host, userName, "client.html");
            await reader.SetViewportSizeAsync(Phone.Width, Phone.Height);
            var read = reader.Locator("#note-list li.visit-note");
            await Expect(read.Locator(":scope > .note-text")).ToContainTextAsync("links meer dan rechts");
            await Expect(read.Locator(".note-meta")).ToContainTextAsync("Anne de Vries");
            await Expect(reader.Locator("#note-form")).ToBeHiddenAsync();
            await Expect(read.GetByRole(AriaRole.Button, new() { Name = "Corrigeren" })).ToHaveCountAsync(0);
            await Accessibility.AssertNoSeriousViolations(reader, $"{name} reading visit notes (phone)");
            await Save(reader, $"notes-{name}-phone");
            await reader.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
            await Accessibility.AssertNoSeriousViolations(reader, $"{name} reading visit notes (desktop)");
            await Save(reader, $"notes-{name}-desktop");
        }

        var log = Host.App.Services.GetRequiredService<AccessLog>();
        var agenda = await browser.SignedIn(Host, "kees-ondiep", "client.html");
        await agenda.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await Expect(agenda.Locator($"#visit-days [data-visit='{visit.Id}']")).ToBeVisibleAsync();
        await Expect(agenda.Locator("#notes")).ToBeHiddenAsync();
        await Expect(agenda.Locator("body")).Not.ToContainTextAsync("links meer dan rechts");
        await Accessibility.AssertNoSeriousViolations(agenda, "family with agenda access (phone)");
        await Save(agenda, "notes-family-agenda-phone");

        // Every read of the notes is in the client's NEN 7513 log; the agenda relative's page did not even ask.
        var lines = (await log.ForClient(client.Id, 500)).Where(l => l.What == "Notes" && l.Action == "read").ToList();
        Assert.Contains(lines, l => l is { Name: "gerrit-ondiep", Allowed: true });
        Assert.Contains(lines, l => l is { Name: "sanne-ondiep", Allowed: true });
        Assert.DoesNotContain(lines, l => l.Name == "kees-ondiep");
    }

    /// <summary>The whole page, and the notes section alone at full size, to look at.</summary>
    private static async Task Save(IPage page, string name)
    {
        var path = await Screenshots.Save(page, name);
        var notes = page.Locator("#notes");
        if (await notes.IsVisibleAsync())
        {
            await notes.ScreenshotAsync(new() { Path = path.Replace(".png", "-section.png", StringComparison.Ordinal) });
        }
    }

    private static async Task<Guid> Relative(TestHost.Session nurse, Guid clientId, string name, string access)
    {
        var added = await nurse.Http.PostAsJsonAsync($"/api/clients/{clientId}/network", new { name, relation = "Family" }, TeamDay.Json);
        var member = (await added.Content.ReadFromJsonAsync<Contracts.Clients.ClientRecord>(TeamDay.Json))!.Network.Single(m => m.Details.Name == name).Id;
        (await nurse.Http.PutAsJsonAsync($"/api/clients/{clientId}/network/{member}/access", new { access }, TeamDay.Json)).EnsureSuccessStatusCode();
        return member;
    }
}

using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>
/// "Gegevens en account" on the client page at phone width: the client downloads everything held
/// about them in one file (and the care plan as FHIR); a relative closes their own account with
/// their password, after a wrong one is refused in words, and is gone from the network after.
/// </summary>
[Collection(ScreensCollection.Name)]
public sealed class PersonalDataBrowserTests(BrowserFixture browser, SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_client_downloads_their_data_and_a_relative_closes_their_account_on_a_phone()
    {
        var team = await Host.FoundTeam("Buurtzorg Gegevens");
        await Host.Hire(team, "Eline Bakker", "eline-data");
        var nurse = await Host.SignIn("eline-data");
        var client = (await nurse.Http.AddClient(team, "Gerda Smit", "Lange Nieuwstraat", "12")).Id;
        var added = await nurse.Http.PostAsJsonAsync($"/api/clients/{client}/network", new { name = "Marco Smit", relation = "Family" }, Json);
        added.EnsureSuccessStatusCode();
        var member = (await added.Content.ReadFromJsonAsync<ClientRecord>(Json))!.Network.Single().Id;
        (await nurse.Http.PutAsJsonAsync($"/api/clients/{client}/network/{member}/access", new { access = "Agenda" }, Json)).EnsureSuccessStatusCode();
        await Host.OpenAccount("gerda-data", AccountRole.Client, client);
        await Host.Link(await Host.OpenAccount("marco-data", AccountRole.Family), client, member);

        var page = await browser.SignedIn(Host, "gerda-data", "client.html");
        await page.SetViewportSizeAsync(390, 844);
        var panel = page.Locator("#my-data");
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Gegevens en account" })).ToBeVisibleAsync();
        var download = panel.GetByRole(AriaRole.Link, new() { Name = "Alle gegevens downloaden (zip)" });
        await Expect(download).ToHaveAttributeAsync("href", $"/api/clients/{client}/personal-data");
        var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        Assert.StartsWith("persoonsgegevens-", file.SuggestedFilename, StringComparison.Ordinal);
        using (var zip = System.IO.Compression.ZipFile.OpenRead((await file.PathAsync())!))
        {
            Assert.Equal(["access-log.json", "client.json", "fhir-bundle.json"], zip.Entries.Select(e => e.Name).Order());
        }

        await Expect(panel.GetByRole(AriaRole.Link, new() { Name = "Zorgplan als FHIR-bestand (voor huisarts of ziekenhuis)" })).ToBeVisibleAsync();
        await panel.ScrollIntoViewIfNeededAsync();
        await Accessibility.AssertNoSeriousViolations(page, "the client's data and account panel");
        await Screenshots.Save(page, "client-data-and-account-phone");

        var relative = await browser.SignedIn(Host, "marco-data", "client.html");
        await relative.SetViewportSizeAsync(390, 844);
        var own = relative.Locator("#my-data");
        // A relative with the agenda has no record to download, only their own account to close.
        await Expect(own.GetByRole(AriaRole.Link, new() { Name = "Alle gegevens downloaden (zip)" })).ToHaveCountAsync(0);
        relative.Dialog += (_, dialog) => dialog.AcceptAsync();
        await own.GetByLabel("Uw wachtwoord").FillAsync("not the password");
        await own.GetByRole(AriaRole.Button, new() { Name = "Account opheffen" }).ClickAsync();
        await Expect(own.Locator(".problem")).ToContainTextAsync("Het wachtwoord klopt niet.");

        await own.GetByLabel("Uw wachtwoord").FillAsync(TestHost.Password);
        await own.GetByRole(AriaRole.Button, new() { Name = "Account opheffen" }).ClickAsync();
        await Expect(relative).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("login\\.html"));

        var again = await Host.Http.PostAsJsonAsync("/api/account/sign-in", new { userName = "marco-data", password = TestHost.Password });
        Assert.NotEqual(HttpStatusCode.OK, again.StatusCode);
        var record = await nurse.Http.GetFromJsonAsync<ClientRecord>($"/api/clients/{client}", Json);
        Assert.Empty(record!.Network);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>
/// Refusals read in the visitor's language, chosen by the refusal's code and never the server's
/// English; and the care plan says who takes a task on in words that fit the one reading it.
/// On a phone (390 × 844), with axe and a screenshot of each state.
/// </summary>
[Collection(ScreensCollection.Name)]
public sealed class DutchRefusalsBrowserTests(BrowserFixture browser, SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_relative_opening_a_client_they_have_no_relation_with_reads_not_found_in_Dutch_then_in_English()
    {
        var family = await Family("Buurtzorg Lunetten", "ria-lunetten", "gerrit-lunetten");
        var stranger = await family.Anne.Http.AddClient(family.Team, "Johanna de Groot");

        var page = await OnPhone("ria-lunetten", $"client.html?client={stranger.Id}");

        var problem = page.Locator("#who-problem");
        await Expect(problem).ToHaveTextAsync("Niet gevonden. Hier is niets voor u.");
        await Expect(problem).Not.ToContainTextAsync("nothing here");
        await Expect(page.Locator("#client")).ToBeHiddenAsync();
        await Accessibility.AssertNoSeriousViolations(page, "relative refused a client");
        await Screenshots.Save(page, "refusal-not-found-nl-phone");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Expect(problem).ToHaveTextAsync("Not found. There is nothing here for you.");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#signed-in")).ToHaveTextAsync("Signed in as ria-lunetten");
        await Expect(page.Locator("#client-select option").First).ToHaveTextAsync("Choose…");
        await Screenshots.Save(page, "refusal-not-found-en-phone");
    }

    [Fact]
    public async Task A_relative_reads_their_own_tasks_as_theirs_and_the_client_reads_who_in_the_family_does_them()
    {
        var family = await Family("Buurtzorg Oog in Al", "ria-ooginal", "gerrit-ooginal");

        var relative = await OnPhone("ria-ooginal", "client.html");
        var tasks = relative.Locator("#plan-problems li");
        await Expect(tasks.Filter(new() { HasText = "Steunkousen uittrekken" })).ToContainTextAsync("Steunkousen uittrekken — u neemt dit op zich");
        await Expect(tasks.Filter(new() { HasText = "Boodschappen doen" })).ToContainTextAsync("Boodschappen doen — iemand anders uit het netwerk neemt dit op zich");
        await Accessibility.AssertNoSeriousViolations(relative, "relative's care plan");
        await Screenshots.Save(relative, "care-plan-relative-own-tasks-phone");

        await relative.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(tasks.Filter(new() { HasText = "Steunkousen uittrekken" })).ToContainTextAsync("Steunkousen uittrekken — you take this on");

        var client = await OnPhone("gerrit-ooginal", "client.html");
        var own = client.Locator("#plan-problems li");
        await Expect(own.Filter(new() { HasText = "Steunkousen uittrekken" })).ToContainTextAsync("Steunkousen uittrekken — uw dochter Ria Bakker neemt dit op zich");
        await Expect(own.Filter(new() { HasText = "Boodschappen doen" })).ToContainTextAsync("Boodschappen doen — Kees Smit neemt dit op zich");
        await Accessibility.AssertNoSeriousViolations(client, "client's care plan");
        await Screenshots.Save(client, "care-plan-client-family-tasks-phone");
        Assert.NotEqual(family.Ria, family.Kees);
    }

    [Fact]
    public async Task A_claim_a_colleague_won_by_a_hair_reads_as_taken_in_Dutch_then_in_English()
    {
        var team = await Host.FoundTeam("Buurtzorg Rivierenwijk");
        await Host.Hire(team, "Anne de Vries", "anne-rivierenwijk");
        await Host.Hire(team, "Bram Jansen", "bram-rivierenwijk");
        var anne = await Host.SignIn("anne-rivierenwijk");
        var bram = await Host.SignIn("bram-rivierenwijk");
        var visit = await anne.Http.AddDailyVisit(team, (await anne.Http.AddClient(team, "Johanna de Groot")).Id);
        var page = await OnPhone("anne-rivierenwijk", "nurse.html");
        // Bram's claim reaches the server just before Anne's.
        await page.RouteAsync($"**/visits/{visit.Id}/claim", async route =>
        {
            (await bram.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{visit.Id}/claim", new { }, Json)).EnsureSuccessStatusCode();
            await route.ContinueAsync();
        });

        await NursePage.OpenBoard(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Johanna de Groot om 08:00 oppakken" }).ClickAsync();

        var problem = page.Locator("#board-problem");
        await Expect(problem).ToContainTextAsync("Een collega was u voor: dit bezoek is al van iemand anders.");
        await Expect(problem).Not.ToContainTextAsync("Someone else");
        await Accessibility.AssertNoSeriousViolations(page, "nurse refused a taken visit");
        await Screenshots.Save(page, "refusal-visit-taken-nl-phone");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(problem).ToContainTextAsync("A colleague was first: someone else has this visit.");
    }

    private sealed record FamilyOf(Guid Team, TestHost.Session Anne, Guid Client, Guid Ria, Guid Kees);

    /// <summary>
    /// A client with a daughter (Ria, signed in, may read the care plan) and a neighbour (Kees);
    /// each takes on one task of the plan, the team one more.
    /// </summary>
    private async Task<FamilyOf> Family(string teamName, string riaAccount, string clientAccount)
    {
        var team = await Host.FoundTeam(teamName);
        await Host.Hire(team, "Anne de Vries", $"anne-{riaAccount}");
        var anne = await Host.SignIn($"anne-{riaAccount}");
        var client = await anne.Http.AddClient(team, "Gerrit Bakker");
        var ria = await AddMember(anne, client.Id, new { name = "Ria Bakker", relation = "Family", relationDescription = "dochter" });
        var kees = await AddMember(anne, client.Id, new { name = "Kees Smit", relation = "Neighbour" });
        (await anne.Http.PutAsJsonAsync($"/api/clients/{client.Id}/network/{ria}/access", new { access = "CarePlan" }, Json)).EnsureSuccessStatusCode();
        var plan = await anne.Http.GetFromJsonAsync<JsonElement>($"/api/clients/{client.Id}/care-plan", Json);
        var written = await anne.Http.PutAsJsonAsync($"/api/clients/{client.Id}/care-plan/problems/42", new
        {
            expectedVersion = plan.GetProperty("version").GetInt32(),
            changedBy = Guid.NewGuid(),
            scope = "Individual",
            type = "Actual",
            signsAndSymptoms = new[] { "fouten in dosering" },
            interventions = new object[]
            {
                Task("Insuline spuiten", "08:00", "10:00", "Team", null, "InjectionsAndMedication"),
                Task("Steunkousen uittrekken", "20:00", "21:00", "Network", ria, null),
                Task("Boodschappen doen", "10:00", "12:00", "Network", kees, null),
            },
        }, Json);
        Assert.True(written.StatusCode == HttpStatusCode.OK, await written.Content.ReadAsStringAsync());
        await Host.Link(await Host.OpenAccount(riaAccount, Accounts.AccountRole.Family), client.Id, ria);
        await Host.OpenAccount(clientAccount, Accounts.AccountRole.Client, client.Id);
        return new FamilyOf(team, anne, client.Id, ria, kees);
    }

    private static object Task(string description, string from, string to, string performedBy, Guid? member, string? qualification) => new
    {
        id = Guid.NewGuid(), category = "TreatmentsAndProcedures", targetCode = 39, description,
        timesPerPeriod = 1, period = "Day", windowStart = from, windowEnd = to, durationMinutes = 20,
        requiredQualification = qualification, twoNurses = false, performedBy, networkMemberId = member,
    };

    private static async Task<Guid> AddMember(TestHost.Session nurse, Guid clientId, object member)
    {
        var added = await nurse.Http.PostAsJsonAsync($"/api/clients/{clientId}/network", member, Json);
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var name = JsonSerializer.SerializeToElement(member, Json).GetProperty("name").GetString();
        return (await added.Content.ReadFromJsonAsync<ClientRecord>(Json))!.Network.Single(m => m.Details.Name == name).Id;
    }

    private async Task<IPage> OnPhone(string userName, string path)
    {
        var page = await browser.SignedIn(Host, userName, path);
        await page.SetViewportSizeAsync(390, 844);
        return page;
    }
}

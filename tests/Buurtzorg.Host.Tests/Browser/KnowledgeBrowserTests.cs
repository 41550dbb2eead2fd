using System.Net.Http.Json;
using Buurtzorg.Host.Teams;
using Buurtzorg.Host.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>
/// "Kennisnetwerk": a nurse asks the network under "wondzorg" and a nurse of another team who
/// follows it sees the question arrive on her phone while the page is open, answers, and the
/// asker marks it; a question naming a client of the asker's team, with her address, is refused
/// in Dutch beside the field, and nothing is posted.
/// </summary>
[Collection(ScreensCollection.Name)]
public sealed class KnowledgeBrowserTests(BrowserFixture browser, SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    private async Task<Guid> Team(string name, string region) =>
        (await Host.App.Services.GetRequiredService<IMediator>().Send(new CreateTeam(name, region))).Id;

    [Fact]
    public async Task A_question_under_wondzorg_reaches_a_follower_in_another_team_live_she_answers_and_the_asker_marks_it()
    {
        await Host.Hire(await Team("Buurtzorg Leiden Noord", "Zuid-Holland"), "Fleur Visser", "fleur-kennis");
        await Host.Hire(await Team("Buurtzorg Breda Ginneken", "Noord-Brabant"), "Lotte Smit", "lotte-kennis");

        // Lotte says what she knows and follows, on her phone.
        // A link to her own know-how keeps its place through the sign-in page.
        var lotte = await browser.SignedIn(Host, "lotte-kennis", "kennis.html#mijn-kennis");
        await lotte.SetViewportSizeAsync(390, 844);
        await Expect(lotte.Locator("#own-view")).ToBeVisibleAsync();
        await lotte.Locator("#own-topics").GetByLabel("Wondzorg").CheckAsync();
        await lotte.Locator("#own-following").GetByLabel("Wondzorg").CheckAsync();
        await lotte.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Expect(lotte.Locator("#announcer")).ToHaveTextAsync("Opgeslagen.");
        await lotte.GetByRole(AriaRole.Link, new() { Name = "Vragen", Exact = true }).ClickAsync();
        await Expect(lotte.Locator("#follow-hint")).ToBeHiddenAsync();

        // Fleur, at her desk, asks.
        var fleur = await browser.SignedIn(Host, "fleur-kennis", "kennis.html");
        await fleur.SetViewportSizeAsync(1280, 900);
        await Expect(fleur.Locator("#ask-topics input")).Not.ToHaveCountAsync(0);
        await fleur.GetByRole(AriaRole.Button, new() { Name = "Stel een vraag" }).ClickAsync();
        await fleur.GetByLabel("Uw vraag in één zin").FillAsync("Wie heeft ervaring met negatieve druktherapie thuis?");
        await fleur.GetByLabel("Toelichting").FillAsync("Een diepe wond aan het onderbeen geneest slecht. Hoe regelen jullie de pomp thuis?");
        await fleur.Locator("#ask-topics").GetByLabel("Wondzorg").CheckAsync();
        await fleur.GetByRole(AriaRole.Button, new() { Name = "Vraag plaatsen" }).ClickAsync();
        await Expect(fleur.Locator("#question-title")).ToHaveTextAsync("Wie heeft ervaring met negatieve druktherapie thuis?");

        // Lotte did nothing: the question arrives on her open page.
        var arrived = lotte.Locator("#question-list li", new() { HasText = "negatieve druktherapie" });
        await Expect(arrived).ToContainTextAsync("Fleur Visser, Buurtzorg Leiden Noord");
        await Expect(arrived.Locator(".tag")).ToHaveTextAsync("Wondzorg");
        await Screenshots.Save(lotte, "knowledge-question-arrived-phone");
        await arrived.GetByRole(AriaRole.Link).ClickAsync();
        await lotte.GetByLabel("Uw antwoord").FillAsync("Wij huren de pomp via de thuiszorgwinkel; de wondconsulent komt bij de eerste wissel.");
        await lotte.GetByRole(AriaRole.Button, new() { Name = "Antwoord plaatsen" }).ClickAsync();
        await Expect(lotte.Locator("#answer-list li")).ToHaveCountAsync(1);
        Assert.Empty(await lotte.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.id || e.className)"));
        await Accessibility.AssertNoSeriousViolations(lotte, "knowledge network question on a phone");

        // The answer arrives with the asker, who marks it as the most useful.
        var answer = fleur.Locator("#answer-list li");
        await Expect(answer).ToContainTextAsync("Lotte Smit, Buurtzorg Breda Ginneken");
        await answer.GetByRole(AriaRole.Button, new() { Name = "Dit hielp het meest" }).ClickAsync();
        await Expect(answer.Locator(".useful-tag")).ToHaveTextAsync("Meest nuttig");
        await Screenshots.Save(fleur, "knowledge-answer-marked-desktop");
    }

    [Fact]
    public async Task A_question_with_a_clients_name_and_address_is_refused_beside_the_field_in_dutch_and_nothing_is_posted()
    {
        var team = await Team("Buurtzorg Utrecht Zuilen", "Utrecht");
        await Host.Hire(team, "Anne Kok", "anne-kennis");
        var anne = await Host.SignIn("anne-kennis");
        await anne.Http.AddClient(team, "Wilhelmina Verhoeven", street: "Amsterdamsestraatweg", houseNumber: "410");

        var page = await browser.SignedIn(Host, "anne-kennis", "kennis.html");
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.Locator("#ask-topics input")).Not.ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Stel een vraag" }).ClickAsync();
        await page.GetByLabel("Uw vraag in één zin").FillAsync("Vraag over stomazorg");
        await page.GetByLabel("Toelichting").FillAsync("Mevrouw Verhoeven op de Amsterdamsestraatweg 410 heeft een lekkend stomazakje.");
        await page.Locator("#ask-topics").GetByLabel("Stomazorg").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vraag plaatsen" }).ClickAsync();

        var error = page.Locator("#ask-text-error");
        await Expect(error).ToContainTextAsync("Hier staat de naam van een cliënt van uw team.");
        await Expect(error).ToContainTextAsync("Hier staat een adres (straat en huisnummer).");
        await Expect(page.GetByLabel("Toelichting")).ToHaveAttributeAsync("aria-invalid", "true");
        await Screenshots.Save(page, "knowledge-question-refused-phone");

        Assert.Empty((await anne.Http.GetFromJsonAsync<List<Contracts.Knowledge.QuestionSummary>>("/api/questions?mine=true", Json))!);
    }
}

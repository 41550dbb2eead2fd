using Buurtzorg.Host.Tests.Browser;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Security;

/// <summary>
/// Joining a team in the web client, in a real headless Chromium: a nurse of another team asks on
/// the teams page and sees nothing of the team; her future colleague sees the request arrive on her
/// open team page without a reload and accepts it; the asking nurse's team page is then the new one.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class JoinRequestBrowserTests(BrowserFixture browser, SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_nurse_asks_to_join_on_the_teams_page_and_a_future_colleague_accepts_her_without_a_reload()
    {
        var lombok = await Host.FoundTeam("Buurtzorg Lombok");
        var zuilen = await Host.FoundTeam("Buurtzorg Zuilen");
        await Host.Hire(lombok, "Anne de Wit", "anne-join");
        var carla = await Host.Hire(zuilen, "Carla Smit", "carla-join");
        var anneSession = await Host.SignIn("anne-join");
        await anneSession.Http.AddClient(lombok, "Johanna de Groot");

        var anne = await browser.SignedIn(Host, "anne-join", "index.html");
        await Expect(anne.Locator("#team-heading")).ToHaveTextAsync("Buurtzorg Lombok");
        await Expect(anne.Locator("#join-requests-section")).ToBeHiddenAsync();
        await anne.EvaluateAsync("() => { window.notReloaded = true; }");

        var asker = await browser.SignedIn(Host, "carla-join", "index.html");
        await Expect(asker.Locator("#team-heading")).ToHaveTextAsync("Buurtzorg Zuilen");
        await asker.Locator("#team-list").GetByRole(AriaRole.Button, new() { Name = "Buurtzorg Lombok", Exact = true }).ClickAsync();
        await Expect(asker.Locator("#outside-heading")).ToHaveTextAsync("Buurtzorg Lombok");
        // Outside the team she sees no nurses, clients or problems: only the way to ask.
        await Expect(asker.Locator("#team-detail")).ToBeHiddenAsync();
        await Expect(asker.Locator("#team-problem")).ToBeEmptyAsync();
        await asker.GetByLabel("Bericht aan het team (mag leeg blijven)").FillAsync("Ik verhuis naar Lombok en werk graag bij jullie.");
        await asker.GetByRole(AriaRole.Button, new() { Name = "Vragen om erbij te komen" }).ClickAsync();
        await Expect(asker.Locator("#join-sent")).ToContainTextAsync("Uw vraag is verstuurd aan Buurtzorg Lombok");
        await Accessibility.AssertNoSeriousViolations(asker, "asking to join a team");
        await Screenshots.Save(asker, "join-asked");

        var request = anne.Locator("#join-requests li");
        await Expect(request).ToHaveCountAsync(1);
        await Expect(request).ToContainTextAsync("Carla Smit");
        await Expect(request).ToContainTextAsync("Ik verhuis naar Lombok en werk graag bij jullie.");
        await Accessibility.AssertNoSeriousViolations(anne, "team with a request to join");
        await Screenshots.Save(anne, "join-request-waiting");
        await anne.GetByRole(AriaRole.Button, new() { Name = "Carla Smit accepteren" }).ClickAsync();

        var newcomer = anne.Locator($"#nurse-list li[data-nurse-id='{carla}']");
        await Expect(newcomer).ToContainTextAsync("Verwelkomd door Anne de Wit");
        await Expect(anne.Locator("#join-requests-section")).ToBeHiddenAsync();
        Assert.True(await anne.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await Screenshots.Save(anne, "join-accepted");

        // Her own page now opens on her new team.
        await asker.GotoAsync("index.html");
        await Expect(asker.Locator("#team-heading")).ToHaveTextAsync("Buurtzorg Lombok");
        await Expect(asker.Locator($"#nurse-list li[data-nurse-id='{carla}']")).ToBeVisibleAsync();
    }
}

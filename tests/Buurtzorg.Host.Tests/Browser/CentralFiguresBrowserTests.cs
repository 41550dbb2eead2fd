using System.Net.Http.Json;
using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Demo;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Teams;
using Buurtzorg.Host.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>
/// Central staff's figures in Chromium on a phone and on a desktop: a team without evening nurses
/// shows its evening shortage, productivity is shown and explained, the twelve-week chart names
/// each team at its line and in a legend, wide tables say they scroll, and the CSV link downloads.
/// </summary>
[Collection(ScreensCollection.Name)]
public sealed class CentralFiguresBrowserTests(BrowserFixture browser, SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    [Theory]
    [InlineData("phone", 390, 844)]
    [InlineData("desktop", 1366, 900)]
    public async Task Central_staff_see_the_evening_shortage_productivity_and_twelve_weeks_per_team_and_download_the_csv(string screen, int width, int height)
    {
        var region = $"Utrecht {screen}";
        var (evenings, days) = await TwoTeams(region, screen);
        await Host.OpenAccount($"centraal-{screen}", AccountRole.Central);

        var page = await browser.SignedIn(Host, $"centraal-{screen}", $"central.html?region={Uri.EscapeDataString(region)}");
        await page.SetViewportSizeAsync(width, height);

        // Evening visits, and no nurse works after four: the evening is short, in words and marked.
        var evening = page.Locator($"#coverage-table tr[data-team='{evenings}'] td").Nth(2);
        await Expect(evening).ToContainTextAsync("te weinig aanbod");
        await Expect(evening).ToHaveAttributeAsync("data-mark", "short");
        await Expect(page.Locator($"#coverage-table tr[data-team='{days}'] td").Nth(2)).Not.ToHaveAttributeAsync("data-mark", "short");
        await Expect(page.Locator("#productivity-intro")).ToContainTextAsync("directe cliëntenuren gedeeld door contracturen");
        await Expect(page.Locator($"#teams-table tr[data-team='{days}'] td").Nth(5)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ %$"));

        // Each team has its line, its name at the line's end and a legend entry; the weeks before this one are the demo's.
        foreach (var team in new[] { evenings, days })
        {
            await Expect(page.Locator($"#trend-chart .trend-series[data-team='{team}'] path").First).ToBeVisibleAsync();
            await Expect(page.Locator($"#trend-chart .trend-label[data-team='{team}'] text")).Not.ToBeEmptyAsync();
            await Expect(page.Locator($"#trend-legend li[data-team='{team}']")).ToBeVisibleAsync();
        }

        await Expect(page.Locator("#trend-legend li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#trends-note")).ToContainTextAsync("gegenereerd");
        await Expect(page.Locator("#trend-table tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#trend-table thead th")).ToHaveCountAsync(13);

        // Nothing cut off: a table wider than the screen scrolls in its box, and says so.
        var overflowing = await page.EvaluateAsync<bool>("() => { const box = document.querySelector('#teams-table').parentElement; return box.scrollWidth > box.clientWidth + 1; }");
        await Expect(page.Locator("#teams-table").Locator("xpath=../preceding-sibling::p[1]")).ToBeVisibleAsync(new() { Visible = overflowing });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page itself scrolls sideways");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Cijfers downloaden (CSV)" }).ClickAsync());
        Assert.Equal($"capaciteit-{Today:yyyy-MM-dd}.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains($"Team;Buurtzorg Avondloos {screen};{region};", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        await Accessibility.AssertNoSeriousViolations(page, $"central figures ({screen})");
        var saved = await Screenshots.Save(page, $"central-figures-{screen}");
        // The chart and the coverage table close up, as they are on the screen.
        await page.Locator("section:has(#trends-heading)").ScreenshotAsync(new() { Path = Path.Combine(Path.GetDirectoryName(saved)!, $"central-trends-{screen}.png") });
        await page.Locator("#coverage-table").Locator("xpath=..").ScreenshotAsync(new() { Path = Path.Combine(Path.GetDirectoryName(saved)!, $"central-coverage-{screen}.png") });
    }

    /// <summary>
    /// Two teams of one region: one whose only nurse works 07:00-16:00 while its client needs an
    /// evening visit, one that works all day; each with the demo's twelve generated weeks behind it.
    /// </summary>
    private async Task<(Guid Evenings, Guid Days)> TwoTeams(string region, string screen)
    {
        var mediator = Host.App.Services.GetRequiredService<IMediator>();
        var evenings = (await mediator.Send(new CreateTeam($"Buurtzorg Avondloos {screen}", region))).Id;
        var days = (await mediator.Send(new CreateTeam($"Buurtzorg Rond de klok {screen}", region))).Id;
        await Host.Hire(evenings, "Anne de Vries", $"anne-avond-{screen}", from: "07:00", to: "16:00");
        await Host.Hire(days, "Bram Jansen", $"bram-dag-{screen}");
        var anne = await Host.SignIn($"anne-avond-{screen}");
        var bram = await Host.SignIn($"bram-dag-{screen}");
        await anne.Http.AddDailyVisit(evenings, (await anne.Http.AddClient(evenings, "Johanna de Groot")).Id, windowStart: "18:00", windowEnd: "20:00");
        await bram.Http.AddDailyVisit(days, (await bram.Http.AddClient(days, "Gerrit Bakker")).Id, windowStart: "18:00", windowEnd: "20:00");

        var overview = await EventuallyExtensions.Eventually(
            async () => (await anne.Http.GetFromJsonAsync<CapacityOverview>("/api/capacity", Json))!,
            o => o.Teams.Count(t => t.Region == region && t.DemandHoursPerWeek > 0 && t.SupplyHoursPerWeek > 0) == 2);
        var grains = Host.App.Services.GetRequiredService<IGrainFactory>();
        foreach (var (team, i) in overview.Teams.Where(t => t.Region == region).Select((t, i) => (t, i)))
        {
            await grains.GetGrain<ICapacityHistoryGrain>(team.TeamId).Backfill(DemoHistory.Before(team, CapacityHistory.WeekOf(Today), i));
        }

        return (evenings, days);
    }
}

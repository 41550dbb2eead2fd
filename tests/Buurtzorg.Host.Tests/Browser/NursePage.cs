using Microsoft.Playwright;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>The nurse page's views (Vandaag, a stop, Teambord, Voorstel), opened as she would: by tab or by tapping a line.</summary>
public static class NursePage
{
    /// <summary>The round's tab: "Vandaag" today, "Mijn ronde" on another day.</summary>
    public static Task OpenToday(IPage page) => Tab(page, "today");

    public static Task OpenBoard(IPage page) => Tab(page, "board");

    public static Task OpenProposal(IPage page) => Tab(page, "proposal");

    /// <summary>Taps the line of <paramref name="client"/> in the round on screen and waits for the stop to show.</summary>
    public static async Task<ILocator> OpenStop(IPage page, string client)
    {
        await OpenToday(page);
        await page.Locator("#round-list li", new() { HasText = client }).GetByRole(AriaRole.Link).ClickAsync();
        var stop = page.Locator("#view-stop");
        await Assertions.Expect(stop.GetByRole(AriaRole.Heading, new() { Name = client })).ToBeVisibleAsync();
        return stop;
    }

    private static async Task Tab(IPage page, string view)
    {
        var tab = page.Locator($".view-tabs a[data-view='{view}']");
        await tab.ClickAsync();
        await Assertions.Expect(tab).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page.Locator($"#view-{view}")).ToBeVisibleAsync();
    }
}

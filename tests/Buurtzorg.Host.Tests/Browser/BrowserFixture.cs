using Microsoft.Playwright;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>
/// One headless Chromium (the Debian package) for all browser tests. Playwright's own browser
/// download needs the internet, which test machines do not have; its bundled driver is enough.
/// A missing Chromium fails the tests with the command that installs it: never a silent skip.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath}. Install it with: apt-get install -y chromium");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            Headless = true,
            ExecutablePath = ChromiumPath,
            // Root in a container has no sandbox; the rest keeps Chromium from reaching out.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>A fresh context (its own storage and connections) on a phone-sized screen.</summary>
    public async Task<IPage> NewPage(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new() { Width = 412, Height = 915 },
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

using Buurtzorg.Host.Tests.Infrastructure;
using System.Text.RegularExpressions;
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

    private static readonly Regex OnSignInPage = new(@"/login\.html");

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath}. Install it with: apt-get install -y chromium");
        }

        // A host starting beside the other test classes' hosts can be slow on a two-core machine.
        Assertions.SetDefaultExpectTimeout(15_000);
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

    /// <summary>
    /// A fresh browser that opens <paramref name="path"/>, is sent to the sign-in page, signs in as
    /// a person would (password, then the code from the authenticator where the account has one),
    /// comes back to the page and waits until it is live. <paramref name="address"/> is where the
    /// browser goes when that is not the host itself (a balancer in front of a cluster).
    /// </summary>
    public async Task<IPage> SignedIn(TestHost host, string userName, string path, string password = TestHost.Password, string authenticatorKey = TestHost.AuthenticatorKey, Uri? address = null)
    {
        var page = await NewPage(address ?? host.Address);
        await page.GotoAsync(path);
        // Where the page is, polled rather than awaited as a navigation: the page's own redirect
        // can land before a navigation wait is set up, and that wait would then never end.
        await Assertions.Expect(page).ToHaveURLAsync(OnSignInPage);
        await page.GetByLabel("Gebruikersnaam").FillAsync(userName);
        await page.GetByLabel("Wachtwoord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        var code = page.GetByLabel("Code", new() { Exact = true });
        var signedIn = Assertions.Expect(page).Not.ToHaveURLAsync(OnSignInPage);
        if (await Task.WhenAny(signedIn, code.WaitForAsync()) != signedIn)
        {
            await code.FillAsync(await host.FreshCode(userName, authenticatorKey));
            await page.GetByRole(AriaRole.Button, new() { Name = "Bevestigen" }).ClickAsync();
            await Assertions.Expect(page).Not.ToHaveURLAsync(OnSignInPage);
        }

        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        return page;
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

/// <summary>
/// The screens' tests with a Chromium of their own: a second collection, so on a two-core machine
/// they run beside the older browser tests instead of after them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ScreensCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser screens";
}

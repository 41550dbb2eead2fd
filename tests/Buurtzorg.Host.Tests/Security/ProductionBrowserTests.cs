using Buurtzorg.Host.Tests.Browser;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.Security;

/// <summary>
/// In Production the session cookie is always Secure. Browsers keep and send Secure cookies of
/// a loopback address over plain HTTP, so the demo (Production, http://127.0.0.1:5080) still
/// signs in; this holds Chromium to that.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProductionBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly TempSqliteFile _file = new();
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartSecureOnSqlite(_file.Path, new Dictionary<string, string?>(), environment: "Production");

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task A_nurse_signs_in_over_plain_http_on_the_loopback_address_with_the_Secure_cookie_of_production()
    {
        var team = await _host.FoundTeam("Buurtzorg Zuilen");
        await _host.Hire(team, "Lotte de Boer", "lotte-production");

        var page = await browser.SignedIn(_host, "lotte-production", "nurse.html");

        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "buurtzorg.session");
        Assert.True(cookie.Secure);
        Assert.Equal(200, await page.EvaluateAsync<int>("async () => (await fetch('/api/account/me')).status"));
    }
}

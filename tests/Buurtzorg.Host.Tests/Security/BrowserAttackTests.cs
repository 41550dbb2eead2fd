using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Tests.Browser;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Security;

/// <summary>
/// Attacks a real headless Chromium carries out for a page: a page on another port of the same
/// host using the nurse's cookie, hostile "next" addresses after sign-in, and the content
/// security policy on every page of the web client.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserAttackTests(BrowserFixture browser, SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_page_on_another_port_can_neither_read_the_team_over_the_hub_nor_sign_the_nurse_out()
    {
        var team = await Host.FoundTeam("Buurtzorg Tuinwijk");
        await Host.Hire(team, "Willemijn Bos", "willemijn-attacked");
        var page = await browser.SignedIn(Host, "willemijn-attacked", "nurse.html");
        await using var attacker = await AttackerSite.Start(Host.Address, team);

        await page.GotoAsync(attacker.Address.ToString());
        await page.WaitForFunctionAsync("() => window.attack && window.attack.done");
        var hub = await page.EvaluateAsync<string>("() => window.attack.hub");

        Assert.StartsWith("refused", hub, StringComparison.Ordinal);
        Assert.DoesNotContain("Willemijn", hub, StringComparison.Ordinal);
        await page.GotoAsync(new Uri(Host.Address, "nurse.html").ToString());
        Assert.Equal(200, await page.EvaluateAsync<int>("async () => (await fetch('/api/account/me')).status"));
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
    }

    [Fact]
    public async Task Hostile_next_addresses_after_sign_in_never_lead_off_the_site()
    {
        string[] hostile = ["/\\evil.example", "/%5Cevil.example", "//evil.example", "https://evil.example", "/\t/evil.example", "/.//evil.example", "javascript:alert(1)"];
        for (var i = 0; i < hostile.Length; i++)
        {
            var userName = $"next-{i}";
            await Host.OpenAccount(userName, AccountRole.Client);
            var page = await browser.NewPage(Host.Address);
            var dialogs = 0;
            page.Dialog += (_, dialog) =>
            {
                dialogs++;
                _ = dialog.DismissAsync();
            };
            var next = hostile[i].Contains('%', StringComparison.Ordinal) ? hostile[i] : Uri.EscapeDataString(hostile[i]);
            await page.GotoAsync($"login.html?next={next}");
            await page.GetByLabel("Gebruikersnaam").FillAsync(userName);
            await page.GetByLabel("Wachtwoord").FillAsync(TestHost.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

            await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/login\.html"));
            var landed = new Uri(page.Url);
            Assert.True(landed.GetLeftPart(UriPartial.Authority) == Host.Address.GetLeftPart(UriPartial.Authority), $"next={hostile[i]} led to {page.Url}");
            Assert.Equal(0, dialogs);
            await page.Context.CloseAsync();
        }

        // A page of the site itself is still where signing in leads back to.
        await Host.OpenAccount("next-own", AccountRole.Client);
        var own = await browser.NewPage(Host.Address);
        await own.GotoAsync("login.html?next=%2Flogin.html%3Fback%3D1");
        await own.GetByLabel("Gebruikersnaam").FillAsync("next-own");
        await own.GetByLabel("Wachtwoord").FillAsync(TestHost.Password);
        await own.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Expect(own).ToHaveURLAsync(new Uri(Host.Address, "login.html?back=1").ToString());
    }

    [Fact]
    public async Task Inline_script_injection_is_blocked_by_the_policy_while_every_page_still_renders()
    {
        var team = await Host.FoundTeam("Buurtzorg Hoograven");
        await Host.Hire(team, "Sanne Mulder", "sanne-csp");
        var sanne = await Host.SignIn("sanne-csp");
        var client = await sanne.Http.AddClient(team, "Truus Visser");
        await Host.OpenAccount("truus-csp", AccountRole.Client, client.Id);
        await Host.OpenAccount("centraal-csp", AccountRole.Central);
        var violations = new List<string>();
        void Watch(IPage page) => page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };

        var login = await browser.NewPage(Host.Address);
        Watch(login);
        await login.GotoAsync("login.html");
        await Expect(login.GetByLabel("Gebruikersnaam")).ToBeVisibleAsync();
        var nurse = await browser.SignedIn(Host, "sanne-csp", "nurse.html");
        Watch(nurse);
        await nurse.ReloadAsync();
        await Expect(nurse.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        await nurse.GotoAsync("index.html");
        await Expect(nurse.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        var own = await browser.SignedIn(Host, "truus-csp", "client.html");
        Watch(own);
        await own.ReloadAsync();
        await Expect(own.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        var central = await browser.SignedIn(Host, "centraal-csp", "central.html");
        Watch(central);
        await central.ReloadAsync();
        await Expect(central.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        Assert.Empty(violations);

        // An injected inline script is what the policy is for: it must not run.
        await login.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.append(s); }");
        Assert.False(await login.EvaluateAsync<bool>("() => window.injected === true"));
    }

    [Fact]
    public async Task A_new_nurse_sets_up_her_authenticator_at_first_sign_in_with_the_set_up_token_and_lands_on_her_page()
    {
        var team = await Host.FoundTeam("Buurtzorg Overvecht");
        var nurseId = await Host.Hire(team, "Fatima El Amrani", "fatima-new");
        using (var scope = Host.App.Services.CreateScope())
        {
            // Hired nurses get the test key; this one starts without an authenticator.
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Account>>();
            var account = (await users.FindByNameAsync("fatima-new"))!;
            await users.SetTwoFactorEnabledAsync(account, false);
        }

        foreach (var (width, height, name) in new[] { (1280, 800, "desktop"), (390, 844, "phone") })
        {
            var page = await browser.NewPage(Host.Address);
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync("login.html");
            await Screenshots.Save(page, $"login-{name}");
        }

        var signIn = await browser.NewPage(Host.Address);
        await signIn.SetViewportSizeAsync(390, 844);
        await signIn.GotoAsync("nurse.html");
        await Expect(signIn).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/login\.html"));
        await signIn.GetByLabel("Gebruikersnaam").FillAsync("fatima-new");
        await signIn.GetByLabel("Wachtwoord").FillAsync(TestHost.Password);
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        var key = signIn.Locator("#setup-key");
        await Expect(key).Not.ToBeEmptyAsync();
        await Expect(signIn.Locator("#password-form")).ToBeHiddenAsync();
        await Accessibility.AssertNoSeriousViolations(signIn, "authenticator set-up");
        await Screenshots.Save(signIn, "login-authenticator-set-up-phone");
        await signIn.GetByLabel("Code uit uw app").FillAsync(await Host.FreshCode("fatima-new", (await key.TextContentAsync())!));
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Bevestigen" }).ClickAsync();

        await Expect(signIn).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/nurse\.html"));
        await Expect(signIn.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        Assert.NotEqual(Guid.Empty, nurseId);

        // Signing out in the page still works (it sends JSON).
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).ClickAsync();
        await Expect(signIn).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/login\.html"));
        Assert.Equal(401, await signIn.EvaluateAsync<int>("async () => (await fetch('/api/account/me')).status"));
    }

    /// <summary>Another origin on the same host (another port): its page tries the hub and a no-cors sign-out with the visitor's cookies.</summary>
    private sealed class AttackerSite : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private AttackerSite(WebApplication app, Uri address)
        {
            _app = app;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<AttackerSite> Start(Uri victim, Guid teamId)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var ws = $"ws://{victim.Authority}/hubs/schedule";
            var html = $$"""
                <!doctype html><html><head><title>attacker</title></head><body><script>
                window.attack = { done: false };
                (async () => {
                  window.attack.hub = await new Promise((resolve) => {
                    let got = "";
                    const socket = new WebSocket("{{ws}}");
                    socket.onopen = () => {
                      socket.send('{"protocol":"json","version":1}\u001e');
                      socket.send(JSON.stringify({ type: 1, invocationId: "1", target: "WatchTeam", arguments: ["{{teamId}}"] }) + "\u001e");
                    };
                    socket.onmessage = (e) => { got += e.data; if (got.includes('"invocationId":"1"')) resolve("read: " + got); };
                    socket.onerror = () => resolve("refused: " + got);
                    socket.onclose = (e) => resolve("refused (closed " + e.code + "): " + got);
                    setTimeout(() => resolve("timed out: " + got), 10000);
                  });
                  try {
                    await fetch("{{victim.GetLeftPart(UriPartial.Authority)}}/api/account/sign-out", { method: "POST", mode: "no-cors", credentials: "include", body: "x" });
                  } catch { }
                  window.attack.done = true;
                })();
                </script></body></html>
                """;
            app.MapGet("/", () => Results.Content(html, "text/html"));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new AttackerSite(app, new Uri(address));
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

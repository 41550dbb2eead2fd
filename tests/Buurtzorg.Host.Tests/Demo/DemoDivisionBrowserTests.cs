using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Demo;
using Buurtzorg.Host.Tests.Browser;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Demo;

/// <summary>In the demo, the printed accounts can try a division at once, and the page asks before it happens.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoDivisionBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Accepting_a_thirteenth_nurse_asks_first_and_divides_only_when_confirmed()
    {
        using var file = new TempSqliteFile();
        await using var host = await TestHost.StartSecureOnSqlite(file.Path, BuurtzorgApp.DemoFlag, "--contentRoot", Path.Combine(Repository.Root, "src", "Buurtzorg.Host"));
        var accounts = await host.App.Services.GetRequiredService<DemoAccounts>().Ensure(CancellationToken.None);
        string Key(string userName) => accounts.Single(a => a.UserName == userName).AuthenticatorKey!;
        var grains = host.App.Services.GetRequiredService<IGrainFactory>();
        Guid nurseId, newcomerId;
        using (var scope = host.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            nurseId = (await users.FindByNameAsync(DemoAccounts.Nurse))!.SubjectId!.Value;
            newcomerId = (await users.FindByNameAsync(DemoAccounts.Newcomer))!.SubjectId!.Value;
        }

        var twelve = (await grains.GetGrain<INurseGrain>(nurseId).Get())!.TeamId!.Value;
        var newcomer = await host.SignIn(DemoAccounts.Newcomer, DemoAccounts.Password, Key(DemoAccounts.Newcomer));
        Assert.Equal(HttpStatusCode.OK, (await newcomer.Http.PostAsJsonAsync($"/api/teams/{twelve}/join-requests", new { message = "Mag ik erbij?" })).StatusCode);
        var newcomerName = (await grains.GetGrain<INurseGrain>(newcomerId).Get())!.Profile.Name;

        var page = await browser.SignedIn(host, DemoAccounts.Nurse, "index.html", DemoAccounts.Password, Key(DemoAccounts.Nurse));
        await Expect(page.Locator("#join-requests li")).ToHaveCountAsync(1);
        await Accessibility.AssertNoSeriousViolations(page, "team at twelve with a join request");
        await Screenshots.Save(page, "demo-team-at-twelve");

        var asked = new List<string>();
        var agree = false;
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            await (agree ? dialog.AcceptAsync() : dialog.DismissAsync());
        };

        await page.Locator("#join-requests button.primary").ClickAsync();
        Assert.Equal($"Dit team heeft al twaalf wijkverpleegkundigen. Als u {newcomerName} accepteert, splitst het team zich in twee. Doorgaan?", Assert.Single(asked));
        await Expect(page.Locator("#join-requests li")).ToHaveCountAsync(1);
        Assert.False((await grains.GetGrain<ITeamGrain>(twelve).Get())!.IsDivided);

        agree = true;
        await page.Locator("#join-requests button.primary").ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex(twelve.ToString()));
        Assert.Equal(2, asked.Count);
        Assert.True((await grains.GetGrain<ITeamGrain>(twelve).Get())!.IsDivided);
        await Expect(page.Locator("#team-heading")).ToContainTextAsync("Buurtzorg");
    }
}

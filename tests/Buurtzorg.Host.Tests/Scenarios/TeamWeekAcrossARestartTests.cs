using System.Text.Json;
using System.Text.RegularExpressions;
using Buurtzorg.Host.Tests.Browser;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Scenarios;

/// <summary>
/// Two nurses of one team plan three days on their phones, as they would: they take visits from
/// the board, hand one over, take a proposal for the next day, put a round in their own order.
/// Then the host is stopped and started again with the README's demo command on the same
/// database, while both pages stay open behind the same address: they reconnect by themselves
/// and every day is as it was, on screen and in what the server answers.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TeamWeekAcrossARestartTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly TempSqliteFile _file = new();
    private TestHost _host = null!;
    private TcpSwitch _address = null!;
    private HostProcess? _restarted;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartSecureOnSqlite(_file.Path);
        _address = new TcpSwitch(_host.Address);
    }

    public async Task DisposeAsync()
    {
        await _address.DisposeAsync();
        if (_restarted is not null)
        {
            await _restarted.DisposeAsync();
        }

        await _host.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task Three_days_of_taking_handing_over_and_planning_survive_a_restart_with_the_demo_command()
    {
        var team = await _host.FoundTeam("Buurtzorg Tuinwijk");
        var anneId = await _host.Hire(team, "Anne de Vries", "anne-tuinwijk");
        var bramId = await _host.Hire(team, "Bram Jansen", "bram-tuinwijk");
        var setUp = await _host.SignIn("anne-tuinwijk");
        var clients = new[] { ("Johanna de Groot", "08:00", "10:00"), ("Gerrit Bakker", "08:30", "11:00"), ("Truus Visser", "09:00", "11:30") };
        foreach (var (name, from, to) in clients)
        {
            await setUp.Http.AddDailyVisit(team, (await setUp.Http.AddClient(team, name)).Id, from, to);
        }

        var anne = await browser.SignedIn(_host, "anne-tuinwijk", "nurse.html", address: _address.Address);
        var bram = await browser.SignedIn(_host, "bram-tuinwijk", "nurse.html", address: _address.Address);
        foreach (var page in new[] { anne, bram })
        {
            await Expect(page.Locator("#open-list li")).ToHaveCountAsync(3);
            await page.EvaluateAsync("() => { window.notReloaded = true; }");
        }

        // Day one: each takes from the board; Anne hands Gerrit over to Bram, who sees it at once.
        await NursePage.OpenBoard(anne);
        await NursePage.OpenBoard(bram);
        await anne.GetByRole(AriaRole.Button, new() { Name = "Johanna de Groot om 08:00 oppakken" }).ClickAsync();
        await anne.GetByRole(AriaRole.Button, new() { Name = "Gerrit Bakker om 08:30 oppakken" }).ClickAsync();
        await bram.GetByRole(AriaRole.Button, new() { Name = "Truus Visser om 09:00 oppakken" }).ClickAsync();
        await Expect(anne.Locator("#round-list li")).ToHaveCountAsync(2);
        var gerrit = await NursePage.OpenStop(anne, "Gerrit Bakker");
        await gerrit.GetByLabel("Overdragen aan").SelectOptionAsync(new SelectOptionValue { Label = "Bram Jansen" });
        await gerrit.GetByRole(AriaRole.Button, new() { Name = "Gerrit Bakker overdragen" }).ClickAsync();
        await Expect(anne.Locator("#round-problem")).ToBeEmptyAsync();
        await Expect(anne.Locator("#round-list li")).ToHaveCountAsync(1);
        await Expect(bram.Locator("#round-list li")).ToHaveCountAsync(2);
        await Expect(bram.Locator("#round-list li").Nth(0)).ToContainTextAsync("Gerrit Bakker");

        // Day two: Anne asks for a proposal and the team takes all of it.
        await anne.GetByRole(AriaRole.Button, new() { Name = "Volgende dag" }).ClickAsync();
        await bram.GetByRole(AriaRole.Button, new() { Name = "Volgende dag" }).ClickAsync();
        await Expect(anne.Locator("#open-list li")).ToHaveCountAsync(3);
        await NursePage.OpenProposal(anne);
        await anne.GetByRole(AriaRole.Button, new() { Name = "Vraag een voorstel" }).ClickAsync();
        await anne.GetByRole(AriaRole.Button, new() { Name = "Alles overnemen" }).ClickAsync();
        await Expect(anne.Locator("#open-list li")).ToHaveCountAsync(0);
        await Expect(bram.Locator("#open-list li")).ToHaveCountAsync(0);

        // Day three: Bram takes all three and puts Truus first.
        await anne.GetByRole(AriaRole.Button, new() { Name = "Volgende dag" }).ClickAsync();
        await bram.GetByRole(AriaRole.Button, new() { Name = "Volgende dag" }).ClickAsync();
        foreach (var (name, from, _) in clients)
        {
            await bram.GetByRole(AriaRole.Button, new() { Name = $"{name} om {from} oppakken" }).ClickAsync();
        }

        await Expect(bram.Locator("#round-list li")).ToHaveCountAsync(3);
        await Expect(bram.Locator("#round-list li").Nth(2)).ToContainTextAsync("Truus Visser");
        await NursePage.OpenStop(bram, "Truus Visser");
        await bram.GetByRole(AriaRole.Button, new() { Name = "Truus Visser eerder in de ronde" }).ClickAsync();
        await Expect(bram.Locator("#round-list li").Nth(1)).ToContainTextAsync("Truus Visser");
        await bram.GetByRole(AriaRole.Button, new() { Name = "Truus Visser eerder in de ronde" }).ClickAsync();
        await Expect(bram.Locator("#round-list li").Nth(0)).ToContainTextAsync("Truus Visser");
        await Expect(anne.Locator("#taken-list li")).ToHaveCountAsync(3);

        var before = await Rounds(anne, team, anneId, bramId);
        Assert.Equal(["Johanna de Groot"], before[(anneId, 0)]);
        Assert.Equal(["Gerrit Bakker", "Truus Visser"], before[(bramId, 0)]);
        Assert.Equal(3, before[(anneId, 1)].Count + before[(bramId, 1)].Count);
        Assert.Equal(["Truus Visser", "Johanna de Groot", "Gerrit Bakker"], before[(bramId, 2)]);

        // The host stops; the README's demo command starts it again on the same database.
        await _host.App.StopAsync();
        _restarted = await HostProcess.Start(new Dictionary<string, string?> { ["Storage:SqlitePath"] = _file.Path }, "--demo");
        _address.SwitchTo(_restarted.Address);

        foreach (var page in new[] { anne, bram })
        {
            await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 60_000 });
            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        }

        Assert.Equal(before, await Rounds(bram, team, anneId, bramId));
        await Expect(bram.Locator("#round-list li")).ToHaveCountAsync(3);
        await Expect(bram.Locator("#round-list li").Nth(0)).ToContainTextAsync("Truus Visser");
        await BackToToday(bram);
        await Expect(bram.Locator("#round-list li")).ToHaveCountAsync(2);
        await Expect(bram.Locator("#round-list li").Nth(0)).ToContainTextAsync("Gerrit Bakker");

        // Still one team that works: a change made now reaches the other page live.
        await BackToToday(anne);
        var johanna = await NursePage.OpenStop(anne, "Johanna de Groot");
        await NursePage.OpenBoard(bram);
        await johanna.GetByRole(AriaRole.Button, new() { Name = "Johanna de Groot teruggeven aan het team" }).ClickAsync();
        await Expect(anne.Locator("#round-problem")).ToBeEmptyAsync();
        await Expect(anne.Locator("#round-list li")).ToHaveCountAsync(0);
        await Expect(bram.Locator("#open-list li", new() { HasText = "Johanna de Groot" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolations(bram, "nurse round after a restart");
        await Screenshots.Save(anne, "week-after-restart-anne");
        await Screenshots.Save(bram, "week-after-restart-bram");
    }

    /// <summary>From the third day back to today, a day at a time, as she would tap.</summary>
    private static async Task BackToToday(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Vorige dag" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"date={Today.AddDays(1):yyyy-MM-dd}"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vorige dag" }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("date="));
    }

    /// <summary>Each nurse's round on each of the three days, as client names in her order, read by a signed-in page.</summary>
    private static async Task<Dictionary<(Guid Nurse, int Day), List<string>>> Rounds(IPage page, Guid team, params Guid[] nurses)
    {
        var rounds = new Dictionary<(Guid, int), List<string>>();
        foreach (var nurse in nurses)
        {
            for (var day = 0; day < 3; day++)
            {
                var json = await page.EvaluateAsync<JsonElement>(
                    "async (path) => (await fetch(path, { headers: { Accept: 'application/json' } })).json()",
                    $"/api/teams/{team}/rounds/{nurse}/{Today.AddDays(day):yyyy-MM-dd}");
                rounds[(nurse, day)] = [.. json.GetProperty("stops").EnumerateArray().Select(s => s.GetProperty("details").GetProperty("clientName").GetString()!)];
            }
        }

        return rounds;
    }
}

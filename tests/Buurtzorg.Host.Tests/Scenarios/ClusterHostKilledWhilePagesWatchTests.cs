using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Host.Rounds;
using Buurtzorg.Host.Tests.Browser;
using Buurtzorg.Host.Tests.Infrastructure;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;
using static Microsoft.Playwright.Assertions;

namespace Buurtzorg.Host.Tests.Scenarios;

/// <summary>
/// A two-host cluster on PostgreSQL behind a balancer. Two nurses have their round open through
/// the balancer on host A, a third straight on host B. Host A's process is killed outright (no
/// graceful stop); the balancer sends new connections to B. While B takes over A's grains the
/// nurses take visits through B; every page reconnects, watches again once B can serve it, and
/// ends showing exactly what is stored, live, with no error left on screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClusterHostKilledWhilePagesWatchTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly PostgresServer _database = new();
    private readonly string _clusterId = $"cluster-{Guid.NewGuid():N}";
    private HostProcess _hostA = null!;
    private TestHost _hostB = null!;
    private TcpSwitch _balancer = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _hostA = await HostProcess.Start(new Dictionary<string, string?>(TestCertificate.Cluster.Settings())
        {
            ["ConnectionStrings:Postgres"] = _database.ConnectionString,
            ["Orleans:ClusterId"] = _clusterId,
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
        });
        _hostB = await TestHost.StartSecureOnPostgres(_database.ConnectionString, _clusterId);
        _balancer = new TcpSwitch(_hostA.Address);
    }

    public async Task DisposeAsync()
    {
        await _balancer.DisposeAsync();
        await _hostB.DisposeAsync();
        await _hostA.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Every_page_converges_to_the_stored_schedule_after_the_host_it_watched_through_is_killed()
    {
        var team = await _hostB.FoundTeam("Buurtzorg Wittevrouwen");
        string[] names = ["Fleur Jansen", "Sanne de Boer", "Iris Mulder"];
        var nurses = new List<Guid>();
        for (var i = 0; i < names.Length; i++)
        {
            nurses.Add(await _hostB.Hire(team, names[i], $"ww-{i + 1}"));
        }

        var sessions = new[] { await _hostB.SignIn("ww-1"), await _hostB.SignIn("ww-2") };
        var visits = new List<Guid>();
        foreach (var client in new[] { "Gerrit Smit", "Truus van Dijk", "Kees Bakker", "Annie Visser" })
        {
            var record = await sessions[0].Http.AddClient(team, client);
            visits.Add((await sessions[0].Http.AddDailyVisit(team, record.Id)).Id);
        }

        // The team's grains are made through A, so some live there when it dies.
        using (var throughA = new HttpClient { BaseAddress = _hostA.Address })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await throughA.GetAsync($"/api/teams/{team}")).StatusCode);
        }

        var pages = new[]
        {
            await browser.SignedIn(_hostB, "ww-1", "nurse.html", address: _balancer.Address),
            await browser.SignedIn(_hostB, "ww-2", "nurse.html", address: _balancer.Address),
            await browser.SignedIn(_hostB, "ww-3", "nurse.html"),
        };
        foreach (var page in pages)
        {
            await Expect(page.Locator("#open-list li")).ToHaveCountAsync(visits.Count);
            await page.EvaluateAsync("() => { window.notReloaded = true; }");
        }

        _hostA.Kill();
        _balancer.SwitchTo(_hostB.Address);

        // Ward one and two take two visits each through B while it takes over what lived on A.
        var claimedBy = new Dictionary<Guid, Guid>();
        var failedTries = 0;
        for (var i = 0; i < visits.Count; i++)
        {
            var nurse = i < 2 ? 0 : 1;
            failedTries += await ClaimUntilStored(sessions[nurse], team, visits[i]);
            claimedBy[visits[i]] = nurses[nurse];
        }

        // What is stored, read over HTTP once B serves again: the state every page must show.
        var board = await EventuallyExtensions.Eventually(
            () => sessions[0].Http.GetAsync($"/api/teams/{team}/board/{Today:yyyy-MM-dd}"), response => response.IsSuccessStatusCode, Patience);
        var stored = (await board.Content.ReadFromJsonAsync<TeamBoard>(Json))!;
        foreach (var (visit, nurse) in claimedBy)
        {
            Assert.Equal([nurse], stored.Visits.Single(v => v.Visit.Id == visit).Visit.AssignedNurses);
        }

        for (var i = 0; i < pages.Length; i++)
        {
            var page = pages[i];
            await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = (float)Patience.TotalMilliseconds });
            foreach (var (visit, nurse) in claimedBy)
            {
                var where = nurse == nurses[i] ? "#round-list" : "#taken-list";
                // Her round is in the Vandaag view, colleagues' visits in the Teambord view: one shows at a time.
                await Expect(page.Locator($"{where} li[data-visit='{visit}']")).ToBeAttachedAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
            }

            await Expect(page.Locator("#open-list li")).ToHaveCountAsync(0);
            await Expect(page.Locator("#board-problem")).ToBeEmptyAsync();
            await Expect(page.Locator("#round-problem")).ToBeEmptyAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
            await Accessibility.AssertNoSeriousViolations(page, $"round after the host was killed ({i + 1})");
            await Screenshots.Save(page, $"cluster-host-killed-{i + 1}");
        }

        // How rough the take-over was for a person: recorded, not asserted (fault figures belong to the fault harness).
        Console.WriteLine($"claims answered with an error while B took over: {failedTries}");
    }

    /// <summary>Sends the claim again, as a nurse taps again, until the schedule has it.</summary>
    private static async Task<int> ClaimUntilStored(Infrastructure.TestHost.Session session, Guid team, Guid visit)
    {
        var deadline = DateTime.UtcNow + Patience;
        var failures = 0;
        while (true)
        {
            try
            {
                using var response = await session.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{visit}/claim", new { });
                if (response.IsSuccessStatusCode)
                {
                    return failures;
                }

                Assert.True((int)response.StatusCode >= 500, $"claim of {visit}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            failures++;
            Assert.True(DateTime.UtcNow < deadline, $"the claim of {visit} was not stored within {Patience.TotalSeconds} s");
            await Task.Delay(250);
        }
    }
}

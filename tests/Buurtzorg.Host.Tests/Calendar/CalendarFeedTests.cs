using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Calendar;
using Buurtzorg.Host.Rounds;
using Buurtzorg.Host.Tests.Access;
using Buurtzorg.Host.Tests.Infrastructure;
using Buurtzorg.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;

namespace Buurtzorg.Host.Tests.Calendar;

/// <summary>
/// iCalendar feeds behind secret links (issue 19, item 8), read as a calendar app reads them:
/// without a session. The feed shows what the owner's page shows and less (no surname, nothing of
/// the care plan), a new link ends the old one, withdrawn rights end the feed, and every read is
/// in the client's access log.
/// </summary>
public sealed class CalendarFeedTests(CalendarWorld calendar, ITestOutputHelper output) : IClassFixture<CalendarWorld>
{
    private const string Via = "GET /api/calendar/{secret}.ics";

    // What Anne's and Johanna's pages show to those who may see it, and no calendar service gets.
    private static readonly string[] NeverInAFeed = ["Groot", "de Wit", "0302314567", "Insuline", "Medication", "Medicatie"];

    private AccessWorld World => calendar.World;

    private string RoundPath => $"/api/nurses/{World.NurseA1}/calendar";

    private string ClientPath => $"/api/clients/{World.ClientA}/calendar";

    [Fact]
    public async Task A_nurses_feed_is_her_round_at_its_planned_times_with_the_clients_first_name_and_address_and_the_read_is_logged_per_client()
    {
        var anne = World.Http(Who.NurseOfTheTeam);
        var account = await AccountOf(Who.NurseOfTheTeam);
        var url = await CalendarWorld.MakeLink(anne, RoundPath);
        var before = await FeedReads(account);

        var (feed, text) = await calendar.Feed(url);
        output.WriteLine(text);

        var stops = new List<RoundStop>();
        for (var day = Today.AddDays(-GetRoundCalendar.DaysBack); day < Today.AddDays(ScheduleHorizon.Days); day = day.AddDays(1))
        {
            stops.AddRange((await anne.GetFromJsonAsync<RoundView>($"/api/teams/{World.TeamA}/rounds/{World.NurseA1}/{day:yyyy-MM-dd}", Json))!.Stops.Select(s => s.Stop));
        }

        Assert.Equal(2, stops.Count);
        Assert.Equal(stops.Count, feed.Events.Count);
        foreach (var stop in stops)
        {
            var visit = Assert.Single(feed.Events, e => CalendarWorld.VisitIdOf(e) == stop.Visit.Id.ToString("N"));
            Assert.Equal(FeedCalendar.TimeZone, visit.Start!.TzId);
            Assert.Equal(stop.Visit.Date.ToDateTime(stop.PlannedStart), visit.Start.Value);
            Assert.Equal(stop.Visit.Date.ToDateTime(stop.PlannedEnd), visit.End!.Value);
            Assert.Equal("Bezoek Johanna", visit.Summary);
            Assert.Equal("Oudegracht 231, 3511 NK Utrecht", visit.Location);
            Assert.NotNull(visit.DtStamp);
        }

        Assert.Contains("X-WR-CALNAME:Buurtzorg – mijn ronde", text, StringComparison.Ordinal);
        // The zone's rules travel with it: winter time and summer time.
        var zone = Assert.Single(feed.TimeZones, z => z.TzId == FeedCalendar.TimeZone);
        Assert.Contains("BEGIN:STANDARD", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:DAYLIGHT", text, StringComparison.Ordinal);
        Assert.NotEmpty(zone.TimeZoneInfos);
        Assert.All(NeverInAFeed, kept => Assert.DoesNotContain(kept, text, StringComparison.OrdinalIgnoreCase));

        // As her round page is logged: a read of the record of each client it shows, hers, via the feed.
        var line = Assert.Single((await FeedReads(account)).Skip(before.Count));
        Assert.Equal(("Nurse", "read", "Record", true), (line.Role, line.Action, line.What, line.Allowed));
        Assert.DoesNotContain((await Log.All()), l => l.Via.Contains(Secret(url), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Who.TheClient)]
    [InlineData(Who.FamilyWithAgenda)]
    [InlineData(Who.FamilyWithCarePlan)]
    public async Task A_clients_feed_shows_who_comes_when_by_first_name_as_the_page_does_without_what_for_and_the_read_is_in_the_clients_access_log(Who who)
    {
        var http = World.Http(who);
        var url = await CalendarWorld.MakeLink(http, ClientPath);
        var page = (await http.GetFromJsonAsync<ClientVisits>($"/api/clients/{World.ClientA}/visits", Json))!;

        var (feed, text) = await calendar.Feed(url);

        Assert.True(page.Visits.Count >= 2, $"{page.Visits.Count} visits on the page");
        Assert.Equal(page.Visits.Count, feed.Events.Count);
        foreach (var shown in page.Visits)
        {
            var visit = Assert.Single(feed.Events, e => CalendarWorld.VisitIdOf(e) == shown.VisitId.ToString("N"));
            Assert.Equal(shown.Date.ToDateTime(shown.WindowStart), visit.Start!.Value);
            Assert.Equal(shown.Date.ToDateTime(shown.WindowEnd), visit.End!.Value);
            Assert.Equal(shown.NurseFirstNames.Count == 0 ? "Buurtzorg: nog niet bekend wie komt" : $"Buurtzorg: {Assert.Single(shown.NurseFirstNames)} komt", visit.Summary);
        }

        Assert.Equal(2, feed.Events.Count(e => e.Summary == "Buurtzorg: Anne komt"));
        // Johanna's and Sanne's pages say what the visits are for; their calendars do not.
        Assert.Equal(who != Who.FamilyWithAgenda, page.Visits.Any(v => v.WhatFor is not null));
        Assert.All(NeverInAFeed, kept => Assert.DoesNotContain(kept, text, StringComparison.OrdinalIgnoreCase));

        // Johanna reads in her own log that this account read her visits, through the feed.
        var account = await AccountOf(who);
        var log = (await World.Http(Who.TheClient).GetFromJsonAsync<List<AccessLogEntry>>($"/api/clients/{World.ClientA}/access-log", Json))!;
        var line = log.First(l => l.Via == Via && l.AccountId == account);
        Assert.Equal((World.ClientA, "read", "Agenda", true), (line.ClientId, line.Action, line.What, line.Allowed));
    }

    [Theory]
    [InlineData(Who.NurseOfTheTeam, true)]
    [InlineData(Who.FamilyWithAgenda, false)]
    public async Task A_new_link_ends_the_old_one_and_withdrawing_it_ends_the_new_one(Who who, bool round)
    {
        var http = World.Http(who);
        var path = round ? RoundPath : ClientPath;
        var first = await CalendarWorld.MakeLink(http, path);
        await calendar.Feed(first);

        var second = await CalendarWorld.MakeLink(http, path);

        Assert.NotEqual(first, second);
        await calendar.AssertGone(first);
        await calendar.Feed(second);
        var shown = (await http.GetFromJsonAsync<CalendarLink>(path, Json))!;
        Assert.True(shown.Active);
        Assert.Null(shown.Url);

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync(path)).StatusCode);

        await calendar.AssertGone(second);
        Assert.False((await http.GetFromJsonAsync<CalendarLink>(path, Json))!.Active);
        // A link nobody made is answered the same way.
        await calendar.AssertGone(new Uri(World.Host.Address, $"/api/calendar/{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}.ics").ToString());
    }

    [Fact]
    public async Task A_relative_whose_access_the_client_withdraws_finds_the_feed_gone_and_the_attempt_is_in_the_clients_log()
    {
        var (member, wim, account) = await calendar.NewRelative("Wim de Groot", "wim-agenda", "Agenda");
        var url = await CalendarWorld.MakeLink(wim.Http, ClientPath);
        await calendar.Feed(url);

        await calendar.SetAccess(member, "None");

        await calendar.AssertGone(url);
        var log = (await World.Http(Who.TheClient).GetFromJsonAsync<List<AccessLogEntry>>($"/api/clients/{World.ClientA}/access-log", Json))!;
        Assert.Contains(log, l => l.AccountId == account && l.Via == Via && !l.Allowed);
        Assert.Contains(log, l => l.AccountId == account && l.Via == Via && l.Allowed);
    }

    [Fact]
    public async Task A_nurse_who_left_her_team_and_a_deleted_account_find_their_feeds_gone()
    {
        var dirk = await World.Host.Hire(World.TeamA, "Dirk Visser", "dirk-agenda");
        var session = await World.Host.SignIn("dirk-agenda");
        var roundUrl = await CalendarWorld.MakeLink(session.Http, $"/api/nurses/{dirk}/calendar");
        await calendar.Feed(roundUrl);
        var (_, rita, ritaAccount) = await calendar.NewRelative("Rita de Groot", "rita-agenda", "Agenda");
        var clientUrl = await CalendarWorld.MakeLink(rita.Http, ClientPath);
        await calendar.Feed(clientUrl);

        Assert.Equal(HttpStatusCode.OK, (await session.Http.DeleteAsync($"/api/nurses/{dirk}/team")).StatusCode);
        var accounts = World.Host.App.Services.GetRequiredService<AccountStore>();
        await accounts.DeleteAsync((await accounts.FindByIdAsync(ritaAccount.ToString(), default))!, default);

        await calendar.AssertGone(roundUrl);
        await calendar.AssertGone(clientUrl);
    }

    [Fact]
    public async Task A_nurse_subscribes_to_her_round_not_to_a_clients_visits_and_not_to_a_colleagues_round()
    {
        var anne = World.Http(Who.NurseOfTheTeam);

        await ProblemAssert.Problem(await anne.PostAsJsonAsync(ClientPath, new { }, Json), HttpStatusCode.Forbidden, "client and their family");
        await ProblemAssert.Problem(await anne.PostAsJsonAsync($"/api/nurses/{World.NurseA2}/calendar", new { }, Json), HttpStatusCode.NotFound, "nothing here");
    }

    [Fact]
    public async Task The_table_keeps_only_a_hash_of_the_secret()
    {
        var url = await CalendarWorld.MakeLink(World.Http(Who.FamilyWithAgenda), ClientPath);
        var secret = Secret(url);

        var rows = new List<string[]>();
        await using (var connection = SchemaMigrator.Open(World.Host.App.Services.GetRequiredService<ClusterSettings>().Storage))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM calendar_feed;";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "")]);
            }
        }

        Assert.NotEmpty(rows);
        Assert.All(rows.SelectMany(r => r), value => Assert.DoesNotContain(secret, value, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))));
        Assert.Equal(43, secret.Length);
    }

    private AccessLog Log => World.Host.App.Services.GetRequiredService<AccessLog>();

    /// <summary>Johanna's log lines of this account reading through a feed, oldest first.</summary>
    private async Task<List<AccessLogEntry>> FeedReads(Guid account) =>
        [.. (await Log.All()).Where(l => l.ClientId == World.ClientA && l.Via == Via && l.AccountId == account)];

    private static string Secret(string url) => url[(url.LastIndexOf('/') + 1)..^".ics".Length];

    private async Task<Guid> AccountOf(Who who) =>
        (await World.Http(who).GetFromJsonAsync<JsonObject>("/api/account/me", Json))!["accountId"]!.GetValue<Guid>();
}

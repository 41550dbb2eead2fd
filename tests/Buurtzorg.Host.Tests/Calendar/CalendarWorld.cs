using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Calendar;
using Buurtzorg.Host.Tests.Access;
using Buurtzorg.Host.Tests.Infrastructure;
using Ical.Net.CalendarComponents;

namespace Buurtzorg.Host.Tests.Calendar;

/// <summary>
/// The access tests' world (team A with nurse Anne de Wit, client Johanna de Groot with a daily
/// visit and two relatives, real sign-ins), with today's and tomorrow's visits in Anne's round, and what the
/// calendar tests do with it: make links, read feeds as a calendar app does (no cookie).
/// </summary>
public sealed class CalendarWorld : IAsyncLifetime
{
    public AccessWorld World { get; } = new();

    public TestHost Host => World.Host;

    /// <summary>A calendar app: no session, no cookies.</summary>
    public HttpClient App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await World.InitializeAsync();
        App = new HttpClient { BaseAddress = Host.Address, Timeout = TimeSpan.FromSeconds(30) };
        // Today's visit and tomorrow's in Anne's round: a feed of more than one day.
        var anne = World.Http(Who.NurseOfTheTeam);
        var tomorrow = TeamDay.Today.AddDays(1);
        var next = (await anne.GetFromJsonAsync<ScheduleView>($"/api/teams/{World.TeamA}/visits?from={tomorrow:yyyy-MM-dd}&to={tomorrow:yyyy-MM-dd}", TeamDay.Json))!
            .Visits.Single(v => v.ClientId == World.ClientA);
        foreach (var visit in new[] { World.VisitA.Id, next.Id })
        {
            var claimed = await anne.PostAsJsonAsync($"/api/teams/{World.TeamA}/visits/{visit}/claim", new { }, TeamDay.Json);
            Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        }
    }

    public async Task DisposeAsync()
    {
        App.Dispose();
        await World.DisposeAsync();
    }

    /// <summary>Makes (or replaces) the link at <paramref name="path"/> as the signed-in caller and returns it.</summary>
    public static async Task<string> MakeLink(HttpClient http, string path)
    {
        var made = await http.PostAsJsonAsync(path, new { }, TeamDay.Json);
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var link = (await made.Content.ReadFromJsonAsync<CalendarLink>(TeamDay.Json))!;
        Assert.True(link.Active);
        return link.Url!;
    }

    /// <summary>Reads a feed as a calendar app does and parses it with Ical.Net.</summary>
    public async Task<(Ical.Net.Calendar Calendar, string Text)> Feed(string url)
    {
        using var response = await App.GetAsync(new Uri(url));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        Assert.Equal(FeedCalendar.ContentType, response.Content.Headers.ContentType?.ToString());
        Assert.True(response.Headers.CacheControl?.NoStore, "a feed of health data may be kept by no cache");
        return (Ical.Net.Calendar.Load(text)!, text);
    }

    /// <summary>A feed that is gone answers exactly as a link that never was.</summary>
    public async Task AssertGone(string url)
    {
        using var response = await App.GetAsync(new Uri(url));
        await ProblemAssert.Problem(response, HttpStatusCode.NotFound, "nothing here");
        Assert.Contains(AccessGate.NotFoundDetail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A new relative of Johanna with their own account, at the given access, signed in.</summary>
    public async Task<(Guid Member, TestHost.Session Session, Guid Account)> NewRelative(string name, string userName, string access)
    {
        var nurse = World.Http(Who.NurseOfTheTeam);
        var added = await nurse.PostAsJsonAsync($"/api/clients/{World.ClientA}/network", new { name, relation = "Family" }, TeamDay.Json);
        added.EnsureSuccessStatusCode();
        var member = (await added.Content.ReadFromJsonAsync<JsonObject>())!["network"]!.AsArray().Single(m => (string?)m!["details"]!["name"] == name)!["id"]!.GetValue<Guid>();
        await SetAccess(member, access);
        var account = await Host.OpenAccount(userName, Accounts.AccountRole.Family);
        await Host.Link(account, World.ClientA, member);
        return (member, await Host.SignIn(userName), account.Id);
    }

    /// <summary>What Johanna lets a person of her network see, set by Johanna herself.</summary>
    public async Task SetAccess(Guid member, string access)
    {
        var set = await World.Http(Who.TheClient).PutAsJsonAsync($"/api/clients/{World.ClientA}/network/{member}/access", new { access }, TeamDay.Json);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
    }

    public static string VisitIdOf(CalendarEvent visit) => visit.Uid!.Split('.')[0];
}

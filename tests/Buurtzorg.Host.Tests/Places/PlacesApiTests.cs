using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Nurses;
using Buurtzorg.Host.Teams;
using Buurtzorg.Host.Teams.Joining;
using Buurtzorg.Host.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using static Buurtzorg.Host.Tests.Infrastructure.EventuallyExtensions;

namespace Buurtzorg.Host.Tests.Places;

/// <summary>
/// Open places over real HTTP with real sign-ins: a team posts and closes its own, a nurse finds
/// them by distance from her home (not her own team's), who may call what, and what central staff
/// see per region. Each test works in its own part of the country, so the tests sharing the host
/// do not find each other's places.
/// </summary>
public sealed class PlacesApiTests(SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    private IMediator Mediator => Host.App.Services.GetRequiredService<IMediator>();

    public static TheoryData<string, string> BadPlaces => new()
    {
        { """{"hoursPerWeek":0}""", "hoursPerWeek" },
        { """{"hoursPerWeek":41}""", "hoursPerWeek" },
        { """{}""", "hoursPerWeek" },
        { """{"hoursPerWeek":24,"note":"x"}""".Replace("\"x\"", $"\"{new string('x', 301)}\"", StringComparison.Ordinal), "note" },
        { """{"hoursPerWeek":24,"neighbourhood":"Oude\nWijk"}""", "neighbourhood" },
        { """{"hoursPerWeek":24,"qualification":"Juggling"}""", "qualification" },
        { """{"hoursPerWeek":24,"qualification":2}""", "qualification" },
    };

    [Theory]
    [MemberData(nameof(BadPlaces))]
    public async Task Posting_a_place_with_bad_input_is_a_400_naming_the_field_and_posts_nothing(string body, string field)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var team = await Found($"Buurtzorg Veendam {suffix}", "Groningen");
        await Nurse(team, "Els Bos", $"els-{suffix}", 53.106, 6.875);
        var els = await Host.SignIn($"els-{suffix}");

        var response = await els.Http.PostAsync($"/api/teams/{team}/open-places", new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemAssert.Problem(response, HttpStatusCode.BadRequest, field);
        Assert.Empty(await els.Http.GetFromJsonAsync<JsonElement[]>($"/api/teams/{team}/open-places", TeamDay.Json) ?? []);
    }

    [Fact]
    public async Task A_nurse_finds_the_places_near_her_home_nearest_first_without_her_own_teams_and_nothing_of_the_teams_clients()
    {
        // Around Zwolle (52.51, 6.09): her team's place at her door, one team 2 km off, one 9 km, one 60 km.
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var own = await Found($"Buurtzorg Assendorp {suffix}", "Overijssel");
        var near = await Found($"Buurtzorg Stadshagen {suffix}", "Overijssel");
        var further = await Found($"Buurtzorg Hattem {suffix}", "Gelderland");
        var far = await Found($"Buurtzorg Enschede {suffix}", "Overijssel");
        var lies = await Nurse(own, "Lies Mulder", $"lies-{suffix}", 52.505, 6.095);
        await Nurse(near, "Mira Kok", $"mira-{suffix}", 52.523, 6.090);
        await Nurse(further, "Nora Smit", $"nora-{suffix}", 52.475, 5.98);
        await Nurse(far, "Olga Visser", $"olga-{suffix}", 52.22, 6.89);
        await Post($"lies-{suffix}", own, 24, null);
        var nearPlace = await Post($"mira-{suffix}", near, 20, Qualification.WoundCare, "Ook voor nieuwkomers.");
        var furtherPlace = await Post($"nora-{suffix}", further, 16, null);
        var farPlace = await Post($"olga-{suffix}", far, 32, null);
        // A client of the near team (after its place was posted, so the place stays where it was): nothing of them may show.
        var mira = await Host.SignIn($"mira-{suffix}");
        var client = await mira.Http.AddClient(near, "Johanna Stadshagen");
        var session = await Host.SignIn($"lies-{suffix}");

        // Other tests' places lie more than 50 km away; only this test's teams are looked at.
        var found = await Eventually(() => Ours(NearMe(session, null), suffix), f => f.Places.Count == 2);

        Assert.Equal(25d, found.WithinKm);
        Assert.Equal([nearPlace, furtherPlace], found.Places.Select(p => p.PlaceId));
        Assert.True(found.Places[0].DistanceKm < found.Places[1].DistanceKm);
        Assert.InRange(found.Places[0].DistanceKm, 1.5, 2.5);
        Assert.InRange(found.Places[1].DistanceKm, 8, 11);
        Assert.Equal(($"Buurtzorg Stadshagen {suffix}", 20, Qualification.WoundCare, "Ook voor nieuwkomers."), (found.Places[0].TeamName, found.Places[0].HoursPerWeek, found.Places[0].Qualification, found.Places[0].Note));
        var wide = await Ours(NearMe(session, 100), suffix);
        Assert.Equal([nearPlace, furtherPlace, farPlace], wide.Places.Select(p => p.PlaceId));

        // Nothing about where the team's clients live, nor who posted: names of places and teams, and a distance.
        var raw = await session.Http.GetStringAsync("/api/open-places/near-me?withinKm=100");
        foreach (var hidden in new[] { "latitude", "longitude", "location", "postedBy", "Johanna", client.Id.ToString(), "Mira" })
        {
            Assert.DoesNotContain(hidden, raw, StringComparison.OrdinalIgnoreCase);
        }

        await ProblemAssert.Problem(await session.Http.GetAsync("/api/open-places/near-me?withinKm=0"), HttpStatusCode.BadRequest, "withinKm");
        await ProblemAssert.Problem(await session.Http.GetAsync("/api/open-places/near-me?withinKm=101"), HttpStatusCode.BadRequest, "withinKm");
        Assert.DoesNotContain(found.Places, p => p.TeamId == own || p.Asked);
        Assert.NotEqual(Guid.Empty, lies);
    }

    [Fact]
    public async Task Only_the_teams_own_nurses_post_and_close_its_places_and_a_closed_place_is_found_no_more()
    {
        // Around Leeuwarden (53.20, 5.80).
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var team = await Found($"Buurtzorg Huizum {suffix}", "Friesland");
        var other = await Found($"Buurtzorg Bilgaard {suffix}", "Friesland");
        await Nurse(team, "Pien de Vries", $"pien-{suffix}", 53.19, 5.81);
        await Nurse(other, "Roos Dijkstra", $"roos-{suffix}", 53.21, 5.79);
        var place = await Post($"pien-{suffix}", team, 24, Qualification.PalliativeCare);
        var pien = await Host.SignIn($"pien-{suffix}");
        var roos = await Host.SignIn($"roos-{suffix}");

        var posting = await roos.Http.PostAsJsonAsync($"/api/teams/{team}/open-places", new { hoursPerWeek = 8 }, TeamDay.Json);
        var closing = await roos.Http.DeleteAsync($"/api/teams/{team}/open-places/{place}");
        var reading = await roos.Http.GetAsync($"/api/teams/{team}/open-places");

        foreach (var refused in new[] { posting, closing, reading })
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Contains(AccessGate.NotFoundDetail, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Single(await pien.Http.GetFromJsonAsync<JsonElement[]>($"/api/teams/{team}/open-places", TeamDay.Json) ?? []);
        await Eventually(() => NearMe(roos, null), f => f.Places.Any(p => p.PlaceId == place));

        Assert.Equal(HttpStatusCode.NoContent, (await pien.Http.DeleteAsync($"/api/teams/{team}/open-places/{place}")).StatusCode);
        await ProblemAssert.Problem(await pien.Http.DeleteAsync($"/api/teams/{team}/open-places/{place}"), HttpStatusCode.NotFound, "open place");
        Assert.Empty(await pien.Http.GetFromJsonAsync<JsonElement[]>($"/api/teams/{team}/open-places", TeamDay.Json) ?? []);
        await Eventually(() => NearMe(roos, null), f => f.Places.All(p => p.PlaceId != place));
    }

    [Fact]
    public async Task A_team_that_retires_takes_its_places_off_the_list()
    {
        // Around Middelburg (51.50, 3.61): the team's only nurse leaves, and the team with her.
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var team = await Found($"Buurtzorg Dauwendaele {suffix}", "Zeeland");
        var elsewhere = await Found($"Buurtzorg Vlissingen {suffix}", "Zeeland");
        var tess = await Nurse(team, "Tess Janssen", $"tess-{suffix}", 51.49, 3.63);
        await Nurse(elsewhere, "Uma Hendriks", $"uma-{suffix}", 51.45, 3.58);
        var place = await Post($"tess-{suffix}", team, 24, null);
        var uma = await Host.SignIn($"uma-{suffix}");
        await Eventually(() => NearMe(uma, null), f => f.Places.Any(p => p.PlaceId == place));

        var tessSession = await Host.SignIn($"tess-{suffix}");
        Assert.Equal(HttpStatusCode.OK, (await tessSession.Http.DeleteAsync($"/api/nurses/{tess}/team")).StatusCode);

        await Eventually(() => NearMe(uma, null), f => f.Places.All(p => p.PlaceId != place));
    }

    [Fact]
    public async Task A_team_that_divides_closes_its_places_and_its_halves_start_without_any()
    {
        // Around Den Helder (52.95, 4.76): twelve nurses and a place; the thirteenth makes the team divide.
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var team = await Found($"Buurtzorg Julianadorp {suffix}", "Noord-Holland");
        var elsewhere = await Found($"Buurtzorg Schagen {suffix}", "Noord-Holland");
        await Nurse(team, "Yara de Boer", $"yara-{suffix}", 52.95, 4.76);
        for (var i = 1; i < 12; i++)
        {
            await Nurse(team, $"Collega {i} {suffix}", $"collega-{i}-{suffix}", 52.95 + (i * 0.002), 4.76);
        }

        await Nurse(elsewhere, "Zoë Kramer", $"zoe-{suffix}", 52.90, 4.80);
        var place = await Post($"yara-{suffix}", team, 24, null);
        var zoe = await Host.SignIn($"zoe-{suffix}");
        await Eventually(() => NearMe(zoe, null), f => f.Places.Any(p => p.PlaceId == place));

        await Nurse(team, "Dertiende Collega", $"dertiende-{suffix}", 52.96, 4.77);

        var divided = await Mediator.Send(new GetTeam(team));
        Assert.Equal(2, divided.ChildTeamIds.Count);
        await Eventually(() => NearMe(zoe, null), f => f.Places.All(p => p.TeamId != team && !divided.ChildTeamIds.Contains(p.TeamId)));
        foreach (var child in divided.ChildTeamIds)
        {
            Assert.Empty((await Mediator.Send(new GetTeam(child))).OpenPlaces ?? []);
        }
    }

    [Fact]
    public async Task Clients_family_and_central_staff_are_refused_the_nurses_places_and_central_staff_read_the_counts()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await Host.OpenAccount($"centraal-{suffix}", AccountRole.Central);
        await Host.OpenAccount($"client-{suffix}", AccountRole.Client, Guid.NewGuid());
        await Host.OpenAccount($"familie-{suffix}", AccountRole.Family);
        var team = await Found($"Buurtzorg Wyck {suffix}", "Limburg");
        await Nurse(team, "Vera Peters", $"vera-{suffix}", 50.85, 5.70);

        foreach (var who in new[] { $"centraal-{suffix}", $"client-{suffix}", $"familie-{suffix}" })
        {
            var session = await Host.SignIn(who);
            foreach (var response in new[]
            {
                await session.Http.GetAsync("/api/open-places/near-me"),
                await session.Http.GetAsync($"/api/teams/{team}/open-places"),
                await session.Http.PostAsJsonAsync($"/api/teams/{team}/open-places", new { hoursPerWeek = 24 }, TeamDay.Json),
            })
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.Contains(AccessGate.NotFoundDetail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            var counts = await session.Http.GetAsync("/api/capacity/places");
            Assert.Equal(who.StartsWith("centraal", StringComparison.Ordinal) ? HttpStatusCode.OK : HttpStatusCode.NotFound, counts.StatusCode);
        }
    }

    [Fact]
    public async Task Central_staff_see_places_hours_and_waiting_requests_per_region_counts_under_five_withheld_and_no_names()
    {
        // A region of its own: two teams with a place each, then nurses asking to join one of them.
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var region = $"Drenthe {suffix}";
        var first = await Found($"Buurtzorg Assen {suffix}", region);
        var second = await Found($"Buurtzorg Emmen {suffix}", region);
        await Nurse(first, "Wendy Bakker", $"wendy-{suffix}", 52.99, 6.56);
        await Nurse(second, "Xandra Meijer", $"xandra-{suffix}", 52.78, 6.90);
        await Post($"wendy-{suffix}", first, 24, null);
        await Post($"xandra-{suffix}", second, 16, Qualification.DiabetesCare);
        var askers = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            askers.Add(await Nurse(null, $"Vrager {i} {suffix}", $"vrager-{i}-{suffix}", 52.9, 6.6));
        }

        await Host.OpenAccount($"centraal-regio-{suffix}", AccountRole.Central);
        var central = await Host.SignIn($"centraal-regio-{suffix}");

        foreach (var asker in askers.Take(4))
        {
            await Mediator.Send(new AskToJoin(first, asker, "Ik woon om de hoek."));
        }

        // The asking nurse reads that her request waits, on the place of the team she asked.
        var asking = await Host.SignIn($"vrager-1-{suffix}");
        var asked = await Eventually(() => Ours(NearMe(asking, null), suffix), f => f.Places.Any(p => p.Asked));
        Assert.Equal([first], asked.Places.Where(p => p.Asked).Select(p => p.TeamId));

        var fewer = await Eventually(() => Region(central, region), r => r is { OpenPlaces: 2 });
        Assert.Equal((2, 40, (int?)null), (fewer!.TeamsWithOpenPlaces, fewer.HoursPerWeek, fewer.WaitingRequests));

        await Mediator.Send(new AskToJoin(second, askers[4], null));
        await Eventually(() => Region(central, region), r => r?.WaitingRequests == 5);

        // One declined: four wait, and four could point at a person again.
        await Mediator.Send(new DeclineJoinRequest(first, askers[0], By: Guid.NewGuid()));
        await Eventually(() => Region(central, region), r => r is { WaitingRequests: null });

        var raw = await central.Http.GetStringAsync("/api/capacity/places");
        foreach (var name in new[] { "Vrager", "Wendy", "Xandra", $"Assen {suffix}", askers[1].ToString(), first.ToString() })
        {
            Assert.DoesNotContain(name, raw, StringComparison.OrdinalIgnoreCase);
        }
    }

    private sealed record Nearby(double WithinKm, List<FoundPlace> Places);

    private sealed record FoundPlace(Guid PlaceId, Guid TeamId, string TeamName, string Neighbourhood, int HoursPerWeek, Qualification? Qualification, string? Note, double DistanceKm, bool Asked);

    private sealed record PlacesRegion(string Name, int TeamsWithOpenPlaces, int OpenPlaces, int HoursPerWeek, int? WaitingRequests);

    private sealed record Overview(PlacesRegion Nation, List<PlacesRegion> Regions);

    private static async Task<Nearby> NearMe(TestHost.Session session, int? withinKm) =>
        (await session.Http.GetFromJsonAsync<Nearby>($"/api/open-places/near-me{(withinKm is { } km ? $"?withinKm={km}" : "")}", TeamDay.Json))!;

    private static async Task<Nearby> Ours(Task<Nearby> found, string suffix)
    {
        var all = await found;
        return all with { Places = [.. all.Places.Where(p => p.TeamName.EndsWith(suffix, StringComparison.Ordinal))] };
    }

    private static async Task<PlacesRegion?> Region(TestHost.Session central, string region) =>
        (await central.Http.GetFromJsonAsync<Overview>("/api/capacity/places", TeamDay.Json))!.Regions.FirstOrDefault(r => r.Name == region);

    private async Task<Guid> Found(string name, string region) => (await Mediator.Send(new CreateTeam(name, region))).Id;

    /// <summary>A nurse living at the given point with an account; in <paramref name="teamId"/>, or (null) in no team yet.</summary>
    private async Task<Guid> Nurse(Guid? teamId, string name, string userName, double latitude, double longitude)
    {
        var nurse = await Mediator.Send(new RegisterNurse(
            name, [Qualification.BasicCare], 24, latitude, longitude,
            [.. Enum.GetValues<DayOfWeek>().Select(day => new AvailabilitySlotInput(day, new TimeOnly(7, 0), new TimeOnly(17, 0)))]));
        if (teamId is { } team)
        {
            await Mediator.Send(new MoveNurse(nurse.Id, team));
        }

        await Host.OpenAccount(userName, AccountRole.Nurse, nurse.Id);
        return nurse.Id;
    }

    private async Task<Guid> Post(string userName, Guid teamId, int hours, Qualification? qualification, string? note = null)
    {
        var session = await Host.SignIn(userName);
        var response = await session.Http.PostAsJsonAsync($"/api/teams/{teamId}/open-places", new { hoursPerWeek = hours, qualification, note }, TeamDay.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var place = await response.Content.ReadFromJsonAsync<JsonElement>(TeamDay.Json);
        Assert.Equal($"/api/teams/{teamId}/open-places/{place.GetProperty("id").GetGuid()}", response.Headers.Location!.OriginalString);
        return place.GetProperty("id").GetGuid();
    }
}
